// The deal health score (量化评测, METHOD.md §4): one pure function turns a deal's facts into a score 0–100
// and the contribution of each factor, so the deal page can explain every point. Weights are the org's
// configuration (AnalysisSettings); a factor whose input is missing is "not counted": its weight leaves the
// denominator instead of scoring zero, so a deal is not punished for data another module does not yet supply.
import type { LocalizedText } from "./stages";
import { toDecimal } from "./money";

export const HEALTH_FACTORS = [
  "gates", "positioning", "activityRecency", "closeDateSlips", "relationshipCoverage", "redFlags", "customerAlignment",
] as const;
export type HealthFactor = (typeof HEALTH_FACTORS)[number];

/** Relative weights, each 0–100; the score normalises by the counted factors' total. */
export type HealthWeights = Record<HealthFactor, number>;

export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  gates: 25, positioning: 25, activityRecency: 15, closeDateSlips: 10, relationshipCoverage: 15, redFlags: 5, customerAlignment: 5,
};

export type HealthInput = {
  /** Gate criteria of the next move that are met, of all of them; total 0 = an ungated org (not counted). */
  gates: { met: number; total: number };
  /** The four positioning elements (need, budget, decision chain, timeline), each 0–5; unscored counts 0. */
  positioning: { need: number; budget: number; decisionChain: number; timeline: number };
  /** Whole days since the last activity on the deal; null = never (scores 0). */
  daysSinceLastActivity: number | null;
  /** How often the expected close date was moved later. */
  closeDateSlips: number;
  /** Optional (buying-center module): share 0–1 of the key roles we cover. Missing = not counted. */
  relationshipCoverage?: number | null;
  /** Optional (buying-center module): open red flags. Missing = not counted. */
  redFlags?: number | null;
  /** Optional (decision-cycle module): 1 aligned … 0 far ahead of the customer's decision stage. Missing = not counted. */
  customerAlignment?: number | null;
};

export type HealthContribution = { factor: HealthFactor; points: number; maxPoints: number; detail: LocalizedText };
export type HealthScore = { score: number; contributions: HealthContribution[] };

/** Activity in the last week is full marks; the credit fades linearly to nothing at 60 days. */
export const RECENCY_FULL_DAYS = 7;
export const RECENCY_ZERO_DAYS = 60;
/** Each slip or red flag costs a third of the factor; three or more cost all of it. */
const PENALTY_STEPS = 3;

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
const round1 = (value: number) => Math.round(value * 10) / 10;

type Rated = { factor: HealthFactor; ratio: number; detail: LocalizedText } | null;

function rateFactor(factor: HealthFactor, input: HealthInput): Rated {
  switch (factor) {
    case "gates": {
      if (input.gates.total <= 0) return null;
      const { met, total } = input.gates;
      return { factor, ratio: clamp01(met / total), detail: { en: `${met} of ${total} gate criteria met`, "zh-CN": `已满足 ${met}/${total} 项关口条件` } };
    }
    case "positioning": {
      const { need, budget, decisionChain, timeline } = input.positioning;
      const sum = [need, budget, decisionChain, timeline].reduce((total, value) => total + Math.min(5, Math.max(0, value)), 0);
      return { factor, ratio: clamp01(sum / 20), detail: { en: `Positioning ${sum} of 20`, "zh-CN": `定位四要素 ${sum}/20 分` } };
    }
    case "activityRecency": {
      const days = input.daysSinceLastActivity;
      if (days === null) return { factor, ratio: 0, detail: { en: "No activity logged", "zh-CN": "尚无活动记录" } };
      const ratio = clamp01((RECENCY_ZERO_DAYS - Math.max(days, RECENCY_FULL_DAYS)) / (RECENCY_ZERO_DAYS - RECENCY_FULL_DAYS));
      return { factor, ratio, detail: { en: `Last activity ${days} days ago`, "zh-CN": `最近一次活动在 ${days} 天前` } };
    }
    case "closeDateSlips": {
      const slips = Math.max(0, input.closeDateSlips);
      return { factor, ratio: clamp01(1 - slips / PENALTY_STEPS), detail: { en: `Close date moved later ${slips} times`, "zh-CN": `预计成交日期推迟 ${slips} 次` } };
    }
    case "relationshipCoverage": {
      const coverage = input.relationshipCoverage;
      if (coverage === undefined || coverage === null) return null;
      const pct = Math.round(clamp01(coverage) * 100);
      return { factor, ratio: clamp01(coverage), detail: { en: `${pct}% of key roles covered`, "zh-CN": `关键角色覆盖 ${pct}%` } };
    }
    case "redFlags": {
      const flags = input.redFlags;
      if (flags === undefined || flags === null) return null;
      return { factor, ratio: clamp01(1 - Math.max(0, flags) / PENALTY_STEPS), detail: { en: `${flags} open red flags`, "zh-CN": `${flags} 个未解决的风险信号` } };
    }
    case "customerAlignment": {
      const alignment = input.customerAlignment;
      if (alignment === undefined || alignment === null) return null;
      const pct = Math.round(clamp01(alignment) * 100);
      return { factor, ratio: clamp01(alignment), detail: { en: `Aligned with the customer's decision cycle: ${pct}%`, "zh-CN": `与客户决策循环的一致度 ${pct}%` } };
    }
  }
}

/**
 * Score 0–100 = Σ weight × ratio over the counted factors, divided by their total weight. Each contribution's
 * points are its share of the 100 (so they add up to the score, give or take rounding).
 */
export function computeHealthScore(input: HealthInput, weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS): HealthScore {
  const rated = HEALTH_FACTORS.map((factor) => rateFactor(factor, input)).filter(
    (item): item is NonNullable<Rated> => item !== null && weights[item.factor] > 0,
  );
  const totalWeight = rated.reduce((total, item) => total + weights[item.factor], 0);
  if (totalWeight <= 0) return { score: 0, contributions: [] };
  const contributions = rated.map((item) => {
    const maxPoints = (weights[item.factor] / totalWeight) * 100;
    return { factor: item.factor, points: round1(maxPoints * item.ratio), maxPoints: round1(maxPoints), detail: item.detail };
  });
  const exact = rated.reduce((total, item) => total + (weights[item.factor] / totalWeight) * 100 * item.ratio, 0);
  return { score: Math.min(100, Math.max(0, Math.round(exact))), contributions };
}

export const GRADES = ["A", "B", "C"] as const;
export type Grade = (typeof GRADES)[number];

/** A needs both a large amount and a healthy score; B either a mid amount with a fair score; the rest is C. */
export type GradeThresholds = { aMinAmount: string; aMinScore: number; bMinAmount: string; bMinScore: number };

export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { aMinAmount: "1000000", aMinScore: 60, bMinAmount: "300000", bMinScore: 40 };

export function gradeDeal(amount: string, score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  const value = toDecimal(amount);
  if (value.gte(thresholds.aMinAmount) && score >= thresholds.aMinScore) return "A";
  if (value.gte(thresholds.bMinAmount) && score >= thresholds.bMinScore) return "B";
  return "C";
}

/** A, B, C first, then by score, highest first: the order of the project review meeting. */
export function compareByGradeAndScore(a: { grade: Grade; score: number }, b: { grade: Grade; score: number }): number {
  return GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade) || b.score - a.score;
}

/** A slip is a change of the expected close date to a later day. */
export function countCloseDateSlips(changes: readonly { before: string | null; after: string | null }[]): number {
  return changes.filter((change) => change.before !== null && change.after !== null && change.after > change.before).length;
}
