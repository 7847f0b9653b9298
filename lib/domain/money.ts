// Exact decimal money. Amounts are never JS floats: they travel as decimal strings and are computed with
// decimal.js. Rounding is half-up to 2 places, applied only for display / per-record output and once
// to a total after summing (never per line before summing).
import DecimalBase from "decimal.js";

export const Decimal = DecimalBase.clone({ precision: 50, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number | { toString(): string };

export const MONEY_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;

export function toDecimal(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(typeof value === "number" ? value : value.toString());
}

/** Rounds half-up to 2 places and renders as a plain decimal string ("37037.03"). */
export function formatMoneyString(value: DecimalInput): string {
  return toDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function sumDecimals(values: Iterable<DecimalInput>): Decimal {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(toDecimal(value));
  return total;
}

export function isValidMoneyString(value: string): boolean {
  return MONEY_PATTERN.test(value);
}
