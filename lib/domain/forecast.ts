// The forecast's rules (issue 8, METHOD.md 滚动销售预测): periods, forecast categories, and exact sums.
// Pure: the data layer (lib/data/forecast*.ts) reads rows; everything about what they mean is here.
// Money stays exact (decimal.js); a total is rounded once, after summing, never line by line.
import { Decimal, type DecimalInput, formatMoneyString, toDecimal } from "./money";
import { type LocalizedText, type StageKey, type StageTable, stageProbability } from "./stages";

export const FORECAST_CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "CLOSED", "OMITTED"] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export const FORECAST_CATEGORY_NAMES: Readonly<Record<ForecastCategory, LocalizedText>> = Object.freeze({
  PIPELINE: { en: "Pipeline", "zh-CN": "管道" },
  BEST_CASE: { en: "Best case", "zh-CN": "最佳情况" },
  COMMIT: { en: "Commit", "zh-CN": "承诺" },
  CLOSED: { en: "Closed", "zh-CN": "已成交" },
  OMITTED: { en: "Omitted", "zh-CN": "不计入" },
});

export function forecastCategoryName(category: ForecastCategory, locale: string): string {
  return FORECAST_CATEGORY_NAMES[category][locale === "zh-CN" ? "zh-CN" : "en"];
}

/** What a rep may choose for an open deal of theirs; CLOSED belongs to won deals only. */
export const OVERRIDABLE_CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "OMITTED"] as const satisfies readonly ForecastCategory[];

export const FORECAST_DIMENSIONS = [
  "owner", "team", "productLine", "segment", "region", "stage", "month", "quarter", "category",
] as const;
export type ForecastDimension = (typeof FORECAST_DIMENSIONS)[number];

/** The stages a forecast counts: open P0–P6 and won P7 (LOST is excluded). */
export const FORECAST_STAGES = ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"] as const satisfies readonly StageKey[];

/**
 * A deal's category when its owner has not chosen one: early qualification is pipeline, a confirmed solution
 * (P4, P5) best case, the P6 commitment commit, won closed. LOST is omitted.
 */
export function defaultForecastCategory(stage: StageKey): ForecastCategory {
  if (stage === "P7") return "CLOSED";
  if (stage === "LOST") return "OMITTED";
  if (stage === "P6") return "COMMIT";
  if (stage === "P4" || stage === "P5") return "BEST_CASE";
  return "PIPELINE";
}

/** The category in force: a won or lost deal's is fixed by its stage; an open deal's override wins. */
export function effectiveForecastCategory(stage: StageKey, override: ForecastCategory | null | undefined): ForecastCategory {
  if (stage === "P7" || stage === "LOST" || !override) return defaultForecastCategory(stage);
  return override;
}

// ---- periods -------------------------------------------------------------------------------------------

/** A closed date range [from, to] of ISO dates (YYYY-MM-DD), compared as strings. */
export type DateRange = { from: string; to: string };

const pad = (value: number) => String(value).padStart(2, "0");
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/;

/** "2026" → the year, "2026-Q3" → the quarter, "2026-07" → the month; null for anything else. */
export function periodRange(period: string): DateRange | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
  if (part.startsWith("Q")) {
    const first = (Number(part.slice(1)) - 1) * 3 + 1;
    return { from: isoDate(year, first, 1), to: isoDate(year, first + 2, lastDayOfMonth(year, first + 2)) };
  }
  const month = Number(part);
  if (month < 1 || month > 12) return null;
  return { from: isoDate(year, month, 1), to: isoDate(year, month, lastDayOfMonth(year, month)) };
}

export function monthKey(date: string): string {
  return date.slice(0, 7);
}

export function quarterKey(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter containing `today` (the default period of dashboards and the weekly snapshot). */
export function currentQuarter(today: Date): string {
  return quarterKey(today.toISOString().slice(0, 10));
}

/** Rolling forecast: from the first of this month through the end of the month N−1 months later. */
export function rollingMonths(today: Date, months: number): DateRange {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const end = new Date(Date.UTC(year, month + months, 0));
  return { from: isoDate(year, month + 1, 1), to: end.toISOString().slice(0, 10) };
}

/** Whether the range covers whole calendar months (then the monthly summary cubes can answer it exactly). */
export function isWholeMonths({ from, to }: DateRange): boolean {
  if (from > to || !from.endsWith("-01")) return false;
  const [year, month, day] = to.split("-").map(Number);
  return day === lastDayOfMonth(year, month);
}

/** The ISO week key ("2026-W48") a weekly job run is named after. */
export function isoWeekKey(now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

// ---- sums ----------------------------------------------------------------------------------------------

/** One aggregated cell as the data layer reads it: exact sums of one stage within one group. */
export type StageSum = { stage: StageKey; count: number; amount: DecimalInput };

export type ForecastFigures = { count: number; amount: string; weightedAmount: string };

type Accumulator = { count: number; amount: Decimal; weighted: Decimal };

export function emptyAccumulator(): Accumulator {
  return { count: 0, amount: new Decimal(0), weighted: new Decimal(0) };
}

/** Adds one stage sum: weighted = amount × the stage's probability from the org's table, exact. */
export function accumulate(into: Accumulator, sum: StageSum, table: StageTable): Accumulator {
  const amount = toDecimal(sum.amount);
  into.count += sum.count;
  into.amount = into.amount.plus(amount);
  into.weighted = into.weighted.plus(amount.times(stageProbability(sum.stage, table)));
  return into;
}

/** Rounds once, for output. */
export function toFigures(accumulator: Accumulator): ForecastFigures {
  return {
    count: accumulator.count,
    amount: formatMoneyString(accumulator.amount),
    weightedAmount: formatMoneyString(accumulator.weighted),
  };
}

/** attainment = won ÷ quota; null without a (positive) quota. */
export function attainment(won: DecimalInput, quota: DecimalInput | null): number | null {
  if (quota === null || toDecimal(quota).lte(0)) return null;
  return toDecimal(won).div(toDecimal(quota)).toDecimalPlaces(4).toNumber();
}

/** coverage = weighted open pipeline ÷ what remains of the quota; null when nothing remains. */
export function coverage(weightedOpen: DecimalInput, won: DecimalInput, quota: DecimalInput | null): number | null {
  if (quota === null) return null;
  const remaining = toDecimal(quota).minus(toDecimal(won));
  if (remaining.lte(0)) return null;
  return toDecimal(weightedOpen).div(remaining).toDecimalPlaces(4).toNumber();
}

/** Forecast error of a snapshot against what was won, in % of the won amount (null when nothing was won). */
export function forecastErrorPct(forecast: DecimalInput, won: DecimalInput): number | null {
  const actual = toDecimal(won);
  if (actual.isZero()) return null;
  return toDecimal(forecast).minus(actual).div(actual).times(100).toDecimalPlaces(2).toNumber();
}
