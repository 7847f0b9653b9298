// Exact money in integer cents, for code that runs in the browser on every board load. decimal.js
// (lib/domain/money) is 16 KB of gzipped JavaScript, and the board only adds and subtracts amounts,
// weights them by a stage probability and scales them for display — all exact on BigInt cents. The
// rounding is lib/domain/money's: half-up (away from zero), to 2 places, once, after summing; the unit
// tests check both agree on random amounts.

const TEN = BigInt(10);
const ZERO = BigInt(0);

/** Amounts have 2 decimals at most (lib/domain/money MONEY_PATTERN); a sign is accepted for differences. */
const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const RATIO = /^(\d+)(?:\.(\d+))?$/;

export function toCents(amount: string): bigint {
  const match = AMOUNT.exec(amount.trim());
  if (!match) throw new Error(`Not a money amount: "${amount}"`);
  const cents = BigInt(match[2] + (match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/** "-1234.50" style, as lib/domain/money formatMoneyString renders. */
export function formatCents(cents: bigint): string {
  const sign = cents < ZERO ? "-" : "";
  const digits = (cents < ZERO ? -cents : cents).toString().padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** numerator / 10^places, rounded half-up (away from zero) to an integer. */
function divideHalfUp(numerator: bigint, places: number): bigint {
  if (places <= 0) return numerator * TEN ** BigInt(-places);
  const divisor = TEN ** BigInt(places);
  const magnitude = numerator < ZERO ? -numerator : numerator;
  const rounded = (magnitude * BigInt(2) + divisor) / (divisor * BigInt(2));
  return numerator < ZERO ? -rounded : rounded;
}

/** Cents × a probability given as an exact decimal string ("0.25"), rounded half-up to a cent. */
export function weightCents(cents: bigint, probability: string): bigint {
  const match = RATIO.exec(probability.trim());
  if (!match) throw new Error(`Not a probability: "${probability}"`);
  const fraction = match[2] ?? "";
  return divideHalfUp(cents * BigInt(match[1] + fraction), fraction.length);
}

/** |cents| ≥ 10^power currency units. */
export function isAtLeastPowerOfTen(cents: bigint, power: number): boolean {
  return (cents < ZERO ? -cents : cents) >= TEN ** BigInt(power + 2);
}

/**
 * The amount in units of 10^exponent, rounded half-up to one decimal, as the shortest decimal string
 * ("1.2", "12", "-0.5"): what decimal.js's toDecimalPlaces(1).toString() gives.
 */
export function scaleCents(cents: bigint, exponent: number): string {
  const tenths = divideHalfUp(cents, exponent + 1);
  const sign = tenths < ZERO ? "-" : "";
  const magnitude = tenths < ZERO ? -tenths : tenths;
  const whole = (magnitude / TEN).toString();
  const decimal = magnitude % TEN;
  return `${sign}${whole}${decimal === ZERO ? "" : `.${decimal.toString()}`}`;
}
