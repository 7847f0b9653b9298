// Personal API tokens. The token is returned once at creation; only its SHA-256 hash is stored.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { TokenCreate } from "@/lib/validations/token";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";
import { consumeTokenQuota } from "./rate-limits";
import { hashToken, loadContext } from "./users";

const TOKEN_PREFIX = "crm_";
/** lastUsedAt is refreshed at most once a minute, so busy scripts don't write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

function toTokenOutput(token: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(ctx: Ctx, input: TokenCreate) {
  assertCan(ctx, "token.manage");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { orgId: ctx.orgId, userId: ctx.userId, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10) },
    });
    await recordAudit(tx, ctx, { action: "token.create", entityType: "ApiToken", entityId: created.id, after: { name: created.name, prefix: created.prefix } });
    return created;
  });
  return { ...toTokenOutput(row), token };
}

export async function listApiTokens(ctx: Ctx) {
  assertCan(ctx, "token.manage");
  const rows = await db.apiToken.findMany({
    where: { userId: ctx.userId, orgId: ctx.orgId, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toTokenOutput);
}

export async function revokeApiToken(ctx: Ctx, tokenId: string) {
  assertCan(ctx, "token.manage");
  // The id column is a uuid: anything else would make PostgreSQL fail the query (a 500) instead of a 404.
  if (!isUuid(tokenId)) throw notFound("Token");
  await db.$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: ctx.userId, orgId: ctx.orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw notFound("Token");
    await recordAudit(tx, ctx, { action: "token.revoke", entityType: "ApiToken", entityId: tokenId });
  });
}

/**
 * Resolves a bearer token to its user's context; null for unknown, revoked or inactive. A valid token
 * past its request quota throws RATE_LIMITED (429 with Retry-After).
 */
export async function contextFromApiToken(token: string): Promise<Ctx | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) return null;
  const ctx = await loadContext(row.userId);
  if (!ctx || ctx.orgId !== row.orgId) return null;
  await consumeTokenQuota(row.id);
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return ctx;
}
