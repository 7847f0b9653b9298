// The alignment rule (METHOD.md §2) for every P stage × customer decision stage, the DECISION_STAGE gate kind,
// and the purchase steps and guidance tables.
import { describe, expect, it } from "vitest";
import {
  DECISION_STAGE_GUIDANCE, DECISION_STAGE_KEYS, type DecisionStageKey, decisionAlignment, isDecisionStageAtLeast, PURCHASE_STEP_KEYS,
  PURCHASE_STEP_NAMES,
} from "@/lib/domain/decision-cycle";
import { type DealFacts, evaluateCriterion, parseCriterionConfig } from "@/lib/domain/gates";
import { DEFAULT_STAGE_TABLE, resolveStageTable, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";

// The defaults of METHOD.md §2, written out independently of lib/domain/stages.ts: the expected index per P stage.
const EXPECTED: Record<StageKey, DecisionStageKey | null> = {
  P0: "SATISFACTION", P1: "RECOGNITION", P2: "DECISION", P3: "CRITERIA", P4: "CRITERIA",
  P5: "EVALUATION", P6: "SELECTION", P7: "REEVALUATION", LOST: null,
};
const OPEN: StageKey[] = ["P0", "P1", "P2", "P3", "P4", "P5", "P6"];

describe("decisionAlignment over every P stage × decision stage", () => {
  for (const stage of STAGE_KEYS) {
    for (const [customerIndex, customer] of DECISION_STAGE_KEYS.entries()) {
      it(`${stage} with the customer in ${customer}`, () => {
        const result = decisionAlignment(stage, customer, DEFAULT_STAGE_TABLE);
        expect(result.expectedStage).toBe(EXPECTED[stage]);
        if (!OPEN.includes(stage)) {
          // P7 (won) and LOST are outcomes, not forecasts: never flagged.
          expect(result).toMatchObject({ status: "CLOSED", aligned: true, gap: null });
          return;
        }
        const expectedIndex = DECISION_STAGE_KEYS.indexOf(EXPECTED[stage] as DecisionStageKey);
        const gap = expectedIndex - customerIndex;
        expect(result.gap).toBe(gap);
        expect(result.aligned).toBe(gap <= 0);
        expect(result.status).toBe(gap > 0 ? "AHEAD" : "ALIGNED");
      });
    }
  }

  it("flags a P5 deal whose customer is still in Recognition as 3 steps ahead, and clears at Evaluation and Investigation", () => {
    expect(decisionAlignment("P5", "RECOGNITION")).toEqual({ expectedStage: "EVALUATION", aligned: false, gap: 3, status: "AHEAD" });
    expect(decisionAlignment("P5", "EVALUATION")).toMatchObject({ aligned: true, gap: 0, status: "ALIGNED" });
    expect(decisionAlignment("P5", "INVESTIGATION")).toMatchObject({ aligned: true, gap: -1, status: "ALIGNED" });
  });

  it("does not flag an open deal whose customer stage was never recorded", () => {
    for (const stage of OPEN) expect(decisionAlignment(stage, null)).toMatchObject({ status: "UNKNOWN", aligned: true, gap: null });
  });

  it("reads the expected stage from the org's stage table, not the defaults", () => {
    const table = resolveStageTable({ P3: { expectedDecisionStage: "EVALUATION" } });
    expect(decisionAlignment("P3", "CRITERIA", table)).toMatchObject({ expectedStage: "EVALUATION", gap: 1, status: "AHEAD" });
    expect(decisionAlignment("P3", "CRITERIA")).toMatchObject({ expectedStage: "CRITERIA", gap: 0, status: "ALIGNED" });
  });
});

describe("the DECISION_STAGE gate kind", () => {
  const facts = (decisionStage: DecisionStageKey | null): DealFacts => ({
    stage: "P4", stageEnteredAt: new Date(), fields: { productLine: null, amount: "0", teamId: null, expectedCloseDate: null },
    tickedCriterionIds: new Set(), activities: [], stageEntries: [], approvals: [], decisionStage,
  });
  const criterion = {
    id: "c1", stage: "P5" as const, kind: "DECISION_STAGE", label: { en: "Customer evaluating", "zh-CN": "客户评价中" },
    config: { atLeast: "EVALUATION" }, mode: "BLOCK" as const, order: 0,
  };

  it("is met at or beyond the named stage and unmet before it or when unknown", () => {
    const scope = { stage: "P5" as const, moveTo: "P5" as const };
    expect(evaluateCriterion(criterion, facts("EVALUATION"), scope).met).toBe(true);
    expect(evaluateCriterion(criterion, facts("SELECTION"), scope).met).toBe(true);
    expect(evaluateCriterion(criterion, facts("CRITERIA"), scope).met).toBe(false);
    expect(evaluateCriterion(criterion, facts(null), scope).met).toBe(false);
    expect(evaluateCriterion(criterion, facts("CRITERIA"), scope).message["zh-CN"]).toContain("评价");
  });

  it("validates its config", () => {
    expect(parseCriterionConfig("DECISION_STAGE", { atLeast: "EVALUATION" })).toEqual({ success: true, config: { atLeast: "EVALUATION" } });
    expect(parseCriterionConfig("DECISION_STAGE", { atLeast: "SOON" }).success).toBe(false);
    expect(parseCriterionConfig("DECISION_STAGE", {}).success).toBe(false);
    expect(parseCriterionConfig("DECISION_STAGE", { atLeast: "EVALUATION", extra: 1 }).success).toBe(false);
  });

  it("orders stages as the cycle does", () => {
    expect(isDecisionStageAtLeast("DECISION", "RECOGNITION")).toBe(true);
    expect(isDecisionStageAtLeast("RECOGNITION", "DECISION")).toBe(false);
    expect(isDecisionStageAtLeast(undefined, "SATISFACTION")).toBe(false);
  });
});

describe("tables", () => {
  it("has guidance in both languages for every decision stage and a name for every purchase step", () => {
    for (const key of DECISION_STAGE_KEYS) {
      for (const part of ["thinking", "asks", "do"] as const) {
        expect(DECISION_STAGE_GUIDANCE[key][part].en.length).toBeGreaterThan(5);
        expect(DECISION_STAGE_GUIDANCE[key][part]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(PURCHASE_STEP_KEYS).toHaveLength(9);
    for (const key of PURCHASE_STEP_KEYS) expect(PURCHASE_STEP_NAMES[key]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });
});
