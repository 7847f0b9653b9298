// The board formats without Intl in the browser: its output must equal Intl's (read on the server) for
// every amount, count, percentage and date, in both languages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBoardFormats, formatCompactMoney, formatCount, formatDate, formatMoney, formatPercent } from "@/components/pipeline/board-format";
import { LOCALES } from "@/lib/i18n/config";

const cents = fc.bigInt({ min: BigInt(0), max: BigInt("99999999999999") });
const asAmount = (value: bigint) => `${value / BigInt(100)}.${(value % BigInt(100)).toString().padStart(2, "0")}`;

describe.each(LOCALES)("board formats in %s", (locale) => {
  const formats = buildBoardFormats(locale, "CNY");

  it("write money, counts and percentages exactly as Intl does", () => {
    const money = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(fc.property(cents, (value) => {
      expect(formatMoney(formats, asAmount(value))).toBe(money.format(asAmount(value) as unknown as number));
    }));
    fc.assert(fc.property(fc.nat(), (count) => {
      expect(formatCount(formats, count)).toBe(count.toLocaleString(locale));
    }));
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    for (const probability of ["0", "0.1", "0.25", "0.3", "0.5", "0.75", "0.9", "1"]) {
      expect(formatPercent(formats, probability)).toBe(percent.format(Number(probability)));
    }
  });

  it("writes dates as Intl does", () => {
    const dates = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    fc.assert(fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (date) => {
      const day = date.toISOString().slice(0, 10);
      expect(formatDate(formats, day)).toBe(dates.format(new Date(`${day}T00:00:00Z`)));
    }));
  });

  it("writes compact amounts with the locale's units, one decimal at most", () => {
    const compact = (amount: string) => formatCompactMoney(formats, amount);
    if (locale === "en") {
      expect(compact("1250000.00")).toBe("CN¥1.3M");
      expect(compact("999.49")).toBe("CN¥999");
      expect(compact("12000.00")).toBe("CN¥12K");
    } else {
      expect(compact("1250000.00")).toBe("¥125万");
      expect(compact("350000000.00")).toBe("¥3.5亿");
      expect(compact("999.50")).toBe("¥1,000");
    }
  });
});
