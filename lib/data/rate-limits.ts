// Request limits counted in PostgreSQL, never in process memory, so every app instance behind a load
// balancer sees the same counts (issue 9). Two shapes:
// - failed sign-ins: one row per failure, counted over a sliding 15-minute window per typed email and per
//   client address (OWASP ASVS V6: throttle guessing without locking people out for good);
// - API tokens: a fixed 10-second window counter per token, one upsert per request.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** At most 10 failures per account and 100 per address (a whole office may share one) in the window. */
export const SIGN_IN_LIMIT_PER_ACCOUNT = 10;
export const SIGN_IN_LIMIT_PER_IP = 100;

export const TOKEN_WINDOW_MS = 10_000;
export const TOKEN_LIMIT_PER_WINDOW = 100;

/** Old rows are swept now and then by the request that writes, so no job is needed. */
const SWEEP_PROBABILITY = 0.02;
const SWEEP_AGE_MS = 60 * 60_000;

/**
 * Failures whose client address is unknown — no trusted proxy in front (TRUSTED_PROXY_HOPS = 0, see
 * lib/api/request-meta.ts) — all count against this one address, so forging X-Forwarded-For escapes nothing.
 */
export const UNKNOWN_ADDRESS = "unknown";

export function normalizeSignInEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}

/**
 * Seconds until another sign-in attempt is allowed, or null when it is allowed now. Refused once the
 * email has `SIGN_IN_LIMIT_PER_ACCOUNT` failures (or the address `SIGN_IN_LIMIT_PER_IP`) inside the
 * window; allowed again when the oldest failure that keeps the count at the limit leaves the window.
 */
export async function signInRetryAfter(email: string, ip: string | null, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    db.signInFailure.findFirst({
      where: { email: normalizeSignInEmail(email), at: { gt: since } },
      orderBy: { at: "desc" },
      skip: SIGN_IN_LIMIT_PER_ACCOUNT - 1,
      select: { at: true },
    }),
    db.signInFailure.findFirst({
      where: { ip: ip ?? UNKNOWN_ADDRESS, at: { gt: since } }, orderBy: { at: "desc" }, skip: SIGN_IN_LIMIT_PER_IP - 1, select: { at: true },
    }),
  ]);
  const until = Math.max(byAccount?.at.getTime() ?? 0, byIp?.at.getTime() ?? 0) + SIGN_IN_WINDOW_MS;
  if (!byAccount && !byIp) return null;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  await db.signInFailure.create({ data: { email: normalizeSignInEmail(email), ip: ip ?? UNKNOWN_ADDRESS } });
  if (Math.random() < SWEEP_PROBABILITY) {
    await db.signInFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MS) } } });
  }
}

export function rateLimited(retryAfterSeconds: number, message: string): AppError {
  return new AppError("RATE_LIMITED", message, { extensions: { retryAfter: retryAfterSeconds } });
}

/** The start of the fixed 10-second window `now` falls in. */
export function tokenWindowStart(now: number): Date {
  return new Date(now - (now % TOKEN_WINDOW_MS));
}

/** Throws RATE_LIMITED, with the seconds until the next window (sent as Retry-After), once `count` is past the limit. */
export function assertTokenQuota(count: number, now: number): void {
  if (count <= TOKEN_LIMIT_PER_WINDOW) return;
  const retryAfter = Math.max(1, Math.ceil((tokenWindowStart(now).getTime() + TOKEN_WINDOW_MS - now) / 1000));
  throw rateLimited(retryAfter, `At most ${TOKEN_LIMIT_PER_WINDOW} requests per ${TOKEN_WINDOW_MS / 1000} seconds per token.`);
}

/** Now and then (2% of calls) deletes windows older than an hour; the request that counts does it, so no job is needed. */
export async function sweepRateLimitWindows(now = Date.now()): Promise<void> {
  if (Math.random() < SWEEP_PROBABILITY) {
    await db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now - SWEEP_AGE_MS) } } });
  }
}

/**
 * Counts one request of a token in the current 10-second window; past the limit it throws RATE_LIMITED
 * carrying the seconds until the next window (sent as Retry-After). The counter is one atomic upsert, so
 * concurrent requests on several instances are counted exactly. (API requests count inside the one
 * statement that also authenticates them: lib/data/tokens.ts contextFromApiToken.)
 */
export async function consumeTokenQuota(tokenId: string, now = Date.now()): Promise<void> {
  const key = `token:${tokenId}`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (${key}, ${tokenWindowStart(now)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
    RETURNING "count"`;
  await sweepRateLimitWindows(now);
  assertTokenQuota(rows[0]?.count ?? 0, now);
}
