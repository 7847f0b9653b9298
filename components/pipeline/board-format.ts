// How the board writes money, counts, percentages and dates. The server reads the caller's locale through
// Intl once (`buildBoardFormats`) and sends the result as data; the browser then formats with plain string
// operations. Building an Intl formatter in Chromium costs 60–140 ms of main thread per kind (its locale
// data loads on first use), which the first paint and every first drop would otherwise pay — and the server
// and the browser can no longer disagree (different ICU builds), so hydration always matches.
import { isAtLeastPowerOfTen, scaleCents, toCents } from "@/lib/domain/money-cents";
import type { Locale } from "@/lib/i18n/config";

/** The text around and inside a formatted number: "CN¥" + "1,234" + "." + "56" + "". */
export type NumberShape = { prefix: string; suffix: string; group: string; decimal: string };
type DatePart = { type: "year" | "month" | "day" | "literal"; value: string };

export type BoardFormats = {
  locale: Locale;
  currency: string;
  money: NumberShape;
  count: NumberShape;
  percent: NumberShape;
  /** The parts of a date in the locale's order; the month's value is replaced by `months[m - 1]`. */
  date: DatePart[];
  months: string[];
};

function shapeOf(parts: Intl.NumberFormatPart[]): NumberShape {
  const numeric = new Set(["integer", "group", "decimal", "fraction"]);
  const first = parts.findIndex((part) => numeric.has(part.type));
  const last = parts.findLastIndex((part) => numeric.has(part.type));
  const text = (from: number, to: number) => parts.slice(from, to).map((part) => part.value).join("");
  return {
    prefix: text(0, first),
    suffix: text(last + 1, parts.length),
    group: parts.find((part) => part.type === "group")?.value ?? "",
    decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
  };
}

/** On the server: the caller's formats, read from Intl once per page. */
export function buildBoardFormats(locale: Locale, currency: string): BoardFormats {
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return {
    locale,
    currency,
    money: shapeOf(money.formatToParts(1234567.5)),
    count: shapeOf(new Intl.NumberFormat(locale).formatToParts(1234567)),
    percent: shapeOf(new Intl.NumberFormat(locale, { style: "percent" }).formatToParts(0.5)),
    date: dates.formatToParts(Date.UTC(2027, 10, 22)).map(({ type, value }) => ({
      type: type === "year" || type === "month" || type === "day" ? type : "literal",
      value,
    })),
    months: Array.from({ length: 12 }, (_, month) =>
      dates.formatToParts(Date.UTC(2027, month, 1)).find((part) => part.type === "month")?.value ?? String(month + 1)),
  };
}

const grouped = (digits: string, group: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);

function writeNumber(shape: NumberShape, whole: string, fraction: string): string {
  const sign = whole.startsWith("-") ? "-" : "";
  return `${sign}${shape.prefix}${grouped(whole.replace("-", ""), shape.group)}${fraction ? `${shape.decimal}${fraction}` : ""}${shape.suffix}`;
}

/** "CN¥1,300,389.78": the exact amount (a decimal string), two decimals. */
export function formatMoney(formats: BoardFormats, amount: string, currency = formats.currency): string {
  // A deal kept in another currency from before the org-currency rule: Intl, as the rest of the app.
  if (currency !== formats.currency) {
    return new Intl.NumberFormat(formats.locale, { style: "currency", currency, minimumFractionDigits: 2 }).format(amount as unknown as number);
  }
  const cents = toCents(amount);
  const magnitude = cents < BigInt(0) ? -cents : cents;
  const whole = `${cents < BigInt(0) ? "-" : ""}${(magnitude / BigInt(100)).toString()}`;
  return writeNumber(formats.money, whole, (magnitude % BigInt(100)).toString().padStart(2, "0"));
}

// Compact units per language, scaled exactly in cents.
const COMPACT_UNITS: Record<Locale, [exponent: number, suffix: string][]> = {
  en: [[12, "T"], [9, "B"], [6, "M"], [3, "K"]],
  "zh-CN": [[8, "亿"], [4, "万"]],
};

/** "CN¥1.2M" / "¥120.5万" for column headers, where a full amount would not fit; the exact one goes in a title. */
export function formatCompactMoney(formats: BoardFormats, amount: string): string {
  const cents = toCents(amount);
  const [exponent, unit] = COMPACT_UNITS[formats.locale].find(([power]) => isAtLeastPowerOfTen(cents, power)) ?? [0, ""];
  // Below the smallest unit: whole units, rounded half-up; above: one decimal at most ("1.2M", "12M").
  const [whole, fraction = ""] = (exponent ? scaleCents(cents, exponent) : scaleCents((cents + BigInt(50)) / BigInt(100) * BigInt(100), 0)).split(".");
  return `${writeNumber(formats.money, whole, exponent ? fraction : "")}${unit}`;
}

export function formatCount(formats: BoardFormats, count: number): string {
  return writeNumber(formats.count, String(Math.trunc(count)), "");
}

/** "25%" from the probability "0.25", rounded to whole percent. */
export function formatPercent(formats: BoardFormats, probability: string): string {
  return writeNumber(formats.percent, String(Math.round(Number(probability) * 100)), "");
}

/** "Mar 31, 2027" / "2027年3月31日" from a calendar date "YYYY-MM-DD". */
export function formatDate(formats: BoardFormats, value: string): string {
  const [year, month, day] = value.split("-");
  return formats.date.map((part) => {
    if (part.type === "year") return year;
    if (part.type === "month") return formats.months[Number(month) - 1];
    if (part.type === "day") return String(Number(day));
    return part.value;
  }).join("");
}
