// The virtual project team of a deal (METHOD.md §5): who works on it in which role, and how the bonus pool
// of a won project is split. Shares are exact decimals with two places; a non-empty team's shares total
// exactly 100 — 33.33 × 3 is 99.99 and is refused, because a pool that is not fully handed out (or handed
// out twice) is a dispute waiting to happen.
import { Decimal } from "./money";

export const DEAL_TEAM_ROLES = ["SALES", "PRESALES", "TECH_SUPPORT", "DELIVERY", "SERVICE"] as const;
export type DealTeamRole = (typeof DEAL_TEAM_ROLES)[number];

/** A share as typed or sent: "0" … "100" with at most two decimal places. */
export function isValidSharePct(value: string): boolean {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return false;
  return new Decimal(value).lte(100);
}

/** Exact sum of the shares (invalid entries count as 0, so a live total can be shown while typing). */
export function totalSharePct(shares: readonly string[]): Decimal {
  return shares.reduce((sum, share) => (isValidSharePct(share) ? sum.plus(share) : sum), new Decimal(0));
}

/** An empty team is allowed (no split yet); otherwise the shares must add up to exactly 100. */
export function isCompleteShareSplit(shares: readonly string[]): boolean {
  return shares.length === 0 || (shares.every(isValidSharePct) && totalSharePct(shares).eq(100));
}

/** "33.3" → "33.30": the two-place form stored in NUMERIC(5,2) and returned by the API. */
export function formatSharePct(value: string | Decimal): string {
  return new Decimal(value).toFixed(2);
}

/** 100 split over `count` members in cents, the leftover cents to the first ones: 3 → 33.34, 33.33, 33.33. */
export function splitSharesEvenly(count: number): string[] {
  if (count <= 0) return [];
  const base = Math.floor(10_000 / count);
  const leftover = 10_000 - base * count;
  return Array.from({ length: count }, (_, index) => formatSharePct(new Decimal(base + (index < leftover ? 1 : 0)).dividedBy(100)));
}
