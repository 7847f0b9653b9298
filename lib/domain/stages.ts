// THE stage module: the only place that knows the P0–P7 pipeline (METHOD.md §1) — order, names in
// English and 简体中文, default win probabilities, closed/won flags, stall limits and allowed moves.
// Board, forecast, gates, seed, API and import all ask this module; the org's stored overrides (a later
// issue) are merged in by `resolveStageTable`, never written anywhere else.
import { Decimal, type DecimalInput, toDecimal } from "./money";

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
};

export type StageTable = Record<StageKey, StageDefinition>;

const DEFAULT_STAGES: readonly StageDefinition[] = [
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
): StageDefinition {
  return {
    key, order, probability, maxDaysInStage, isClosed: false, isWon: false,
    name: { en: `${key} ${nameEn}`, "zh-CN": `${key} ${nameZh}` },
    description: { en: descriptionEn, "zh-CN": descriptionZh },
  };
}

export const DEFAULT_STAGE_TABLE: StageTable = Object.freeze(
  Object.fromEntries(DEFAULT_STAGES.map((definition) => [definition.key, Object.freeze(definition)])),
) as StageTable;

export type StageOverride = Partial<Pick<StageDefinition, "name" | "probability" | "maxDaysInStage">>;

/**
 * The org's effective stage table: defaults merged with its stored overrides. P7 stays 100% and LOST 0%
 * whatever is stored, because "won" and "lost" are facts, not estimates.
 */
export function resolveStageTable(overrides: Partial<Record<StageKey, StageOverride>> = {}): StageTable {
  const table = {} as StageTable;
  for (const key of STAGE_KEYS) {
    const merged = { ...DEFAULT_STAGE_TABLE[key], ...overrides[key] };
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

/** Whole days a deal has spent in its current stage. */
export function daysInStage(stageEnteredAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - stageEnteredAt.getTime()) / 86_400_000));
}

export function isStalled(stageKey: StageKey, stageEnteredAt: Date, now: Date = new Date(), table: StageTable = DEFAULT_STAGE_TABLE): boolean {
  const limit = table[stageKey].maxDaysInStage;
  return limit !== null && daysInStage(stageEnteredAt, now) > limit;
}
