import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkStageMove, DEFAULT_STAGE_TABLE, daysInStage, hasMonotoneProbabilities, isClosedStage, isStageKey, isStalled,
  isWonStage, listStages, PIPELINE_STAGE_KEYS, resolveStageTable, STAGE_KEYS, StageConfigError, type StageKey, type StageOverride,
  stageName, stageProbability, validateStageOverrides, weightedAmount,
} from "@/lib/domain/stages";

const DAY_MS = 86_400_000;
const stageKey = fc.constantFrom(...STAGE_KEYS);
/** A probability as the admin UI would store it: a decimal string in [0, 1] with up to 4 places. */
const probabilityString = fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => (basisPoints / 10_000).toFixed(4));
/** Money as the API accepts it: up to 14 whole digits, 2 places, built from integer cents. */
const moneyString = fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }).map((cents) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`);
const overrides = fc.dictionary(stageKey, fc.record({ probability: probabilityString }, { requiredKeys: [] })) as fc.Arbitrary<
  Partial<Record<StageKey, StageOverride>>
>;

/** Overrides an admin could store: some open stages, probabilities non-decreasing from P0 to P6. */
const validOverrides = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 7, maxLength: 7 }), fc.subarray([0, 1, 2, 3, 4, 5, 6]))
  .map(([values, chosen]) => {
    const sorted = [...values].sort((a, b) => a - b);
    // Stages not overridden keep their defaults, so only a full sorted set is sure to stay monotone.
    const keys = chosen.length ? [0, 1, 2, 3, 4, 5, 6] : [];
    return Object.fromEntries(keys.map((index) => [PIPELINE_STAGE_KEYS[index], { probability: (sorted[index] / 10_000).toFixed(4) }])) as Partial<
      Record<StageKey, StageOverride>
    >;
  });

describe("default stage table (METHOD.md §1)", () => {
  it("has the method's win probabilities exactly, and 0 for LOST", () => {
    const probabilities = Object.fromEntries(STAGE_KEYS.map((key) => [key, DEFAULT_STAGE_TABLE[key].probability]));
    expect(probabilities).toEqual({
      P0: "0.10", P1: "0.20", P2: "0.25", P3: "0.30", P4: "0.50", P5: "0.75", P6: "0.90", P7: "1.00", LOST: "0",
    });
    expect(stageProbability("P2").toString()).toBe("0.25");
  });

  it("orders P0 … P7 then LOST", () => {
    expect(listStages().map((stage) => stage.key)).toEqual([...STAGE_KEYS]);
  });

  it("never lowers the probability from one pipeline stage to the next", () => {
    expect(hasMonotoneProbabilities(DEFAULT_STAGE_TABLE)).toBe(true);
    for (let index = 1; index < PIPELINE_STAGE_KEYS.length; index += 1) {
      expect(stageProbability(PIPELINE_STAGE_KEYS[index]).gte(stageProbability(PIPELINE_STAGE_KEYS[index - 1]))).toBe(true);
    }
  });

  it("marks only P7 and LOST closed, and only P7 won", () => {
    expect(STAGE_KEYS.filter((key) => isClosedStage(key))).toEqual(["P7", "LOST"]);
    expect(STAGE_KEYS.filter((key) => isWonStage(key))).toEqual(["P7"]);
  });

  it("names every stage in English and 简体中文", () => {
    expect(stageName("P3", "en")).toBe("P3 Design exchange");
    expect(stageName("P3", "zh-CN")).toBe("P3 设计交流");
    expect(stageName("LOST", "zh-CN")).toBe("输单");
    expect(stageName("LOST", "en")).toBe("Lost");
    for (const key of STAGE_KEYS) expect(stageName(key, "zh-CN")).not.toBe(stageName(key, "en"));
  });

  it("recognises stage keys and nothing else", () => {
    expect(STAGE_KEYS.every(isStageKey)).toBe(true);
    for (const value of ["p0", "P8", "WON", "", null, 0, undefined]) expect(isStageKey(value)).toBe(false);
  });
});

describe("resolveStageTable", () => {
  /** What the table must be: P7 100%, LOST 0%, every probability ≥ the previous pipeline stage's. */
  const isValid = (stored: Partial<Record<StageKey, StageOverride>>) => {
    if (stored.P7?.probability !== undefined && Number(stored.P7.probability) !== 1) return false;
    if (stored.LOST?.probability !== undefined && Number(stored.LOST.probability) !== 0) return false;
    const values = PIPELINE_STAGE_KEYS.map((key) => Number(stored[key]?.probability ?? DEFAULT_STAGE_TABLE[key].probability));
    return values.every((value, index) => index === 0 || value >= values[index - 1]);
  };

  it("accepts exactly the overrides that keep P7 at 100%, LOST at 0% and probabilities non-decreasing", () => {
    fc.assert(
      fc.property(overrides, (stored) => {
        if (isValid(stored)) {
          const table = resolveStageTable(stored);
          expect(table.P7.probability).toBe("1.00");
          expect(table.LOST.probability).toBe("0");
          expect(hasMonotoneProbabilities(table)).toBe(true);
        } else {
          expect(() => resolveStageTable(stored)).toThrow(StageConfigError);
          expect(validateStageOverrides(stored).length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("applies an override to open stages and keeps the defaults elsewhere", () => {
    const table = resolveStageTable({ P3: { probability: "0.35" } });
    expect(table.P3.probability).toBe("0.35");
    expect(table.P4.probability).toBe("0.50");
    expect(DEFAULT_STAGE_TABLE.P3.probability).toBe("0.30");
  });

  it("refuses probabilities outside [0, 1] or with more than 4 places, naming the stage", () => {
    expect(validateStageOverrides({ P3: { probability: "1.5" } })).toEqual([{ stage: "P3", field: "probability", message: expect.any(String) }]);
    expect(validateStageOverrides({ P3: { probability: "-0.1" } })).toHaveLength(1);
    expect(validateStageOverrides({ P3: { probability: "0.12345" } })).toHaveLength(1);
    expect(validateStageOverrides({ P4: { probability: "0.20" } })).toEqual([{ stage: "P4", field: "probability", message: expect.stringMatching(/decrease/) }]);
    expect(validateStageOverrides({ P7: { probability: "1.0000" }, LOST: { probability: "0" } })).toEqual([]);
  });

  it("merges names, limits, the expected decision stage and guidance, keeping the generated next-stage text", () => {
    const table = resolveStageTable({
      P2: { name: { en: "P2 Approval", "zh-CN": "P2 立项" }, maxDaysInStage: 10, expectedDecisionStage: "CRITERIA", guidance: { en: "Ask", "zh-CN": "申请" } },
    });
    expect(table.P2).toMatchObject({ name: { en: "P2 Approval" }, maxDaysInStage: 10, expectedDecisionStage: "CRITERIA", guidance: { here: { en: "Ask" } } });
    expect(table.P2.guidance.next).toEqual(DEFAULT_STAGE_TABLE.P2.guidance.next);
    expect(table.P3.expectedDecisionStage).toBe("CRITERIA");
  });

  it("aligns each stage with the customer's decision cycle by default (METHOD.md §2)", () => {
    expect(PIPELINE_STAGE_KEYS.map((key) => DEFAULT_STAGE_TABLE[key].expectedDecisionStage)).toEqual([
      "SATISFACTION", "RECOGNITION", "DECISION", "CRITERIA", "CRITERIA", "EVALUATION", "SELECTION", "REEVALUATION",
    ]);
  });
});

describe("weightedAmount", () => {
  it("is never negative and never more than the amount, for any amount and stage", () => {
    fc.assert(
      fc.property(moneyString, stageKey, validOverrides, (amount, stage, stored) => {
        const weighted = weightedAmount(amount, stage, resolveStageTable(stored));
        expect(weighted.gte(0)).toBe(true);
        expect(weighted.lte(amount)).toBe(true);
      }),
    );
  });

  it("equals amount × probability to the cent, computed in integers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), stageKey, (cents, stage) => {
        const amount = `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
        const hundredths = BigInt(Math.round(Number(DEFAULT_STAGE_TABLE[stage].probability) * 100));
        const exactTenThousandths = cents * hundredths; // amount × probability, scaled by 10^4
        const whole = exactTenThousandths / 10_000n;
        const fraction = String(exactTenThousandths % 10_000n).padStart(4, "0");
        expect(weightedAmount(amount, stage).toFixed(4)).toBe(`${whole}.${fraction}`);
      }),
    );
  });

  it("is exact where floats drift", () => {
    expect(weightedAmount("0.10", "P0").times(3).toString()).toBe("0.03");
    expect(weightedAmount("123456.78", "P3").toFixed(2)).toBe("37037.03");
    expect(weightedAmount("99999999999999.99", "P6").toFixed(3)).toBe("89999999999999.991");
    expect(weightedAmount("1000", "LOST").toString()).toBe("0");
    expect(weightedAmount("1000", "P7").toString()).toBe("1000");
  });
});

