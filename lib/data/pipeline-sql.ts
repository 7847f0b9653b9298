// SQL building blocks of the pipeline board: who sees what, which filters apply, and the stage table's
// probabilities and stall limits as parameters. The board aggregates over the whole filtered set in SQL,
// so these fragments are raw SQL; every one of them keeps the caller's org. Only a text search reads the
// database (its matching accounts) while building them.
import "server-only";
import { db } from "@/lib/db";
import { STAGE_KEYS, type StageKey, type StageTable } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { PipelineFilters, PipelineScope } from "@/lib/validations/pipeline";

const DAY_MS = 86_400_000;

/**
 * opportunityVisibility (lib/permissions) as SQL over alias `o`: ADMIN the org, MANAGER "mine" and
 * the managed teams' deals, REP "mine" (own deals and those whose project team they are on); never a
 * deleted one. The pipeline integration tests compare
 * the board with Prisma's opportunityVisibility for every role, so the two cannot drift apart silently.
 */
export function visibilitySql(ctx: Ctx, memberDeals?: MemberDeals): Prisma.Sql {
  const base = Prisma.sql`o."orgId" = ${ctx.orgId}::uuid AND o."deletedAt" IS NULL`;
  if (ctx.role === "ADMIN") return base;
  const ownOrMember = mineSql(ctx, memberDeals);
  if (ctx.role === "MANAGER") {
    return Prisma.sql`${base} AND (${ownOrMember} OR o."teamId" = ANY(${ctx.managedTeamIds}::uuid[]))`;
  }
  return Prisma.sql`${base} AND ${ownOrMember}`;
}

/** The deals whose virtual project team the caller is on, read ahead of a query (see readMemberDeals). */
export type MemberDeals = readonly string[];
/** Above this many, the deals stay a subquery rather than a parameter list. */
const MAX_LISTED_MEMBER_DEALS = 1_000;

/**
 * The caller's project-team deals, read before the board's queries: most callers are on none, and then
 * "mine" is the owner alone, which PostgreSQL reads in stage order straight from the owner's board index.
 * With the team side in the query (even an empty one) it walked the org's whole stage in that order and
 * filtered it, e.g. 7,500 rows for a rep's first pages. Undefined (the subquery then) when there are too many.
 */
export async function readMemberDeals(ctx: Ctx): Promise<MemberDeals | undefined> {
  if (ctx.role === "ADMIN") return undefined;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "opportunityId"::text AS id FROM "OpportunityTeamMember"
     WHERE "orgId" = ${ctx.orgId}::uuid AND "userId" = ${ctx.userId}::uuid
     LIMIT ${MAX_LISTED_MEMBER_DEALS + 1}`;
  return rows.length > MAX_LISTED_MEMBER_DEALS ? undefined : rows.map((row) => row.id);
}

/**
 * "My deals": owned by the caller or with the caller on the deal's virtual project team. The team side is
 * the deals read ahead (readMemberDeals), or else an uncorrelated array (one index lookup, evaluated once),
 * not a correlated EXISTS: PostgreSQL then ORs the owner index with the primary key in a bitmap instead of
 * probing every deal of the org (at 1,000,000 deals a rep's board went from ~3 s to ~0.2 s). Member rows
 * carry their deal's org.
 */
function mineSql(ctx: Ctx, memberDeals?: MemberDeals): Prisma.Sql {
  const owned = Prisma.sql`o."ownerId" = ${ctx.userId}::uuid`;
  if (memberDeals) return memberDeals.length ? Prisma.sql`(${owned} OR o.id = ANY(${memberDeals}::uuid[]))` : owned;
  return Prisma.sql`(${owned} OR o.id = ANY(ARRAY(
    SELECT "opportunityId" FROM "OpportunityTeamMember" WHERE "orgId" = ${ctx.orgId}::uuid AND "userId" = ${ctx.userId}::uuid)))`;
}

/** The scopes a role may ask for; a REP sees only their own deals, so "mine" is all they have. */
export function allowedScopes(ctx: Pick<Ctx, "role">): PipelineScope[] {
  return ctx.role === "REP" ? ["mine"] : ["mine", "team", "all"];
}

export function defaultScope(ctx: Pick<Ctx, "role">): PipelineScope {
  return ctx.role === "REP" ? "mine" : "all";
}

function scopeSql(ctx: Ctx, scope: PipelineScope | undefined, memberDeals?: MemberDeals): Prisma.Sql | null {
  const effective = scope ?? defaultScope(ctx);
  if (!allowedScopes(ctx).includes(effective)) {
    throw new AppError("FORBIDDEN", `Your role may only use scope=${allowedScopes(ctx).join("|")}.`);
  }
  // A REP's visibility already is "mine"; repeating it would only make PostgreSQL evaluate it twice.
  if (effective === "mine") return ctx.role === "REP" ? null : mineSql(ctx, memberDeals);
  if (effective === "team") {
    const teamIds = [...new Set([...ctx.teamIds, ...ctx.managedTeamIds])];
    return Prisma.sql`o."teamId" = ANY(${teamIds}::uuid[])`;
  }
  return null;
}

/** LIKE pattern for "contains", with the user's %, _ and \ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * A deal is stalled when its whole days in stage exceed the stage's limit (lib/domain/stages isStalled):
 * floor(elapsed / 1 day) > max  ⇔  stageEnteredAt ≤ now − (max + 1) days. Per stage that is a range on
 * the board index; null for stages without a limit (closed ones), which never stall.
 */
export function stalledBefore(table: StageTable, stage: StageKey, now: Date): Date | null {
  const limit = table[stage].maxDaysInStage;
  return limit === null ? null : new Date(now.getTime() - (limit + 1) * DAY_MS);
}

/** "Stalled" over every stage at once (for the totals): one CASE per row instead of an OR per stage. */
export function stalledSql(table: StageTable, now: Date): Prisma.Sql {
  const arms = STAGE_KEYS.flatMap((key) => {
    const threshold = stalledBefore(table, key, now);
    return threshold ? [Prisma.sql`WHEN ${key}::"Stage" THEN ${threshold}::timestamptz`] : [];
  });
  if (!arms.length) return Prisma.sql`FALSE`;
  // Compared as the enum, not as text: a cast per row costs more than the rest of the scan.
  return Prisma.sql`o."stageEnteredAt" <= CASE o.stage ${Prisma.join(arms, " ")} END`;
}

/**
 * Most accounts a search passes to PostgreSQL as a list of ids; past it (a very short text in a very
 * large org) the accounts stay a subquery.
 */
const SEARCH_ACCOUNT_LIMIT = 5_000;

/**
 * Text search: the deal's name or its account's name contains the text. The matching accounts are
 * looked up first (the trigram index of migration search_trigram_indexes makes that a few index pages)
 * and passed as a list of ids: the planner then knows how many deals they cover, so it reads a column's
 * first page in board order when the text is common ("steel": one deal in six) and ORs the
 * (orgId, accountId) index with the deal-name trigram index when it is rare (a deal number: at 100,000
 * deals from a ~270 ms scan of every deal to ~20 ms). An IN (subquery) hides that count from it.
 */
async function searchSql(ctx: Ctx, text: string): Promise<Prisma.Sql> {
  const pattern = containsPattern(text);
  const accounts = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id::text AS id FROM "Account" WHERE "orgId" = ${ctx.orgId}::uuid AND name ILIKE ${pattern} LIMIT ${SEARCH_ACCOUNT_LIMIT + 1}`);
  if (accounts.length > SEARCH_ACCOUNT_LIMIT) {
    return Prisma.sql`(o."accountId" IN (
      SELECT id FROM "Account" WHERE "orgId" = ${ctx.orgId}::uuid AND name ILIKE ${pattern}) OR o.name ILIKE ${pattern})`;
  }
  if (!accounts.length) return Prisma.sql`o.name ILIKE ${pattern}`;
  return Prisma.sql`(o."accountId" = ANY(${accounts.map((account) => account.id)}::uuid[]) OR o.name ILIKE ${pattern})`;
}

