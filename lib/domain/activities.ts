// The activity-type registry: the sales-activity cycle of METHOD.md §3 plus the three market-activity tools
// (三板斧), in their usual order, with names in English and 简体中文. Forms, API validation, the timeline
// and the seed all ask this module. Stored as plain keys (a string column), so an org's own types (a later
// issue) are merged in by `resolveActivityTypes` without a migration — never hard-coded elsewhere.
import type { LocalizedText } from "./stages";

export const ACTIVITY_TYPE_KEYS = [
  "PHONE_CALL", "VISIT", "SURVEY", "PROPOSAL", "TECH_EXCHANGE", "NEEDS_SURVEY", "SOLUTION_DESIGN", "EVALUATION",
  "NEGOTIATION", "SIGNING", "TRADE_SHOW", "REFERENCE_VISIT", "CUSTOMER_MEETING",
] as const;
export type ActivityTypeKey = (typeof ACTIVITY_TYPE_KEYS)[number];

/**
 * SALES_CYCLE: the rep's steps with one customer; MARKET: the market-activity tools (展览会, 样板点, 交流会);
 * ORG: the types an admin added to the org's list.
 */
export type ActivityGroup = "SALES_CYCLE" | "MARKET" | "ORG";

export type ActivityTypeDefinition = {
  key: string;
  order: number;
  group: ActivityGroup;
  name: LocalizedText;
};

export type ActivityTypeRegistry = readonly ActivityTypeDefinition[];

const define = (key: ActivityTypeKey, group: ActivityGroup, en: string, zh: string): Omit<ActivityTypeDefinition, "order"> => ({
  key, group, name: { en, "zh-CN": zh },
});

export const DEFAULT_ACTIVITY_TYPES: ActivityTypeRegistry = Object.freeze(
  [
    define("PHONE_CALL", "SALES_CYCLE", "Phone call", "电话邀约"),
    define("VISIT", "SALES_CYCLE", "Customer visit", "客户拜访"),
    define("SURVEY", "SALES_CYCLE", "First survey", "初步调研"),
    define("PROPOSAL", "SALES_CYCLE", "First proposal", "提交初步方案"),
    define("TECH_EXCHANGE", "SALES_CYCLE", "Technical exchange / demo", "技术交流/演示"),
    define("NEEDS_SURVEY", "SALES_CYCLE", "Needs survey", "需求调研"),
    define("SOLUTION_DESIGN", "SALES_CYCLE", "Formal solution design", "正式方案设计"),
    define("EVALUATION", "SALES_CYCLE", "Evaluation", "评估"),
    define("NEGOTIATION", "SALES_CYCLE", "Negotiation", "谈判"),
    define("SIGNING", "SALES_CYCLE", "Signing", "商务签约"),
    define("TRADE_SHOW", "MARKET", "Trade show", "展览会"),
    define("REFERENCE_VISIT", "MARKET", "Reference-site visit", "样板点"),
    define("CUSTOMER_MEETING", "MARKET", "Customer exchange meeting", "客户接待交流会"),
  ].map((definition, order) => Object.freeze({ ...definition, order })),
);

/** The org's registry: the defaults followed by its own types (a later issue), in their order. */
export function resolveActivityTypes(extra: readonly Omit<ActivityTypeDefinition, "order">[] = []): ActivityTypeRegistry {
  const known = new Set(DEFAULT_ACTIVITY_TYPES.map((definition) => definition.key));
  const added = extra.filter((definition) => !known.has(definition.key));
  return [...DEFAULT_ACTIVITY_TYPES, ...added.map((definition, index) => ({ ...definition, order: DEFAULT_ACTIVITY_TYPES.length + index }))];
}

/** An item of the org's ACTIVITY_TYPE list (lib/data/lists.ts). */
export type OrgActivityTypeItem = { key: string; labelEn: string; labelZh: string; active: boolean };

export type OrgActivityTypes = {
  /** Every type the org knows, inactive ones too: old activities and criteria keep their names. */
  all: ActivityTypeRegistry;
  /** The types a new activity or an ACTIVITY criterion may use. */
  active: ActivityTypeRegistry;
};

/**
 * The org's types from its list (items in the admin's order): the built-in types keep their place and group
 * but take the org's labels, and an inactive item switches one off; the admin's own types follow as ORG. An
 * org without list rows (made before lists existed) simply has the built-in types.
 */
export function resolveOrgActivityTypes(items: readonly OrgActivityTypeItem[]): OrgActivityTypes {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const builtIn = DEFAULT_ACTIVITY_TYPES.map((definition) => {
    const item = byKey.get(definition.key);
    return { definition: item ? { ...definition, name: { en: item.labelEn, "zh-CN": item.labelZh } } : definition, isActive: item?.active ?? true };
  });
  const added = items
    .filter((item) => !DEFAULT_ACTIVITY_TYPES.some((definition) => definition.key === item.key))
    .map((item, index) => ({
      definition: { key: item.key, group: "ORG" as const, order: DEFAULT_ACTIVITY_TYPES.length + index, name: { en: item.labelEn, "zh-CN": item.labelZh } },
      isActive: item.active,
    }));
  const every = [...builtIn, ...added];
  return { all: every.map((entry) => entry.definition), active: every.filter((entry) => entry.isActive).map((entry) => entry.definition) };
}

export function isActivityTypeKey(value: unknown, registry: ActivityTypeRegistry = DEFAULT_ACTIVITY_TYPES): boolean {
  return typeof value === "string" && registry.some((definition) => definition.key === value);
}

export function listActivityTypes(registry: ActivityTypeRegistry = DEFAULT_ACTIVITY_TYPES): ActivityTypeDefinition[] {
  return [...registry].sort((a, b) => a.order - b.order);
}

/** The type's name in the locale; an unknown key (e.g. a type an admin has since removed) shows as itself. */
export function activityTypeName(key: string, locale: string, registry: ActivityTypeRegistry = DEFAULT_ACTIVITY_TYPES): string {
  const definition = registry.find((candidate) => candidate.key === key);
  if (!definition) return key;
  return locale === "zh-CN" ? definition.name["zh-CN"] : definition.name.en;
}
