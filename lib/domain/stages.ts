// THE stage module: the only place that knows the P0–P7 pipeline (METHOD.md §1) — order, names in
// English and 简体中文, default win probabilities, closed/won flags, stall limits and allowed moves.
// Board, forecast, gates, seed, API and import all ask this module; the org's stored overrides (a later
// issue) are merged in by `resolveStageTable`, never written anywhere else.
import type { DecisionStageKey } from "./decision-cycle";
import { Decimal, type DecimalInput, toDecimal } from "./money";
import { daysInStage } from "./stage-time";

export const STAGE_KEYS = ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "LOST"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];
export const PIPELINE_STAGE_KEYS = ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"] as const satisfies readonly StageKey[];
export const OPEN_STAGE_KEYS = ["P0", "P1", "P2", "P3", "P4", "P5", "P6"] as const satisfies readonly StageKey[];

export type LocalizedText = { en: string; "zh-CN": string };

export type StageDefinition = {
  key: StageKey;
  order: number;
  name: LocalizedText;
  description: LocalizedText;
  /** Win probability as an exact decimal string in [0, 1], e.g. "0.25". */
  probability: string;
  isClosed: boolean;
  isWon: boolean;
  /** Days a deal may sit in this stage before it counts as stalled; null for closed stages. */
  maxDaysInStage: number | null;
  /** The deal workspace's coaching (METHOD.md §1–§2): what happens in this stage, and what the next one needs. */
  guidance: { here: LocalizedText; next: LocalizedText };
  /** The customer decision-cycle step a deal in this stage is expected to have reached (METHOD.md §2); null for LOST. */
  expectedDecisionStage: DecisionStageKey | null;
};

export type StageTable = Record<StageKey, StageDefinition>;

type BaseStageDefinition = Omit<StageDefinition, "guidance" | "expectedDecisionStage">;

const DEFAULT_STAGES: readonly BaseStageDefinition[] = [
  stage("P0", 0, "Research: market planning, account development", "研究阶段：市场规划 / 客户开发", "Research", "研究阶段", "0.10", 30),
  stage("P1", 1, "Uncover the need, lock the target", "挖掘需求 / 锁定目标", "Need & target", "挖掘需求", "0.20", 21),
  stage("P2", 2, "Project initiation, relationship work", "方案立项 / 客户公关", "Initiation", "方案立项", "0.25", 21),
  stage("P3", 3, "Solution design exchange, win middle management", "设计交流 / 中层把握", "Design exchange", "设计交流", "0.30", 30),
  stage("P4", 4, "Needs survey, break through to senior management", "需求调研 / 高层突破", "Needs survey", "需求调研", "0.50", 30),
  stage("P5", 5, "Solution evaluation, customer commitment", "方案评估 / 项目承诺", "Evaluation", "方案评估", "0.75", 21),
  stage("P6", 6, "Contract negotiation, signing", "协议谈判 / 签约成交", "Negotiation", "协议谈判", "0.90", 14),
  { ...stage("P7", 7, "Signed: delivery, close-out, expansion", "实施结案 / 升级扩容", "Won", "签约成交", "1.00", null), isClosed: true, isWon: true },
  {
    ...stage("LOST", 8, "Lost: the deal went elsewhere or was abandoned", "输单：项目丢失或放弃", "Lost", "输单", "0", null),
    name: { en: "Lost", "zh-CN": "输单" }, // outside P0–P7: no stage number in front
    isClosed: true,
  },
];

function stage(
  key: StageKey, order: number, descriptionEn: string, descriptionZh: string,
  nameEn: string, nameZh: string, probability: string, maxDaysInStage: number | null,
): BaseStageDefinition {
  return {
    key, order, probability, maxDaysInStage, isClosed: false, isWon: false,
    name: { en: `${key} ${nameEn}`, "zh-CN": `${key} ${nameZh}` },
    description: { en: descriptionEn, "zh-CN": descriptionZh },
  };
}

const text = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

