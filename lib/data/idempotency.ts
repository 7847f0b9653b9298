// Idempotency-Key for POST requests of the API: the first request with a key runs and its response is stored;
// a retry with the same key (same caller) gets that response back and changes nothing. The claim is committed
// before the request runs, so a concurrent duplicate sees it and is refused with 409 (the first wins), and a
// retry after a crash never runs the write a second time: a claim whose request died without an answer stays
// "in progress" and keeps answering 409 (the outcome is unknown; the client checks, then uses a new key).
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";

/** Keys are the client's; we only bound them (a UUID is typical). */
const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;
/** Stored responses are kept this long; an older key may be used again as if new, and the hourly sweep
 * (lib/data/idempotency-job.ts) deletes it. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export type StoredResponse = { status: number; contentType: string | null; body: string; location: string | null };

export type IdempotencyClaim = { kind: "claimed" } | { kind: "replay"; response: StoredResponse };

export function hashRequest(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

export function assertIdempotencyKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new AppError("VALIDATION", "The Idempotency-Key header is invalid.", {
      errors: [{ path: "Idempotency-Key", message: "Use 1–255 visible ASCII characters, e.g. a UUID." }],
    });
  }
}

/** Claims `key` for this request, or answers with what the first request with that key produced. */
export async function claimIdempotencyKey(ctx: Ctx, key: string, requestHash: string): Promise<IdempotencyClaim> {
  assertIdempotencyKey(key);
  const expired = new Date(Date.now() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  await db.idempotencyKey.deleteMany({ where: { userId: ctx.userId, key, createdAt: { lt: expired } } });
  const { count } = await db.idempotencyKey.createMany({
    data: [{ orgId: ctx.orgId, userId: ctx.userId, key, requestHash, status: "IN_PROGRESS" }],
    skipDuplicates: true,
  });
  if (count === 1) return { kind: "claimed" };
  const existing = await db.idempotencyKey.findUnique({ where: { userId_key: { userId: ctx.userId, key } } });
  if (!existing) return claimIdempotencyKey(ctx, key, requestHash);
  if (existing.requestHash !== requestHash) {
    throw new AppError("VALIDATION", "This Idempotency-Key was already used for a different request.", {
      errors: [{ path: "Idempotency-Key", message: "Use a new key for a new request." }],
    });
  }
  if (existing.status !== "DONE" || existing.responseStatus === null) {
    throw new AppError("CONFLICT", "A request with this Idempotency-Key is in progress or ended without an answer.");
  }
  return {
    kind: "replay",
    response: {
      status: existing.responseStatus, contentType: existing.responseType, body: existing.responseBody ?? "", location: existing.location,
    },
  };
}

export async function completeIdempotencyKey(ctx: Ctx, key: string, response: StoredResponse): Promise<void> {
  await db.idempotencyKey.update({
    where: { userId_key: { userId: ctx.userId, key } },
    data: {
      status: "DONE", responseStatus: response.status, responseType: response.contentType, responseBody: response.body,
      location: response.location,
    },
  });
}

/** The request failed on our side before answering (a 5xx): the key is freed so a retry runs it. */
export async function releaseIdempotencyKey(ctx: Ctx, key: string): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { userId: ctx.userId, key, status: "IN_PROGRESS" } });
}

/** Deletes every key older than IDEMPOTENCY_TTL_HOURS (done or not: past it a key is free anyway); returns how many. */
export async function sweepExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  const { count } = await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: expired } } });
  return count;
}
