// Stage gates (METHOD.md principles 2–4): the entry criteria a deal must meet to move into a stage, as a
// registry of criterion kinds. Each kind has a zod schema for its `config` and a pure evaluation over the
// deal's facts; later issues add kinds (DECISION_STAGE, CONTACT_ROLE, NO_RED_FLAG) by adding an entry here
// and, if they need new facts, a member of DealFacts. No I/O: lib/data/gates*.ts loads the facts.
import { z } from "zod";
import { DEFAULT_ACTIVITY_TYPES } from "./activities";
import { contactRoleCriterion, noRedFlagCriterion } from "./gates-buying-center";
import type { BuyingCenterFacts } from "./buying-center";
import { DECISION_STAGE_KEYS, DECISION_STAGE_NAMES, type DecisionStageKey, isDecisionStageAtLeast } from "./decision-cycle";
import { toDecimal } from "./money";
import { type LocalizedText, PIPELINE_STAGE_KEYS, type StageKey } from "./stages";

export const GATE_MODES = ["BLOCK", "WARN"] as const;
export type GateMode = (typeof GATE_MODES)[number];

/** The opportunity fields a REQUIRED_FIELDS criterion may demand, with their labels. */
export const REQUIRED_FIELD_LABELS = {
  productLine: { en: "product line", "zh-CN": "产品线" },
  amount: { en: "amount (more than 0)", "zh-CN": "金额（大于 0）" },
  teamId: { en: "team", "zh-CN": "团队" },
  expectedCloseDate: { en: "expected close date", "zh-CN": "预计成交日期" },
} as const satisfies Record<string, LocalizedText>;
export type RequiredFieldKey = keyof typeof REQUIRED_FIELD_LABELS;
export const REQUIRED_FIELD_KEYS = Object.keys(REQUIRED_FIELD_LABELS) as [RequiredFieldKey, ...RequiredFieldKey[]];

/** Everything the kinds evaluate, loaded in a few queries by the data layer. */
export type DealFacts = {
  stage: StageKey;
  /** When the deal entered its current stage. */
  stageEnteredAt: Date;
  fields: { productLine: string | null; amount: string; teamId: string | null; expectedCloseDate: string | null };
  /** Ids of the CHECKLIST criteria ticked on this deal (each tick carries its evidence). */
  tickedCriterionIds: ReadonlySet<string>;
  /** The deal's activities (type key and when it happened). */
  activities: readonly { type: string; occurredAt: Date }[];
  /** Every entry into a stage (StageChange rows, creation included), oldest first. */
  stageEntries: readonly { fromStage: StageKey | null; toStage: StageKey; at: Date }[];
  /** APPROVED, not yet used approval requests of the deal. */
  approvals: readonly { id: string; toStage: StageKey }[];
  /** The deal's buying center and the relationships its people hold (issue 6); absent reads as empty. */
  buyingCenter?: BuyingCenterFacts;
  /** The customer's current decision-cycle stage (issue 5); absent or null when never recorded. */
  decisionStage?: DecisionStageKey | null;
  /** The org's activity-type names (its own types included); built-in names when absent. */
  activityTypeNames?: ReadonlyMap<string, LocalizedText>;
};

export type GateCriterion = {
  id: string;
  stage: StageKey;
  kind: string;
  label: LocalizedText;
  /** Already parsed by the kind's configSchema (parseCriterionConfig). */
  config: unknown;
  mode: GateMode;
  order: number;
};

/** The stage whose gate is evaluated and the stage the deal is moving to (they differ for skipped stages). */
export type GateScope = { stage: StageKey; moveTo: StageKey };

export type KindVerdict = { met: boolean; message: LocalizedText; approvalId?: string };

export type CriterionKind<C> = {
  key: string;
  name: LocalizedText;
  configSchema: z.ZodType<C>;
  evaluate: (config: C, facts: DealFacts, scope: GateScope, criterion: GateCriterion) => KindVerdict;
};

const text = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });
const joinLabels = (keys: readonly RequiredFieldKey[], locale: keyof LocalizedText) =>
  keys.map((key) => REQUIRED_FIELD_LABELS[key][locale]).join(locale === "en" ? ", " : "、");