// Each stage's work and exit condition, with the customer's decision-cycle step it aligns with (§2).
const GUIDANCE: Record<StageKey, StageDefinition["guidance"]> = {
  P0: {
    here: text(
      "Plan the market and develop the account: research the customer's business, map its organization, make first contact (phone call, visit, trade show). The customer usually sees no problem yet.",
      "市场规划与客户开发：研究客户业务，绘制组织架构，初次接触（电话邀约、客户拜访、展览会）。此时客户通常认为没有问题（满意）。",
    ),
    next: text(
      "P1 needs: a problem the customer acknowledges, and a named contact willing to discuss it.",
      "进入 P1 需要：客户认可的问题，以及愿意深入交流的联系人。",
    ),
  },
  P1: {
    here: text(
      "Uncover the need and lock the target: survey the site, test whether the problem is serious enough to act on, learn the budget and who decides.",
      "挖掘需求、锁定目标：初步调研，判断问题是否严重到值得行动，了解预算和决策人（认识阶段）。",
    ),
    next: text(
      "P2 needs: a confirmed need with a budget in sight, and the decision to pursue — project initiation (立项) needs your manager's approval.",
      "进入 P2 需要：需求已确认、预算有眉目，并决定跟进——项目立项须经理批准。",
    ),
  },
  P2: {
    here: text(
      "Initiate the project and build relationships: submit the first proposal, meet the customer's people, develop a coach, form the virtual project team.",
      "方案立项、客户公关：提交初步方案，拜访客户相关人员，发展教练，组建虚拟项目团队（客户决定阶段）。",
    ),
    next: text(
      "P3 needs: the customer has set up the project or a buying team, and our first proposal is on the table.",
      "进入 P3 需要：客户已立项或成立采购小组，我方初步方案已提交。",
    ),
  },
  P3: {
    here: text(
      "Exchange on the solution design: technical exchanges and demos, reference-site visits; win middle management and shape the purchasing criteria.",
      "设计交流、中层把握：技术交流/演示、参观样板点；赢得中层支持，影响采购标准（定标阶段）。",
    ),
    next: text(
      "P4 needs: middle management backs our approach, the criteria reflect our strengths, and a meeting with senior management is arranged.",
      "进入 P4 需要：中层认可我方思路，采购标准体现我方优势，并已安排与高层会面。",
    ),
  },
  P4: {
    here: text(
      "Run the detailed needs survey and break through to senior management: confirm scope, budget and timeline with the decision makers.",
      "需求调研、高层突破：开展详细需求调研，与决策层确认范围、预算和时间表。",
    ),
    next: text(
      "P5 needs: a senior decision maker backs the project, and the formal solution design is ready for evaluation.",
      "进入 P5 需要：高层决策者支持项目，正式方案设计已完成、可供评估。",
    ),
  },
  P5: {
    here: text(
      "The customer evaluates the solution: presentations, tender and shortlist, reference checks and site visits. Obtain the customer's commitment.",
      "方案评估、项目承诺：方案汇报、招标与入围、客户考察和样板点参观；争取客户承诺（评价、调查阶段）。",
    ),
    next: text(
      "P6 needs: we are the preferred supplier and the customer commits to negotiating the contract.",
      "进入 P6 需要：我方成为首选供应商，客户承诺进入合同谈判。",
    ),
  },
  P6: {
    here: text(
      "Negotiate the contract: price, terms, delivery and acceptance points; close and sign.",
      "协议谈判、签约成交：谈判价格、条款、交付和验收点；促成签约（客户选择阶段）。",
    ),
    next: text("P7 needs: the signed contract.", "进入 P7 需要：合同已签署。"),
  },
  P7: {
    here: text(
      "Signed: deliver, reach the acceptance points, close out with a project review, and split the bonus pool.",
      "已签约：实施交付，完成验收，项目总结结案，分配奖金包。",
    ),
    next: text(
      "Next: the customer re-evaluates the result — find the next problem to solve (upsell, expansion) and open a new deal at P0.",
      "下一步：客户再评价——发现新的问题（升级扩容），在 P0 开启新项目。",
    ),
  },
  LOST: {
    here: text(
      "Lost: the deal went elsewhere or was abandoned. Record why and review the loss with the team.",
      "输单：项目丢失或放弃。记录原因，并与团队复盘。",
    ),
    next: text(
      "Next: keep the relationship warm; a new need starts a new deal at P0.",
      "下一步：保持客户关系；出现新需求时在 P0 开启新项目。",
    ),
  },
};

// The alignment table of METHOD.md §2 (our reading): P5 spans Evaluation–Investigation; we expect Evaluation.
const EXPECTED_DECISION_STAGE: Record<StageKey, DecisionStageKey | null> = {
  P0: "SATISFACTION", P1: "RECOGNITION", P2: "DECISION", P3: "CRITERIA", P4: "CRITERIA",
  P5: "EVALUATION", P6: "SELECTION", P7: "REEVALUATION", LOST: null,
};

export const DEFAULT_STAGE_TABLE: StageTable = Object.freeze(
  Object.fromEntries(
    DEFAULT_STAGES.map((definition) => [
      definition.key,
      Object.freeze({ ...definition, guidance: GUIDANCE[definition.key], expectedDecisionStage: EXPECTED_DECISION_STAGE[definition.key] }),
    ]),
  ),
) as StageTable;

/** What an org may store for one stage (lib/data/stage-config.ts); anything absent keeps the default. */
export type StageOverride = Partial<Pick<StageDefinition, "name" | "probability" | "maxDaysInStage" | "expectedDecisionStage">> & {
  /** Replaces the "what happens here" coaching text; the "what the next stage needs" text stays generated. */
  guidance?: LocalizedText;
};

export type StageConfigIssue = { stage: StageKey; field: "probability"; message: string };

/** A stored or proposed configuration that breaks the stage table's invariants. */
export class StageConfigError extends Error {
  readonly issues: StageConfigIssue[];
  constructor(issues: StageConfigIssue[]) {
    super(issues.map((issue) => `${issue.stage}: ${issue.message}`).join(" "));
    this.name = "StageConfigError";
    this.issues = issues;
  }
}

