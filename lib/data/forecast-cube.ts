// Aggregates of the visible deals per stage and up to two dimensions, read from the summary cubes that
// PostgreSQL triggers keep exact in every write's own transaction (migration 20261128094759_forecast), or —
// when the filters do not fit a cube (a date range that cuts a month, free text, "stalled only") — live from
// the base table. Both paths are the same SQL shape over different sources, and the property test
// (tests/integration/forecast/cube.test.ts) proves they agree after random writes.
//
// Visibility is opportunityVisibility (lib/permissions) exactly: the cubes hold owner and team, so "own
// deals" and "the managed teams' deals" are read from them; deals a user sees only as a member of the
// deal's project team are few and are added live (the member lookup is one index probe).
import "server-only";
import { db } from "@/lib/db";
import type { ForecastDimension } from "@/lib/domain/forecast";
import { Decimal } from "@/lib/domain/money";
import { STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import { allowedScopes, defaultScope } from "./pipeline-sql";

const NO_TEAM = "00000000-0000-0000-0000-000000000000";

export type CubeFilters = {
  scope?: "mine" | "team" | "all";
  ownerId?: string;
  teamId?: string;
  productLine?: string;
  segment?: string;
  region?: string;
  closeFrom?: string;
  closeTo?: string;
};

export type CubeQuery = CubeFilters & {
  stages: readonly StageKey[];
  groupBy: readonly ForecastDimension[];
};

/** One aggregated cell: the group's keys (in groupBy order), the stage, the category override, exact sums. */
export type CubeRow = { keys: (string | null)[]; stage: StageKey; override: string | null; count: number; amount: string };

type Source = "rollup" | "cube" | "live";

type Columns = {
  owner: Prisma.Sql; team: Prisma.Sql; productLine: Prisma.Sql; segment: Prisma.Sql; region: Prisma.Sql;
  stage: Prisma.Sql; override: Prisma.Sql; date: Prisma.Sql; count: Prisma.Sql; amount: Prisma.Sql;
};

const SUMMARY_COLUMNS: Columns = {
  owner: Prisma.sql`s."ownerId"`,
  // A literal, not a parameter: GROUP BY must see the same expression text as SELECT.
  team: Prisma.raw(`NULLIF(s."teamId", '${NO_TEAM}'::uuid)`),
  productLine: Prisma.sql`NULLIF(s."productLine", '')`,
  segment: Prisma.sql`NULLIF(s.segment, '')`,
  region: Prisma.sql`NULLIF(s.region, '')`,
  stage: Prisma.sql`s.stage`,
  override: Prisma.sql`NULLIF(s.category, '')`,
  date: Prisma.sql`s."closeMonth"`,
  count: Prisma.sql`s.count`,
  amount: Prisma.sql`s.amount`,
};

const LIVE_COLUMNS: Columns = {
  owner: Prisma.sql`o."ownerId"`,
  team: Prisma.sql`o."teamId"`,
  productLine: Prisma.sql`NULLIF(o."productLine", '')`,
  segment: Prisma.sql`NULLIF(a.segment, '')`,
  region: Prisma.sql`NULLIF(a.region, '')`,
  stage: Prisma.sql`o.stage`,
  override: Prisma.sql`o."forecastCategory"::text`,
  date: Prisma.sql`o."expectedCloseDate"`,
  count: Prisma.sql`1`,
  amount: Prisma.sql`o.amount`,
};

/**
 * A dimension as what to GROUP BY and what to SELECT from it. The summary tables group by their raw key
 * columns (enum, date) and format after grouping: a cast or to_char per row costs more than the scan.
 */
function dimensionSql(columns: Columns, dimension: ForecastDimension, isSummary: boolean): { group: Prisma.Sql | null; select: Prisma.Sql } {
  const same = (expression: Prisma.Sql) => ({ group: expression, select: expression });
  // The format is a literal (a constant of this module) so GROUP BY and SELECT read the same text.
  const dated = (format: string) => isSummary
    ? { group: columns.date, select: Prisma.sql`to_char(${columns.date}, ${Prisma.raw(`'${format}'`)})` }
    : same(Prisma.sql`to_char(${columns.date}, ${Prisma.raw(`'${format}'`)})`);
  switch (dimension) {
    case "owner": return { group: columns.owner, select: Prisma.sql`${columns.owner}::text` };
    case "team": return { group: columns.team, select: Prisma.sql`${columns.team}::text` };
    case "productLine": return same(columns.productLine);
    case "segment": return same(columns.segment);
    case "region": return same(columns.region);
    case "stage": return { group: columns.stage, select: Prisma.sql`${columns.stage}::text` };
    case "month": return dated("YYYY-MM");
    case "quarter": return dated('YYYY-"Q"Q');
    // The effective category depends on the stage and the override, both of which every row carries.
    case "category": return { group: null, select: Prisma.sql`''` };
  }
}

const isMonthStart = (date: string) => date.endsWith("-01");
const isMonthEnd = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/** Which source answers a query exactly: the coarse rollup, the fine cube, or only the base table. */
export function chooseSource(query: CubeFilters & { groupBy: readonly ForecastDimension[] }, extra: { live?: boolean } = {}): Source {
  if (extra.live) return "live";
  if (query.closeFrom && !isMonthStart(query.closeFrom)) return "live";
  if (query.closeTo && !isMonthEnd(query.closeTo)) return "live";
  const fine = query.productLine || query.segment || query.region
    || query.groupBy.some((dimension) => dimension === "productLine" || dimension === "segment" || dimension === "region");
  return fine ? "cube" : "rollup";
}

/** The (owner, team) part of visibility — what the cubes can answer. ADMIN: everything in the org. */
function ownerTeamVisibility(ctx: Ctx, columns: Columns): Prisma.Sql | null {
  if (ctx.role === "ADMIN") return null;
  const own = Prisma.sql`${columns.owner} = ${ctx.userId}::uuid`;
  if (ctx.role === "MANAGER") return Prisma.sql`(${own} OR ${columns.team} = ANY(${ctx.managedTeamIds}::uuid[]))`;
  return own;
}

function scopeCondition(ctx: Ctx, scope: CubeFilters["scope"], columns: Columns): Prisma.Sql | null {
  const effective = scope ?? defaultScope(ctx);
  if (!allowedScopes(ctx).includes(effective)) {
    throw new AppError("FORBIDDEN", `Your role may only use scope=${allowedScopes(ctx).join("|")}.`);
  }
  if (effective === "mine") return Prisma.sql`${columns.owner} = ${ctx.userId}::uuid`;
  if (effective === "team") {
    const teamIds = [...new Set([...ctx.teamIds, ...ctx.managedTeamIds])];
    return Prisma.sql`${columns.team} = ANY(${teamIds}::uuid[])`;
  }
  return null;
}

function filterConditions(query: CubeQuery, columns: Columns, source: Source): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  // A parameter typed as the enum array: a cast written in the SQL would be re-evaluated on every row.
  if (query.stages.length < STAGE_KEYS.length) conditions.push(Prisma.sql`${columns.stage} = ANY(${[...query.stages]}::"Stage"[])`);
  if (query.ownerId) conditions.push(Prisma.sql`${columns.owner} = ${query.ownerId}::uuid`);
  if (query.teamId) conditions.push(Prisma.sql`${columns.team} = ${query.teamId}::uuid`);
  if (query.productLine) conditions.push(Prisma.sql`${columns.productLine} = ${query.productLine}`);
  if (query.segment) conditions.push(Prisma.sql`${columns.segment} = ${query.segment}`);
  if (query.region) conditions.push(Prisma.sql`${columns.region} = ${query.region}`);
  // A cube's month is the first of the deal's close month: whole-month bounds compare month to month.
  const to = source === "live" || !query.closeTo ? query.closeTo : `${query.closeTo.slice(0, 7)}-01`;
  if (query.closeFrom) conditions.push(Prisma.sql`${columns.date} >= ${query.closeFrom}::date`);
  if (to) conditions.push(Prisma.sql`${columns.date} <= ${to}::date`);
  return conditions;
}

