// Each early-warning rule fires exactly on its condition: a property over random facts compares the engine
// with the condition written out independently, and every rule's message names its numbers in both languages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECISION_STAGE_KEYS, decisionStageIndex } from "@/lib/domain/decision-cycle";
import { DEFAULT_STAGE_TABLE, OPEN_STAGE_KEYS, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { type DealFacts, evaluateWarnings, WARNING_RULE_KEYS, type WarningRuleKey } from "@/lib/domain/warnings";

const NOW = new Date("2026-11-28T10:00:00Z");
const DAY = 86_400_000;
const config = { noActivityDays: 14 };
const context = { now: NOW, table: DEFAULT_STAGE_TABLE, config };

const factsArbitrary: fc.Arbitrary<DealFacts> = fc.record({
  stage: fc.constantFrom(...STAGE_KEYS),
  stageEnteredAt: fc.integer({ min: 0, max: 200 }).map((days) => new Date(NOW.getTime() - days * DAY - 3_600_000)),
  expectedCloseDate: fc.integer({ min: -60, max: 120 }).map((days) => new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10)),
  createdAt: fc.integer({ min: 0, max: 300 }).map((days) => new Date(NOW.getTime() - days * DAY)),
  lastActivityAt: fc.option(fc.integer({ min: 0, max: 60 }).map((days) => new Date(NOW.getTime() - days * DAY - 60_000)), { nil: null }),
  closeDatePushes: fc.integer({ min: 0, max: 4 }),
  lastAmountCut: fc.option(fc.record({ before: fc.constant("1000.00"), after: fc.constant("800.00"), at: fc.constant(new Date("2026-10-01T00:00:00Z")) }), { nil: null }),
  gateExceptions: fc.integer({ min: 0, max: 2 }),
  customerDecisionStage: fc.option(fc.constantFrom(...DECISION_STAGE_KEYS), { nil: undefined }),
  buyingCenterFlags: fc.option(fc.constant([{ code: "NO_SENIOR", message: { en: "No senior contact by P4.", "zh-CN": "到 P4 仍无高层联系人。" } }]), { nil: undefined }),
  overdueFishboneActions: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});

/** The conditions, written out independently of the engine. */
function expectedRules(facts: DealFacts): WarningRuleKey[] {
  if (!(OPEN_STAGE_KEYS as readonly StageKey[]).includes(facts.stage)) return [];
  const limit = DEFAULT_STAGE_TABLE[facts.stage].maxDaysInStage;
  const days = Math.floor((NOW.getTime() - facts.stageEnteredAt.getTime()) / DAY);
  const idle = Math.floor((NOW.getTime() - (facts.lastActivityAt ?? facts.createdAt).getTime()) / DAY);
  const expectedDecision = DEFAULT_STAGE_TABLE[facts.stage].expectedDecisionStage;
  const fired: Record<WarningRuleKey, boolean> = {
    STALLED: limit !== null && days > limit,
    CLOSE_DATE_PASSED: facts.expectedCloseDate < NOW.toISOString().slice(0, 10),
    CLOSE_DATE_PUSHED: facts.closeDatePushes >= 2,
    AMOUNT_CUT: facts.lastAmountCut !== null,
    NO_ACTIVITY: idle >= config.noActivityDays,
    GATE_EXCEPTIONS: facts.gateExceptions > 0,
    DECISION_STAGE_BEHIND: Boolean(expectedDecision && facts.customerDecisionStage
      && decisionStageIndex(facts.customerDecisionStage) < decisionStageIndex(expectedDecision)),
    BUYING_CENTER: (facts.buyingCenterFlags ?? []).length > 0,
    FISHBONE_OVERDUE: (facts.overdueFishboneActions ?? 0) > 0,
  };
  return WARNING_RULE_KEYS.filter((rule) => fired[rule]);
}

describe("early-warning rules", () => {
  it("each rule fires exactly when its condition holds", () => {
    fc.assert(fc.property(factsArbitrary, (facts) => {
      expect(evaluateWarnings(facts, context).map((warning) => warning.rule)).toEqual(expectedRules(facts));
    }), { numRuns: 2000 });
  });

  it("explains itself in English and Chinese with the numbers behind it", () => {
    const facts: DealFacts = {
      stage: "P3", stageEnteredAt: new Date(NOW.getTime() - 80 * DAY), expectedCloseDate: "2026-11-01", createdAt: new Date(NOW.getTime() - 100 * DAY),
      lastActivityAt: null, closeDatePushes: 3, lastAmountCut: { before: "1000", after: "750.5", at: new Date("2026-10-02T00:00:00Z") }, gateExceptions: 1,
    };
    const warnings = Object.fromEntries(evaluateWarnings(facts, context).map((warning) => [warning.rule, warning.message]));
    expect(warnings.CLOSE_DATE_PUSHED).toEqual({ en: "The expected close date was pushed out 3 times.", "zh-CN": "预计成交日期已被推迟 3 次。" });
    expect(warnings.AMOUNT_CUT.en).toBe("The amount was cut from 1000.00 to 750.50 on 2026-10-02.");
    expect(warnings.STALLED.en).toContain("80 days");
    expect(warnings.CLOSE_DATE_PASSED["zh-CN"]).toContain("2026-11-01");
    expect(warnings.NO_ACTIVITY.en).toContain("100 days");
  });

  it("raises nothing on won or lost deals", () => {
    fc.assert(fc.property(factsArbitrary, fc.constantFrom<StageKey>("P7", "LOST"), (facts, stage) => {
      expect(evaluateWarnings({ ...facts, stage }, context)).toEqual([]);
    }));
  });
});
