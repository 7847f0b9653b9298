// The opportunities table view: the pipeline board's visibility and filters (lib/data/pipeline-sql, so
// board and table can never disagree on which deals match) plus a stage filter, a server-side sort with
// the id as tie-breaker (every deal sits at exactly one place in the order), and page-numbered pages.
// The CSV export walks the same order with a keyset cursor (opportunity-export.ts).
import "server-only";
import { db } from "@/lib/db";
import { STAGE_KEYS, type StageTable } from "@/lib/domain/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { OpportunityTableQuery, SortDirection, TableSortKey } from "@/lib/validations/opportunity-table";
import type { PipelineFilters } from "@/lib/validations/pipeline";
import { CARD_COLUMNS, CARD_FROM, type CardRow, toCard } from "./pipeline";
import { buildPipelineWhere, probabilitySql, stalledSql } from "./pipeline-sql";
import { getStageTable } from "./stage-config";

type SortSpec = {
  expression: Prisma.Sql;
  /** The PostgreSQL type a sort value read back as text is cast to, for the keyset comparison. */
  cast: Prisma.Sql;
  /** The join the sort value needs besides the deal itself (the account's or the owner's name). */
  join: Prisma.Sql;
};

const ACCOUNT_JOIN = Prisma.sql`JOIN "Account" a ON a.id = o."accountId"`;
const OWNER_JOIN = Prisma.sql`JOIN "User" u ON u.id = o."ownerId"`;

/** Sort expressions over the board's aliases (o deal, a account, u owner); all NOT NULL, so no NULLS ordering. */
function sortSpec(sort: TableSortKey, table: StageTable): SortSpec {
  const own = (expression: Prisma.Sql, cast: Prisma.Sql): SortSpec => ({ expression, cast, join: Prisma.empty });
  switch (sort) {
    case "name":
      return own(Prisma.sql`o.name`, Prisma.sql`text`);
    case "accountName":
      return { expression: Prisma.sql`a.name`, cast: Prisma.sql`text`, join: ACCOUNT_JOIN };
    case "ownerName":
      return { expression: Prisma.sql`u.name`, cast: Prisma.sql`text`, join: OWNER_JOIN };
    case "stage":
      // The enum sorts in declaration order: P0 … P7, then LOST.
      return own(Prisma.sql`o.stage`, Prisma.sql`"Stage"`);
    case "amount":
      return own(Prisma.sql`o.amount`, Prisma.sql`numeric`);
    case "weightedAmount":
      // Unrounded amount × the org's probability, exactly as the weighted column is computed.
      return own(Prisma.sql`(o.amount * ${probabilitySql(table, STAGE_KEYS)})`, Prisma.sql`numeric`);
    case "expectedCloseDate":
      return own(Prisma.sql`o."expectedCloseDate"`, Prisma.sql`date`);
    case "updatedAt":
      return own(Prisma.sql`o."updatedAt"`, Prisma.sql`timestamptz`);
  }
}

export type TableFilters = PipelineFilters & { stage?: OpportunityTableQuery["stage"] };

/** A prepared reading of filters and sort: the WHERE body, ORDER BY, and the stage table in force. */
export type PreparedTableQuery = {
  where: Prisma.Sql;
  sort: SortSpec;
  dir: SortDirection;
  orderBy: Prisma.Sql;
  table: StageTable;
};

/**
 * Visibility, scope and the board's filters (refusing a scope the role lacks, as the board does), then the
 * table's own stage filter and "stalled only" judged at `now`.
 */
export async function prepareTableQuery(
  ctx: Ctx, filters: TableFilters, sort: TableSortKey, dir: SortDirection, now: Date,
): Promise<PreparedTableQuery> {
  const [table, where] = await Promise.all([getStageTable(ctx), buildPipelineWhere(ctx, filters)]);
  const conditions = [where];
  if (filters.stage) conditions.push(Prisma.sql`o.stage = ${filters.stage}::"Stage"`);
  if (filters.stalledOnly) conditions.push(stalledSql(table, now));
  const spec = sortSpec(sort, table);
  const direction = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return {
    where: Prisma.join(conditions, " AND "),
    sort: spec,
    dir,
    orderBy: Prisma.sql`ORDER BY ${spec.expression} ${direction}, o.id ${direction}`,
    table,
  };
}

export type OpportunityTablePage = {
  data: OpportunityOutput[];
  total: number;
  /** The page shown: a page past the end shows the last one. */
  page: number;
  pageSize: number;
  stageTable: StageTable;
};

export type TableRow = CardRow & { sortKey: string };

/**
 * One slice of the sorted filtered set. The slice's ids are chosen on the deals table alone (plus the one
 * join a name sort needs), so LIMIT applies before the account and owner joins — an index walk where one
 * fits the order, at worst one top-N sort — and only those rows are then fetched by primary key, joined
 * and shaped. (ARRAY(…) makes the ids a value computed once, never a semi-join over the whole table.)
 */
export function querySortedSlice(
  prepared: PreparedTableQuery, slice: { after?: Prisma.Sql; limit: number; offset?: number },
): Promise<TableRow[]> {
  const { expression, join } = prepared.sort;
  return db.$queryRaw<TableRow[]>(Prisma.sql`
    SELECT ${CARD_COLUMNS}, (${expression})::text AS "sortKey" FROM ${CARD_FROM}
    WHERE o.id = ANY(ARRAY(
      SELECT o.id FROM "Opportunity" o ${join}
      WHERE ${prepared.where} ${slice.after ?? Prisma.empty}
      ${prepared.orderBy}
      LIMIT ${slice.limit} OFFSET ${slice.offset ?? 0}))
    ${prepared.orderBy}`);
}

function queryPage(prepared: PreparedTableQuery, page: number, pageSize: number): Promise<TableRow[]> {
  return querySortedSlice(prepared, { limit: pageSize, offset: (page - 1) * pageSize });
}

/** One sorted page of the filtered visible deals and the size of the whole filtered set. */
export async function listOpportunityTablePage(ctx: Ctx, query: OpportunityTableQuery, now = new Date()): Promise<OpportunityTablePage> {
  const prepared = await prepareTableQuery(ctx, query, query.sort, query.dir, now);
  const [[{ total }], rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT COUNT(*)::int AS total FROM "Opportunity" o WHERE ${prepared.where}`),
    queryPage(prepared, query.page, query.pageSize),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, lastPage);
  const pageRows = page === query.page ? rows : await queryPage(prepared, page, query.pageSize);
  return {
    data: pageRows.map((row) => toCard(row, prepared.table)),
    total,
    page,
    pageSize: query.pageSize,
    stageTable: prepared.table,
  };
}
