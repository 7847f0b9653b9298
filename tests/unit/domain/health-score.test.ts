// The health score (lib/domain/health-score.ts): stays within 0–100 for any input and weights, each factor
// moves it in its own direction, missing optional inputs are not counted, and the grade follows the thresholds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareByGradeAndScore, computeHealthScore, countCloseDateSlips, DEFAULT_HEALTH_WEIGHTS, gradeDeal, HEALTH_FACTORS,
  type HealthInput, type HealthWeights,
} from "@/lib/domain/health-score";
import { listOverdueFishboneActions } from "@/lib/domain/fishbone";

const score05 = fc.integer({ min: 0, max: 5 });
const inputArb: fc.Arbitrary<HealthInput> = fc.record({
  gates: fc.integer({ min: 0, max: 10 }).chain((total) => fc.record({ met: fc.integer({ min: 0, max: total }), total: fc.constant(total) })),
  positioning: fc.record({ need: score05, budget: score05, decisionChain: score05, timeline: score05 }),
  daysSinceLastActivity: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  closeDateSlips: fc.integer({ min: 0, max: 6 }),
  relationshipCoverage: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  redFlags: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  customerAlignment: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});
const weightsArb: fc.Arbitrary<HealthWeights> = fc.record(
  Object.fromEntries(HEALTH_FACTORS.map((factor) => [factor, fc.integer({ min: 0, max: 100 })])) as Record<keyof HealthWeights, fc.Arbitrary<number>>,
);

const score = (input: HealthInput, weights: HealthWeights) => computeHealthScore(input, weights).score;

/** One step "better" for each factor, from a given input; null when already at its best. */
const improvements: Record<string, (input: HealthInput) => HealthInput | null> = {
  gates: (input) => (input.gates.met < input.gates.total ? { ...input, gates: { ...input.gates, met: input.gates.met + 1 } } : null),
  positioning: (input) => (input.positioning.need < 5 ? { ...input, positioning: { ...input.positioning, need: input.positioning.need + 1 } } : null),
  activityRecency: (input) =>
    input.daysSinceLastActivity === null ? { ...input, daysSinceLastActivity: 90 }
      : input.daysSinceLastActivity > 0 ? { ...input, daysSinceLastActivity: input.daysSinceLastActivity - 1 } : null,
  closeDateSlips: (input) => (input.closeDateSlips > 0 ? { ...input, closeDateSlips: input.closeDateSlips - 1 } : null),
  relationshipCoverage: (input) =>
    input.relationshipCoverage !== undefined && input.relationshipCoverage !== null && input.relationshipCoverage < 1
      ? { ...input, relationshipCoverage: Math.min(1, input.relationshipCoverage + 0.25) } : null,
  redFlags: (input) => (input.redFlags ? { ...input, redFlags: input.redFlags - 1 } : null),
  customerAlignment: (input) =>
    input.customerAlignment !== undefined && input.customerAlignment !== null && input.customerAlignment < 1
      ? { ...input, customerAlignment: Math.min(1, input.customerAlignment + 0.25) } : null,
};