/**
 * Visibility, scope and filters (all but "stalled only", whose best SQL shape depends on whether one
 * stage or all are read) as one WHERE body over `o`. Account attributes are semi-joins, so the totals
 * never join the account table.
 */
export async function buildPipelineWhere(ctx: Ctx, filters: PipelineFilters): Promise<Prisma.Sql> {
  const memberDeals = await readMemberDeals(ctx);
  const conditions: Prisma.Sql[] = [visibilitySql(ctx, memberDeals)];
  const scope = scopeSql(ctx, filters.scope, memberDeals);
  if (scope) conditions.push(scope);
  if (filters.ownerId) conditions.push(Prisma.sql`o."ownerId" = ${filters.ownerId}::uuid`);
  if (filters.teamId) conditions.push(Prisma.sql`o."teamId" = ${filters.teamId}::uuid`);
  if (filters.productLine) conditions.push(Prisma.sql`o."productLine" = ${filters.productLine}`);
  if (filters.closeFrom) conditions.push(Prisma.sql`o."expectedCloseDate" >= ${filters.closeFrom}::date`);
  if (filters.closeTo) conditions.push(Prisma.sql`o."expectedCloseDate" <= ${filters.closeTo}::date`);
  if (filters.grade) {
    conditions.push(Prisma.sql`o.id IN (SELECT "opportunityId" FROM "OpportunityHealth" WHERE "orgId" = ${ctx.orgId}::uuid AND grade = ${filters.grade})`);
  }
  const accountConditions: Prisma.Sql[] = [];
  if (filters.segment) accountConditions.push(Prisma.sql`segment = ${filters.segment}`);
  if (filters.region) accountConditions.push(Prisma.sql`region = ${filters.region}`);
  if (accountConditions.length) {
    conditions.push(Prisma.sql`o."accountId" IN (
      SELECT id FROM "Account" WHERE "orgId" = ${ctx.orgId}::uuid AND ${Prisma.join(accountConditions, " AND ")})`);
  }
  if (filters.q) conditions.push(await searchSql(ctx, filters.q));
  return Prisma.join(conditions, " AND ");
}

/** `CASE o.stage … END` giving each stage's probability from the org's stage table, as exact numerics. */
export function probabilitySql(table: StageTable, stages: readonly StageKey[]): Prisma.Sql {
  const arms = stages.map((key) => Prisma.sql`WHEN ${key} THEN ${table[key].probability}::numeric`);
  return Prisma.sql`CASE o.stage::text ${Prisma.join(arms, " ")} END`;
}