type RawRow = { k0: string | null; k1: string | null; stage: StageKey; override: string | null; count: number; amount: string };

function selectSql(query: CubeQuery, columns: Columns, from: Prisma.Sql, where: Prisma.Sql[]): Prisma.Sql {
  const isSummary = columns === SUMMARY_COLUMNS;
  const [first, second] = query.groupBy.map((dimension) => dimensionSql(columns, dimension, isSummary));
  const nothing = { group: null, select: Prisma.sql`NULL::text` };
  const k0 = first ?? nothing;
  const k1 = second ?? nothing;
  const groups = [first?.group, second?.group, columns.stage, columns.override].filter((group): group is Prisma.Sql => Boolean(group));
  return Prisma.sql`
    SELECT ${k0.select} AS k0, ${k1.select} AS k1, ${columns.stage}::text AS stage, ${columns.override} AS override,
           SUM(${columns.count})::int AS count, SUM(${columns.amount})::text AS amount
      FROM ${from}
     WHERE ${Prisma.join(where, " AND ")}
     GROUP BY ${Prisma.join(groups, ", ")}`;
}

/** Deals the caller sees only through a project-team membership (never in the owner/team part). */
function memberExtraSql(ctx: Ctx, query: CubeQuery): Prisma.Sql | null {
  if (ctx.role === "ADMIN") return null;
  const effective = query.scope ?? defaultScope(ctx);
  const columns = LIVE_COLUMNS;
  const where = [
    Prisma.sql`o."orgId" = ${ctx.orgId}::uuid AND o."deletedAt" IS NULL`,
    Prisma.sql`o.id = ANY(ARRAY(SELECT "opportunityId" FROM "OpportunityTeamMember" WHERE "orgId" = ${ctx.orgId}::uuid AND "userId" = ${ctx.userId}::uuid))`,
    ...filterConditions(query, columns, "live"),
  ];
  // Not already counted by the owner/team part (NULL team → not counted: COALESCE keeps NOT exact).
  if (effective === "mine") where.push(Prisma.sql`o."ownerId" <> ${ctx.userId}::uuid`);
  else {
    where.push(Prisma.sql`NOT COALESCE(${ownerTeamVisibility(ctx, columns) as Prisma.Sql}, FALSE)`);
    const scope = scopeCondition(ctx, query.scope, columns);
    if (scope) where.push(Prisma.sql`COALESCE(${scope}, FALSE)`);
  }
  return selectSql(query, columns, Prisma.sql`"Opportunity" o JOIN "Account" a ON a.id = o."accountId"`, where);
}