describe("checkStageMove", () => {
  it("refuses a move to the stage the deal is already in", () => {
    for (const key of STAGE_KEYS) expect(checkStageMove(key, key, "reason")).toBe("SAME_STAGE");
  });

  it("refuses a move to LOST without a loss reason", () => {
    for (const reason of [undefined, null, "", "   "]) expect(checkStageMove("P3", "LOST", reason)).toBe("LOSS_REASON_REQUIRED");
    expect(checkStageMove("P3", "LOST", "Lost on price")).toBeNull();
  });

  it("allows any other move, forwards or backwards, without a reason", () => {
    fc.assert(
      fc.property(stageKey, stageKey.filter((key) => key !== "LOST"), (from, to) => {
        fc.pre(from !== to);
        expect(checkStageMove(from, to)).toBeNull();
      }),
    );
  });
});

describe("stalled deals", () => {
  const now = new Date("2026-06-30T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  it("counts whole days in the stage, never negative", () => {
    expect(daysInStage(daysAgo(3.9), now)).toBe(3);
    expect(daysInStage(new Date(now.getTime() + DAY_MS), now)).toBe(0);
  });

  it("is stalled only after more than the stage's max days", () => {
    expect(DEFAULT_STAGE_TABLE.P0.maxDaysInStage).toBe(30);
    expect(isStalled("P0", daysAgo(30), now)).toBe(false);
    expect(isStalled("P0", daysAgo(31), now)).toBe(true);
    expect(isStalled("P6", daysAgo(15), now)).toBe(true);
  });

  it("never calls a closed deal stalled", () => {
    fc.assert(
      fc.property(fc.constantFrom("P7" as const, "LOST" as const), fc.integer({ min: 0, max: 10_000 }), (stage, days) => {
        expect(isStalled(stage, daysAgo(days), now)).toBe(false);
      }),
    );
  });

  it("agrees with the max-days limit for every open stage", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PIPELINE_STAGE_KEYS.slice(0, 7)), fc.integer({ min: 0, max: 400 }), (stage, days) => {
        const limit = DEFAULT_STAGE_TABLE[stage].maxDaysInStage ?? Infinity;
        expect(isStalled(stage, daysAgo(days), now)).toBe(days > limit);
      }),
    );
  });
});