function isFieldFilled(facts: DealFacts, field: RequiredFieldKey): boolean {
  if (field === "amount") return toDecimal(facts.fields.amount).gt(0);
  const value = facts.fields[field];
  return value !== null && value.trim() !== "";
}

/** Activity types are keys; whether the org offers the type is checked by the data layer (lib/data/gates.ts). */
const activityTypeKey = z.string().regex(/^[A-Z0-9][A-Z0-9_]{0,39}$/, { error: "Use an activity-type key, e.g. TECH_EXCHANGE." });

function activityTypeName(type: string, facts: DealFacts): LocalizedText {
  return facts.activityTypeNames?.get(type) ?? DEFAULT_ACTIVITY_TYPES.find((definition) => definition.key === type)?.name ?? text(type, type);
}

/**
 * Since when an ACTIVITY criterion of `stage` looks for activities: the deal's latest entry into the stage
 * before it; if the deal never was there (it skips it now), its entry into its current stage.
 */
export function activityWindowStart(facts: DealFacts, stage: StageKey): Date {
  const index = (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(stage);
  if (index <= 0) return facts.stageEnteredAt;
  const previous = PIPELINE_STAGE_KEYS[index - 1];
  const entry = facts.stageEntries.findLast((change) => change.toStage === previous);
  return entry?.at ?? facts.stageEnteredAt;
}

/** An approval counts for a criterion of `stage` when it was asked for that stage or any stage up to the target. */
function findApproval(facts: DealFacts, scope: GateScope) {
  const order = (key: StageKey) => (key === "LOST" ? -1 : (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(key));
  if (scope.stage === "LOST" || scope.moveTo === "LOST") return facts.approvals.find((approval) => approval.toStage === scope.stage);
  return facts.approvals.find((approval) => order(approval.toStage) >= order(scope.stage) && order(approval.toStage) <= order(scope.moveTo));
}

const requiredFields: CriterionKind<{ fields: RequiredFieldKey[] }> = {
  key: "REQUIRED_FIELDS",
  name: text("Required fields", "必填字段"),
  configSchema: z.strictObject({
    fields: z.array(z.enum(REQUIRED_FIELD_KEYS, { error: `Fields are ${REQUIRED_FIELD_KEYS.join(", ")}.` }))
      .min(1, { error: "Name at least one field." })
      .transform((fields) => [...new Set(fields)]),
  }),
  evaluate: (config, facts) => {
    const missing = config.fields.filter((field) => !isFieldFilled(facts, field));
    return missing.length
      ? { met: false, message: text(`Fill in: ${joinLabels(missing, "en")}.`, `请填写：${joinLabels(missing, "zh-CN")}。`) }
      : { met: true, message: text("All required fields are filled.", "必填字段已填写。") };
  },
};

const checklist: CriterionKind<Record<string, never>> = {
  key: "CHECKLIST",
  name: text("Checklist item", "检查项"),
  configSchema: z.strictObject({}),
  evaluate: (_config, facts, _scope, criterion) =>
    facts.tickedCriterionIds.has(criterion.id)
      ? { met: true, message: text("Ticked with evidence.", "已勾选并附证据。") }
      : {
        met: false,
        message: text(
          `Tick "${criterion.label.en}" with evidence (an activity or a file).`,
          `请勾选"${criterion.label["zh-CN"]}"并附证据（活动或文件）。`,
        ),
      },
};

const activity: CriterionKind<{ activityType: string }> = {
  key: "ACTIVITY",
  name: text("Activity logged", "已记录活动"),
  configSchema: z.strictObject({ activityType: activityTypeKey }),
  evaluate: (config, facts, scope) => {
    const since = activityWindowStart(facts, scope.stage);
    const name = activityTypeName(config.activityType, facts);
    const isLogged = facts.activities.some((item) => item.type === config.activityType && item.occurredAt >= since);
    return isLogged
      ? { met: true, message: text(`A ${name.en} activity is logged.`, `已记录${name["zh-CN"]}活动。`) }
      : { met: false, message: text(`Log a ${name.en} activity on this deal.`, `请在此项目上记录一次${name["zh-CN"]}活动。`) };
  },
};

const approval: CriterionKind<Record<string, never>> = {
  key: "APPROVAL",
  name: text("Manager approval", "经理审批"),
  configSchema: z.strictObject({}),
  evaluate: (_config, facts, scope) => {
    const granted = findApproval(facts, scope);
    return granted
      ? { met: true, message: text("Approved by a manager.", "已获经理批准。"), approvalId: granted.id }
      : {
        met: false,
        message: text(`Needs a manager's approval to enter ${scope.stage}.`, `进入 ${scope.stage} 需要经理批准。`),
      };
  },
};

const decisionStage: CriterionKind<{ atLeast: DecisionStageKey }> = {
  key: "DECISION_STAGE",
  name: text("Customer decision stage", "客户决策阶段"),
  configSchema: z.strictObject({
    atLeast: z.enum(DECISION_STAGE_KEYS, { error: `atLeast is one of ${DECISION_STAGE_KEYS.join(", ")}.` }),
  }),
  evaluate: (config, facts) => {
    const name = DECISION_STAGE_NAMES[config.atLeast];
    return isDecisionStageAtLeast(facts.decisionStage, config.atLeast)
      ? { met: true, message: text(`The customer is at ${name.en} or beyond.`, `客户已处于${name["zh-CN"]}阶段或之后。`) }
      : {
        met: false,
        message: text(
          `The customer must have reached ${name.en} in its decision cycle; record where the customer is, with evidence.`,
          `客户决策须已到达${name["zh-CN"]}阶段；请记录客户所处阶段并附证据。`,
        ),
      };
  },
};

// `unknown` config at the registry boundary: each kind narrows it through its own schema.
type AnyKind = CriterionKind<never>;

export const CRITERION_KINDS: Readonly<Record<string, AnyKind>> = Object.freeze({
  REQUIRED_FIELDS: requiredFields as unknown as AnyKind,
  CHECKLIST: checklist as unknown as AnyKind,
  ACTIVITY: activity as unknown as AnyKind,
  APPROVAL: approval as unknown as AnyKind,
  CONTACT_ROLE: contactRoleCriterion as unknown as AnyKind,
  NO_RED_FLAG: noRedFlagCriterion as unknown as AnyKind,
  DECISION_STAGE: decisionStage as unknown as AnyKind,
});

export function isCriterionKind(value: unknown): value is string {
  return typeof value === "string" && Object.hasOwn(CRITERION_KINDS, value);
}

export type ConfigParse = { success: true; config: unknown } | { success: false; issues: z.core.$ZodIssue[] };

/** Validates a criterion's config against its kind; unknown kinds fail with one issue on `kind`. */
export function parseCriterionConfig(kind: string, config: unknown): ConfigParse {
  if (!isCriterionKind(kind)) {
    return { success: false, issues: [{ code: "custom", path: ["kind"], message: "Unknown criterion kind.", input: kind }] };
  }
  const result = (CRITERION_KINDS[kind].configSchema as z.ZodType).safeParse(config ?? {});
  return result.success ? { success: true, config: result.data } : { success: false, issues: result.error.issues };
}

export type CriterionResult = {
  criterionId: string;
  kind: string;
  stage: StageKey;
  mode: GateMode;
  label: LocalizedText;
  met: boolean;
  message: LocalizedText;
  /** The approval request that satisfies an APPROVAL criterion (consumed by the move). */
  approvalId?: string;
};

/** Evaluates one criterion; a config that no longer parses (a kind changed its schema) counts as unmet. */
export function evaluateCriterion(criterion: GateCriterion, facts: DealFacts, scope: GateScope): CriterionResult {
  const base = { criterionId: criterion.id, kind: criterion.kind, stage: criterion.stage, mode: criterion.mode, label: criterion.label };
  const parsed = parseCriterionConfig(criterion.kind, criterion.config);
  if (!parsed.success) {
    return { ...base, met: false, message: text("This criterion is misconfigured; ask an administrator.", "此条件配置有误，请联系管理员。") };
  }
  const verdict = CRITERION_KINDS[criterion.kind].evaluate(parsed.config as never, facts, scope, criterion);
  return { ...base, ...verdict };
}
