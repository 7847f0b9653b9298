// Personal API tokens. The token is returned once at creation; only its SHA-256 hash is stored.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { TokenCreate } from "@/lib/validations/token";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";
import { assertTokenQuota, sweepRateLimitWindows, tokenWindowStart } from "./rate-limits";
import { type StageSettingJson, stageSettingsJsonSql, stageTableFromSettings } from "./stage-config";
import { hashToken } from "./users";

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

type TokenCaller = {
  userId: string; orgId: string; role: Ctx["role"]; locale: string; teamIds: string[]; managedTeamIds: string[]; count: number;
  stageSettings: StageSettingJson[]; baseCurrency: string;
};

/**
 * Resolves a bearer token to its user's context; null for unknown, revoked or inactive. A valid token
 * past its request quota throws RATE_LIMITED (429 with Retry-After).
 *
 * Every API request comes through here, so it is ONE statement: it finds the live token and its active user
 * (same org) with their teams, counts the request in the token's 10-second window (the atomic upsert that
 * every instance shares, lib/data/rate-limits.ts), and refreshes lastUsedAt only when it is more than a minute
 * old (a conditional UPDATE, so a busy token writes it once a minute, not once a request). The writes only
 * happen when the token and its user are valid. It also reads the org's stage table, which nearly every API
 * call needs, and its base currency (the forecast's): the request then carries them (ctx.stageTable,
 * ctx.baseCurrency) instead of reading them again.
 */
export async function contextFromApiToken(token: string): Promise<Ctx | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = Date.now();
  const rows = await db.$queryRaw<TokenCaller[]>`
    WITH caller AS (
      SELECT t."id" AS "tokenId", u."id" AS "userId", u."orgId", u."role"::text AS "role", u."locale"
      FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" AND u."orgId" = t."orgId"
      WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL AND u."isActive"
    ), counted AS (
      INSERT INTO "RateLimitWindow" ("key", "windowStart", "count")
      SELECT 'token:' || caller."tokenId", ${tokenWindowStart(now)}, 1 FROM caller
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
      RETURNING "count"
    ), touched AS (
      UPDATE "ApiToken" SET "lastUsedAt" = ${new Date(now)}
      WHERE "id" = (SELECT "tokenId" FROM caller)
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now - LAST_USED_RESOLUTION_MS)})
      RETURNING "id"
    )
    SELECT caller."userId", caller."orgId", caller."role", caller."locale",
      ARRAY(SELECT m."teamId"::text FROM "TeamMember" m WHERE m."userId" = caller."userId") AS "teamIds",
      ARRAY(SELECT team."id"::text FROM "Team" team WHERE team."managerId" = caller."userId") AS "managedTeamIds",
      (SELECT "count" FROM counted) AS "count",
      ${stageSettingsJsonSql(Prisma.raw(`caller."orgId"`))} AS "stageSettings",
      (SELECT org."baseCurrency" FROM "Organization" org WHERE org."id" = caller."orgId") AS "baseCurrency"
    FROM caller`;
  const caller = rows[0];
  if (!caller) return null;
  await sweepRateLimitWindows(now);
  assertTokenQuota(caller.count, now);
  return {
    userId: caller.userId, orgId: caller.orgId, role: caller.role, locale: caller.locale,
    teamIds: caller.teamIds, managedTeamIds: caller.managedTeamIds, stageTable: stageTableFromSettings(caller.stageSettings),
    baseCurrency: caller.baseCurrency,
  };
}
