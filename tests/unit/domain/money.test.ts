import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, formatMoneyString, isValidMoneyString, sumDecimals, toDecimal } from "@/lib/domain/money";
import { weightedAmount } from "@/lib/domain/stages";

const cents = fc.bigInt({ min: 0n, max: 10n ** 16n - 1n });
const centsToString = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, "0")}`;

describe("formatMoneyString", () => {
  it("rounds half-up to 2 places, where binary floats would round down", () => {
    expect(formatMoneyString("0.005")).toBe("0.01");
    expect(formatMoneyString("2.675")).toBe("2.68"); // (2.675).toFixed(2) === "2.67" in JS
    expect(formatMoneyString("1.005")).toBe("1.01");
    expect(formatMoneyString("1.004999")).toBe("1.00");
    expect(formatMoneyString("37037.034")).toBe("37037.03");
  });

  it("always renders two places and no exponent", () => {
    expect(formatMoneyString("7")).toBe("7.00");
    expect(formatMoneyString("0.1")).toBe("0.10");
    expect(formatMoneyString("99999999999999.99")).toBe("99999999999999.99");
    expect(formatMoneyString(new Decimal("1e-9"))).toBe("0.00");
  });

  it("leaves any 2-place amount exactly as it was", () => {
    fc.assert(fc.property(cents, (value) => {
      expect(formatMoneyString(centsToString(value))).toBe(centsToString(value));
    }));
  });
});

describe("sumDecimals", () => {
  it("adds without float drift", () => {
    expect(sumDecimals(["0.10", "0.20"]).toString()).toBe("0.3");
    expect(sumDecimals(Array.from({ length: 10 }, () => "0.10")).toString()).toBe("1");
    expect(sumDecimals([]).toString()).toBe("0");
  });

  it("matches integer-cent arithmetic for any list of amounts", () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (values) => {
        const expected = values.reduce((total, value) => total + value, 0n);
        expect(formatMoneyString(sumDecimals(values.map(centsToString)))).toBe(centsToString(expected));
      }),
    );
  });

  it("rounds a weighted total once, after summing, not per line", () => {
    const lines = ["0.05", "0.05", "0.05"].map((amount) => weightedAmount(amount, "P2")); // 0.0125 each
    expect(lines.map((line) => formatMoneyString(line))).toEqual(["0.01", "0.01", "0.01"]);
    expect(formatMoneyString(sumDecimals(lines))).toBe("0.04"); // 0.0375, not 0.03
    expect(sumDecimals([weightedAmount("0.10", "P0"), weightedAmount("0.10", "P0"), weightedAmount("0.10", "P0")]).toString()).toBe("0.03");
  });
});

describe("isValidMoneyString", () => {
  it("accepts non-negative amounts with at most 2 places and 14 whole digits", () => {
    for (const value of ["0", "0.5", "123.45", "99999999999999.99"]) expect(isValidMoneyString(value)).toBe(true);
  });

  it("refuses negatives, extra places, exponents, blanks and padding", () => {
    for (const value of ["-1", "1.234", "1e5", "", " 1", "1,000", ".5", "1.", "100000000000000", "NaN"]) {
      expect(isValidMoneyString(value)).toBe(false);
    }
  });

  it("accepts every amount built from integer cents", () => {
    fc.assert(fc.property(cents, (value) => {
      expect(isValidMoneyString(centsToString(value))).toBe(true);
    }));
  });
});

describe("toDecimal", () => {
  it("keeps decimal strings exact and passes Decimals through", () => {
    const value = new Decimal("0.1");
    expect(toDecimal(value)).toBe(value);
    expect(toDecimal("0.1").plus("0.2").toString()).toBe("0.3");
    expect(toDecimal({ toString: () => "12.30" }).toFixed(2)).toBe("12.30");
  });
});
