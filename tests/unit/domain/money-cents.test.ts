// The board's cent arithmetic (lib/domain/money-cents) must give exactly what lib/domain/money's
// decimal.js gives: same sums, same half-up rounding of weighted amounts, same compact scaling.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, formatMoneyString, toDecimal } from "@/lib/domain/money";
import { formatCents, isAtLeastPowerOfTen, scaleCents, toCents, weightCents } from "@/lib/domain/money-cents";

/** Money strings as the API sends them: up to 14 integer digits, 0–2 decimals. */
const amount = fc
  .tuple(fc.bigInt({ min: BigInt(0), max: BigInt("99999999999999") }), fc.option(fc.integer({ min: 0, max: 99 })), fc.boolean())
  .map(([whole, cents, isOneDecimal]) =>
    cents === null ? whole.toString() : isOneDecimal ? `${whole}.${cents % 10}` : `${whole}.${cents.toString().padStart(2, "0")}`);
const probability = fc.oneof(
  fc.constantFrom("0", "1", "0.1", "0.25", "0.5", "0.75", "0.9", "0.333"),
  fc.integer({ min: 0, max: 1000 }).map((permille) => new Decimal(permille).dividedBy(1000).toString()),
);

describe("money in cents", () => {
  it("reads and writes amounts exactly", () => {
    expect(formatCents(toCents("1234.5"))).toBe("1234.50");
    expect(formatCents(toCents("0.05"))).toBe("0.05");
    expect(formatCents(toCents("-7"))).toBe("-7.00");
    expect(() => toCents("1.234")).toThrow();
    fc.assert(fc.property(amount, (value) => formatCents(toCents(value)) === formatMoneyString(value)));
  });

  it("adds and subtracts like decimal.js", () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(formatCents(toCents(a) + toCents(b))).toBe(formatMoneyString(toDecimal(a).plus(b)));
        expect(formatCents(toCents(a) - toCents(b))).toBe(formatMoneyString(toDecimal(a).minus(b)));
      }),
    );
  });

  it("weights an amount by a probability with one half-up rounding, as the server does", () => {
    expect(formatCents(weightCents(toCents("0.01"), "0.5"))).toBe("0.01");
    expect(formatCents(weightCents(toCents("-0.01"), "0.5"))).toBe("-0.01");
    expect(formatCents(weightCents(toCents("100.00"), "0.333"))).toBe("33.30");
    fc.assert(
      fc.property(amount, probability, (value, ratio) => {
        expect(formatCents(weightCents(toCents(value), ratio))).toBe(formatMoneyString(toDecimal(value).times(ratio)));
      }),
    );
  });

  it("scales for compact display like decimal.js toDecimalPlaces(1)", () => {
    expect(scaleCents(toCents("1250000.00"), 6)).toBe("1.3");
    expect(scaleCents(toCents("12000000"), 6)).toBe("12");
    expect(scaleCents(toCents("999.95"), 0)).toBe("1000");
    fc.assert(
      fc.property(amount, fc.constantFrom(0, 3, 4, 6, 8, 9, 12), (value, exponent) => {
        const expected = toDecimal(value).dividedBy(new Decimal(10).pow(exponent)).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString();
        expect(scaleCents(toCents(value), exponent)).toBe(expected);
        expect(isAtLeastPowerOfTen(toCents(value), exponent)).toBe(toDecimal(value).gte(new Decimal(10).pow(exponent)));
      }),
    );
  });
});
