import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accumulate, attainment, coverage, defaultForecastCategory, effectiveForecastCategory, emptyAccumulator, forecastErrorPct,
  isoWeekKey, isWholeMonths, periodRange, quarterKey, rollingMonths, toFigures,
} from "@/lib/domain/forecast";
import { Decimal } from "@/lib/domain/money";
import { DEFAULT_STAGE_TABLE, STAGE_KEYS } from "@/lib/domain/stages";

describe("forecast periods", () => {
  it("turns period keys into whole-month ranges", () => {
    expect(periodRange("2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodRange("2026-Q1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodRange("2026-13")).toBeNull();
    expect(periodRange("26-Q1")).toBeNull();
    for (const period of ["2026", "2026-Q3", "2026-07"]) expect(isWholeMonths(periodRange(period) as { from: string; to: string })).toBe(true);
    expect(isWholeMonths({ from: "2026-01-02", to: "2026-01-31" })).toBe(false);
    expect(quarterKey("2026-11-28")).toBe("2026-Q4");
    expect(rollingMonths(new Date("2026-11-28T00:00:00Z"), 3)).toEqual({ from: "2026-11-01", to: "2027-01-31" });
    expect(isoWeekKey(new Date("2026-11-28T00:00:00Z"))).toBe("2026-W48");
    expect(isoWeekKey(new Date("2027-01-01T00:00:00Z"))).toBe("2026-W53");
  });
});

describe("forecast categories", () => {
  it("default from the stage; an override counts only on open deals", () => {
    expect(STAGE_KEYS.map(defaultForecastCategory)).toEqual(["PIPELINE", "PIPELINE", "PIPELINE", "PIPELINE", "BEST_CASE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"]);
    expect(effectiveForecastCategory("P2", "COMMIT")).toBe("COMMIT");
    expect(effectiveForecastCategory("P7", "OMITTED")).toBe("CLOSED");
    expect(effectiveForecastCategory("P5", null)).toBe("BEST_CASE");
  });
});

describe("forecast sums", () => {
  it("weight exactly and round once: the total equals Σ amount × p rounded at the end", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...STAGE_KEYS), fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 5 })), { maxLength: 40 }),
      (cells) => {
        const sum = emptyAccumulator();
        let expected = new Decimal(0);
        for (const [stage, cents, count] of cells) {
          const amount = new Decimal(cents).div(100);
          accumulate(sum, { stage, count, amount: amount.toFixed(2) }, DEFAULT_STAGE_TABLE);
          expected = expected.plus(amount.times(DEFAULT_STAGE_TABLE[stage].probability));
        }
        const figures = toFigures(sum);
        expect(figures.weightedAmount).toBe(expected.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
        expect(new Decimal(figures.weightedAmount).lte(figures.amount)).toBe(true);
      },
    ));
  });

  it("computes attainment, coverage and forecast error", () => {
    expect(attainment("50000", "200000")).toBe(0.25);
    expect(attainment("50000", null)).toBeNull();
    expect(coverage("300000", "50000", "200000")).toBe(2);
    expect(coverage("300000", "250000", "200000")).toBeNull();
    expect(forecastErrorPct("120", "100")).toBe(20);
    expect(forecastErrorPct("120", "0")).toBeNull();
  });
});