describe("computeHealthScore", () => {
  it("stays an integer within 0–100, and its contributions add up to it within rounding", () => {
    fc.assert(fc.property(inputArb, weightsArb, (input, weights) => {
      const result = computeHealthScore(input, weights);
      expect(Number.isInteger(result.score)).toBe(true);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      const sum = result.contributions.reduce((total, item) => total + item.points, 0);
      expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(1);
      for (const item of result.contributions) expect(item.points).toBeLessThanOrEqual(item.maxPoints + 0.05);
    }));
  });

  for (const factor of HEALTH_FACTORS) {
    it(`never falls when ${factor} improves by one step`, () => {
      fc.assert(fc.property(inputArb, weightsArb, (input, weights) => {
        const better = improvements[factor](input);
        if (!better) return;
        expect(score(better, weights)).toBeGreaterThanOrEqual(score(input, weights));
      }));
    });
  }

  it("each factor moves the score strictly when it alone goes from worst to best", () => {
    const worst: HealthInput = {
      gates: { met: 0, total: 4 }, positioning: { need: 0, budget: 0, decisionChain: 0, timeline: 0 }, daysSinceLastActivity: null,
      closeDateSlips: 3, relationshipCoverage: 0, redFlags: 3, customerAlignment: 0,
    };
    const best: Record<string, Partial<HealthInput>> = {
      gates: { gates: { met: 4, total: 4 } }, positioning: { positioning: { need: 5, budget: 5, decisionChain: 5, timeline: 5 } },
      activityRecency: { daysSinceLastActivity: 0 }, closeDateSlips: { closeDateSlips: 0 }, relationshipCoverage: { relationshipCoverage: 1 },
      redFlags: { redFlags: 0 }, customerAlignment: { customerAlignment: 1 },
    };
    expect(score(worst, DEFAULT_HEALTH_WEIGHTS)).toBe(0);
    for (const factor of HEALTH_FACTORS) {
      expect(score({ ...worst, ...best[factor] }, DEFAULT_HEALTH_WEIGHTS), factor).toBeGreaterThan(0);
    }
  });

  it("does not count missing optional inputs or an ungated org: they leave the denominator", () => {
    const input: HealthInput = {
      gates: { met: 0, total: 0 }, positioning: { need: 5, budget: 5, decisionChain: 5, timeline: 5 }, daysSinceLastActivity: 1, closeDateSlips: 0,
    };
    const result = computeHealthScore(input);
    expect(result.score).toBe(100);
    expect(result.contributions.map((item) => item.factor)).toEqual(["positioning", "activityRecency", "closeDateSlips"]);
    expect(computeHealthScore({ ...input, redFlags: 3 }).score).toBeLessThan(100);
  });

  it("scores 0 with no contributions when every counted factor weighs 0", () => {
    const zero = Object.fromEntries(HEALTH_FACTORS.map((factor) => [factor, 0])) as HealthWeights;
    expect(computeHealthScore({ gates: { met: 1, total: 1 }, positioning: { need: 5, budget: 5, decisionChain: 5, timeline: 5 }, daysSinceLastActivity: 0, closeDateSlips: 0 }, zero))
      .toEqual({ score: 0, contributions: [] });
  });
});

describe("grading and slips", () => {
  const thresholds = { aMinAmount: "1000000", aMinScore: 60, bMinAmount: "300000", bMinScore: 40 };

  it("grades A only with both a large amount and a healthy score, exactly at the thresholds", () => {
    expect(gradeDeal("1000000.00", 60, thresholds)).toBe("A");
    expect(gradeDeal("999999.99", 99, thresholds)).toBe("B");
    expect(gradeDeal("5000000", 59, thresholds)).toBe("B");
    expect(gradeDeal("300000", 39, thresholds)).toBe("C");
    expect(gradeDeal("299999.99", 100, thresholds)).toBe("C");
  });

  it("orders A before B before C, then by score descending", () => {
    const deals = [{ grade: "B" as const, score: 90 }, { grade: "A" as const, score: 10 }, { grade: "B" as const, score: 95 }, { grade: "C" as const, score: 99 }];
    expect([...deals].sort(compareByGradeAndScore)).toEqual([deals[1], deals[2], deals[0], deals[3]]);
  });

  it("counts only moves of the close date to a later day as slips", () => {
    expect(countCloseDateSlips([
      { before: "2026-12-01", after: "2027-01-15" }, { before: "2027-01-15", after: "2026-12-20" }, { before: null, after: "2027-02-01" },
      { before: "2026-12-20", after: "2026-12-21" },
    ])).toBe(2);
  });
});

describe("listOverdueFishboneActions", () => {
  it("lists open causes due before today, with the owner, and skips done or undated ones", () => {
    const fishbone = {
      head: "Win", categories: [{ id: "a", name: "Relationship", causes: [
        { id: "1", text: "Late", status: "OPEN" as const, ownerId: "u1", action: "Call", dueDate: "2026-11-27" },
        { id: "2", text: "Done", status: "DONE" as const, ownerId: "u1", dueDate: "2026-11-01" },
        { id: "3", text: "Due today", status: "IN_PROGRESS" as const, dueDate: "2026-11-28" },
        { id: "4", text: "No date", status: "OPEN" as const },
      ] }],
    };
    expect(listOverdueFishboneActions([{ opportunityId: "d1", fishbone }], "2026-11-28")).toEqual([
      { opportunityId: "d1", categoryName: "Relationship", causeId: "1", text: "Late", action: "Call", ownerId: "u1", dueDate: "2026-11-27" },
    ]);
  });
});
