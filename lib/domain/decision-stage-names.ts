// The customer decision cycle's stage keys and names (METHOD.md §2), apart from the guidance and the stage
// table: the board's cards show these names, and this module keeps the browser bundle free of the rest.
import type { LocalizedText } from "./stages";

export const DECISION_STAGE_KEYS = [
  "SATISFACTION", "RECOGNITION", "DECISION", "CRITERIA", "EVALUATION", "INVESTIGATION", "SELECTION", "REEVALUATION",
] as const;
export type DecisionStageKey = (typeof DECISION_STAGE_KEYS)[number];

export const DECISION_STAGE_NAMES: Readonly<Record<DecisionStageKey, LocalizedText>> = Object.freeze({
  SATISFACTION: { en: "Satisfaction", "zh-CN": "满意" },
  RECOGNITION: { en: "Recognition", "zh-CN": "认识" },
  DECISION: { en: "Decision", "zh-CN": "决定" },
  CRITERIA: { en: "Criteria", "zh-CN": "定标" },
  EVALUATION: { en: "Evaluation", "zh-CN": "评价" },
  INVESTIGATION: { en: "Investigation", "zh-CN": "调查" },
  SELECTION: { en: "Selection", "zh-CN": "选择" },
  REEVALUATION: { en: "Re-evaluation", "zh-CN": "再评价" },
});

export function isDecisionStageKey(value: unknown): value is DecisionStageKey {
  return typeof value === "string" && (DECISION_STAGE_KEYS as readonly string[]).includes(value);
}

/** 0-based position in the cycle; a P stage "runs ahead" of its customer when the customer's index is lower. */
export function decisionStageIndex(key: DecisionStageKey): number {
  return DECISION_STAGE_KEYS.indexOf(key);
}