function mainSql(ctx: Ctx, query: CubeQuery, source: Source): Prisma.Sql {
  const columns = source === "live" ? LIVE_COLUMNS : SUMMARY_COLUMNS;
  const from = source === "live"
    ? Prisma.sql`"Opportunity" o JOIN "Account" a ON a.id = o."accountId"`
    : source === "cube" ? Prisma.sql`"OpportunityCube" s` : Prisma.sql`"OpportunityRollup" s`;
  const where = [source === "live"
    ? Prisma.sql`o."orgId" = ${ctx.orgId}::uuid AND o."deletedAt" IS NULL`
    : Prisma.sql`s."orgId" = ${ctx.orgId}::uuid`];
  const visibility = ownerTeamVisibility(ctx, columns);
  if (visibility) where.push(visibility);
  const scope = scopeCondition(ctx, query.scope, columns);
  if (scope) where.push(scope);
  where.push(...filterConditions(query, columns, source));
  return selectSql(query, columns, from, where);
}

/**
 * Count and amount per (groups…, stage, category override) of the deals the caller sees, from the fastest
 * exact source; `live: true` forces the base table (the reference the tests compare with).
 */
export async function aggregateVisibleDeals(ctx: Ctx, query: CubeQuery, options: { live?: boolean } = {}): Promise<CubeRow[]> {
  if (query.groupBy.length > 2) throw new AppError("VALIDATION", "At most two groupBy dimensions.");
  const source = chooseSource(query, options);
  const extra = memberExtraSql(ctx, query);
  const sql = extra
    ? Prisma.sql`SELECT k0, k1, stage, override, SUM(count)::int AS count, SUM(amount::numeric)::text AS amount
                   FROM (${mainSql(ctx, query, source)} UNION ALL ${extra}) parts GROUP BY 1, 2, 3, 4`
    : mainSql(ctx, query, source);
  const rows = await db.$queryRaw<RawRow[]>(sql);
  // Several summary months can make one quarter: merge cells with equal keys (exact decimal sums).
  const cells = new Map<string, CubeRow>();
  for (const row of rows) {
    if (row.count === 0) continue;
    const keys = [row.k0, row.k1].slice(0, query.groupBy.length);
    const id = JSON.stringify([keys, row.stage, row.override]);
    const cell = cells.get(id);
    if (cell) {
      cell.count += row.count;
      cell.amount = new Decimal(cell.amount).plus(row.amount).toFixed();
    } else cells.set(id, { keys, stage: row.stage, override: row.override, count: row.count, amount: row.amount });
  }
  return [...cells.values()];
}