const PROBABILITY_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/**
 * Every reason the overrides cannot form a stage table: a probability outside [0, 1] (at most 4 places),
 * P7 other than 100% or LOST other than 0% ("won" and "lost" are facts, not estimates), or a probability
 * lower than the stage before it from P0 to P7 (the forecast would otherwise reward going backwards).
 */
export function validateStageOverrides(overrides: Partial<Record<StageKey, StageOverride>>): StageConfigIssue[] {
  const issues: StageConfigIssue[] = [];
  for (const key of STAGE_KEYS) {
    const probability = overrides[key]?.probability;
    if (probability === undefined) continue;
    if (!PROBABILITY_PATTERN.test(probability)) {
      issues.push({ stage: key, field: "probability", message: "A probability is a decimal between 0 and 1 with at most 4 places." });
    } else if (key === "P7" && !new Decimal(probability).eq(1)) {
      issues.push({ stage: key, field: "probability", message: "P7 (won) is fixed at 100%." });
    } else if (key === "LOST" && !new Decimal(probability).eq(0)) {
      issues.push({ stage: key, field: "probability", message: "LOST is fixed at 0%." });
    }
  }
  if (issues.length) return issues;
  let previous = new Decimal(0);
  for (const key of PIPELINE_STAGE_KEYS) {
    const current = new Decimal(overrides[key]?.probability ?? DEFAULT_STAGE_TABLE[key].probability);
    if (current.lt(previous)) {
      issues.push({ stage: key, field: "probability", message: "Probabilities must not decrease from P0 to P7." });
    }
    previous = Decimal.max(previous, current);
  }
  return issues;
}

/**
 * The org's effective stage table: defaults merged with its stored overrides, after validateStageOverrides
 * (throws StageConfigError on any issue: the data layer validates before it stores, so a throw here is a bug).
 */
export function resolveStageTable(overrides: Partial<Record<StageKey, StageOverride>> = {}): StageTable {
  const issues = validateStageOverrides(overrides);
  if (issues.length) throw new StageConfigError(issues);
  const table = {} as StageTable;
  for (const key of STAGE_KEYS) {
    const { guidance, ...rest } = overrides[key] ?? {};
    const defaults = DEFAULT_STAGE_TABLE[key];
    const present = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    const merged: StageDefinition = { ...defaults, ...present, guidance: guidance ? { ...defaults.guidance, here: guidance } : defaults.guidance };
    // Canonical spellings, so "1", "1.0000" and "1.00" compare and display alike.
    if (key === "P7") merged.probability = "1.00";
    if (key === "LOST") merged.probability = "0";
    table[key] = merged;
  }
  return table;
}

export function isStageKey(value: unknown): value is StageKey {
  return typeof value === "string" && (STAGE_KEYS as readonly string[]).includes(value);
}

export function listStages(table: StageTable = DEFAULT_STAGE_TABLE): StageDefinition[] {
  return STAGE_KEYS.map((key) => table[key]).sort((a, b) => a.order - b.order);
}

export function stageProbability(stageKey: StageKey, table: StageTable = DEFAULT_STAGE_TABLE): Decimal {
  return new Decimal(table[stageKey].probability);
}

/** Unrounded amount × probability; round with formatMoneyString for a record, or after summing for totals. */
export function weightedAmount(amount: DecimalInput, stageKey: StageKey, table: StageTable = DEFAULT_STAGE_TABLE): Decimal {
  return toDecimal(amount).times(stageProbability(stageKey, table));
}

export function isClosedStage(stageKey: StageKey, table: StageTable = DEFAULT_STAGE_TABLE): boolean {
  return table[stageKey].isClosed;
}

export function isWonStage(stageKey: StageKey, table: StageTable = DEFAULT_STAGE_TABLE): boolean {
  return table[stageKey].isWon;
}

export function stageName(stageKey: StageKey, locale: string, table: StageTable = DEFAULT_STAGE_TABLE): string {
  return locale === "zh-CN" ? table[stageKey].name["zh-CN"] : table[stageKey].name.en;
}

/** Probabilities must not decrease from P0 to P7 (the forecast would otherwise reward going backwards). */
export function hasMonotoneProbabilities(table: StageTable): boolean {
  return PIPELINE_STAGE_KEYS.every((key, index) => {
    if (index === 0) return true;
    const previous = PIPELINE_STAGE_KEYS[index - 1];
    return stageProbability(key, table).gte(stageProbability(previous, table));
  });
}

export type StageMoveRefusal = "SAME_STAGE" | "LOSS_REASON_REQUIRED";

/** Domain rules for a stage move, independent of who asks; permissions and gates are checked elsewhere. */
export function checkStageMove(from: StageKey, to: StageKey, lossReason?: string | null): StageMoveRefusal | null {
  if (from === to) return "SAME_STAGE";
  if (to === "LOST" && !lossReason?.trim()) return "LOSS_REASON_REQUIRED";
  return null;
}

export { daysInStage };

export function isStalled(stageKey: StageKey, stageEnteredAt: Date, now: Date = new Date(), table: StageTable = DEFAULT_STAGE_TABLE): boolean {
  const limit = table[stageKey].maxDaysInStage;
  return limit !== null && daysInStage(stageEnteredAt, now) > limit;
}
