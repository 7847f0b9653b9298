// The lists an admin maintains (product lines, segments, regions, industries, loss reasons, activity types)
// and the items a new organization starts with. Pure: org sign-up and the demo seed both build their rows
// from here, so a new org and the demo org start from the same vocabulary.
import { DEFAULT_ACTIVITY_TYPES } from "./activities";

export const ORG_LIST_KEYS = ["PRODUCT_LINE", "SEGMENT", "REGION", "INDUSTRY", "LOSS_REASON", "ACTIVITY_TYPE", "WIN_REASON"] as const;
export type OrgListKey = (typeof ORG_LIST_KEYS)[number];

export type OrgListItemSeed = { key: string; labelEn: string; labelZh: string };

/** Keys are upper snake case: stable identifiers that survive a relabelling. */
export const LIST_ITEM_KEY_PATTERN = /^[A-Z0-9][A-Z0-9_]{0,59}$/;

/** A derived key stays short enough to read in a table; an admin may type a longer one (up to 60). */
const DERIVED_KEY_MAX = 32;

/**
 * "Ports & Logistics" → "PORTS_LOGISTICS"; a long label is cut at a word boundary. Empty when the label
 * has no Latin letters or digits (the admin then types the key).
 */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (key.length <= DERIVED_KEY_MAX) return key;
  const cut = key.slice(0, DERIVED_KEY_MAX + 1);
  const boundary = cut.lastIndexOf("_");
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, DERIVED_KEY_MAX)).replace(/_+$/, "");
}

const item = (labelEn: string, labelZh: string): OrgListItemSeed => ({ key: keyFromLabel(labelEn), labelEn, labelZh });

export const DEFAULT_SEGMENTS: OrgListItemSeed[] = [
  item("Strategic", "战略客户"),
  item("Large Enterprise", "大型企业"),
  item("Mid-Market", "中型企业"),
];

export const DEFAULT_REGIONS: OrgListItemSeed[] = [
  item("North China", "华北"),
  item("Northeast", "东北"),
  item("Northwest", "西北"),
  item("East China", "华东"),
  item("Central China", "华中"),
  item("South China", "华南"),
  item("Southwest", "西南"),
];

export const DEFAULT_INDUSTRIES: OrgListItemSeed[] = [
  item("Power Utilities", "电力"),
  item("Renewable Energy", "新能源"),
  item("Rail Transit", "轨道交通"),
  item("Ports & Logistics", "港口物流"),
  item("Metallurgy", "冶金"),
  item("Mining", "矿业"),
  item("Petrochemicals", "石油化工"),
  item("Manufacturing", "制造业"),
  item("Electronics", "电子"),
  item("Shipbuilding", "船舶"),
  item("Building Materials", "建材"),
  item("Pharmaceuticals", "医药"),
  item("Water & Wastewater", "水务"),
  item("Data Centers", "数据中心"),
  item("Agriculture", "农业"),
];

export const DEFAULT_LOSS_REASONS: OrgListItemSeed[] = [
  item("Price", "价格"),
  item("Competitor relationship", "竞争对手关系"),
  item("Technical fit", "技术不符合"),
  item("Project postponed or cancelled", "项目推迟或取消"),
  item("Budget cut", "预算削减"),
  item("No access to the decision maker", "未接触到决策人"),
  item("Other", "其他"),
];

/** Why deals are won: the primary and secondary reasons of a won deal's close-out review (项目总结). */
export const DEFAULT_WIN_REASONS: OrgListItemSeed[] = [
  item("Solution fit", "方案契合"),
  item("Relationship with the decision maker", "与决策人的关系"),
  item("Price", "价格"),
  item("Reference sites", "样板点"),
  item("Delivery capability", "交付能力"),
  item("Other", "其他"),
];

/** The activity types mirror the registry's keys, so a logged activity's type always has its labels here. */
export const DEFAULT_ACTIVITY_TYPE_ITEMS: OrgListItemSeed[] = DEFAULT_ACTIVITY_TYPES.map((definition) => ({
  key: definition.key,
  labelEn: definition.name.en,
  labelZh: definition.name["zh-CN"],
}));

/**
 * What a new organization starts with. Product lines are the org's own business, so it starts with none;
 * the demo seed adds its catalogue's.
 */
export const DEFAULT_ORG_LISTS: Record<OrgListKey, OrgListItemSeed[]> = {
  PRODUCT_LINE: [],
  SEGMENT: DEFAULT_SEGMENTS,
  REGION: DEFAULT_REGIONS,
  INDUSTRY: DEFAULT_INDUSTRIES,
  LOSS_REASON: DEFAULT_LOSS_REASONS,
  ACTIVITY_TYPE: DEFAULT_ACTIVITY_TYPE_ITEMS,
  WIN_REASON: DEFAULT_WIN_REASONS,
};

export type OrgListRow = { orgId: string; list: OrgListKey; key: string; labelEn: string; labelZh: string; order: number };

/** Rows for createMany: each list's items numbered in their given order. */
export function buildOrgListRows(orgId: string, lists: Partial<Record<OrgListKey, OrgListItemSeed[]>> = DEFAULT_ORG_LISTS): OrgListRow[] {
  return ORG_LIST_KEYS.flatMap((list) =>
    (lists[list] ?? []).map((seed, index) => ({ orgId, list, key: seed.key, labelEn: seed.labelEn, labelZh: seed.labelZh, order: index })),
  );
}

/** The label in the locale (zh* → Chinese, anything else → English). */
export function listItemLabel(item: { labelEn: string; labelZh: string }, locale: string): string {
  return locale.startsWith("zh") ? item.labelZh : item.labelEn;
}
