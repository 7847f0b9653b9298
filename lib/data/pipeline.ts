// The P0–P7 pipeline board: per-column totals over the whole filtered visible set (counted and summed in
// SQL, never from the cards a client happens to hold) and per-column keyset pages, newest in the stage
// first — so a deal just moved lands on top of its new column, where the board shows it at once.
// Stage moves are not here: the board moves deals through moveOpportunityToStage only.
import "server-only";
import { db } from "@/lib/db";
import { formatMoneyString } from "@/lib/domain/money";
import { isStageKey, STAGE_KEYS, type StageKey, type StageTable } from "@/lib/domain/stages";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type {
  PipelineBoard, PipelineBoardQuery, PipelineColumnPage, PipelineColumnQuery, PipelineFilters, PipelineTotals,
} from "@/lib/validations/pipeline";
import { cubeTotals } from "./forecast-cube-totals";
import { toOpportunityOutput } from "./opportunities";
import { decodeCursor, encodeCursor } from "./pagination";
import { buildPipelineWhere, probabilitySql, stalledBefore, stalledSql } from "./pipeline-sql";
import { getStageTable } from "./stage-config";
import { countWarningsForDeals, type WarnableDeal } from "./warnings";

type TotalsRow = { stage: StageKey; count: number; amount: string; weightedAmount: string };

/** The board's reading of the filters: the WHERE body, and "stalled only" with the instant it is judged at. */
type BoardQuery = { where: Prisma.Sql; stalledOnly: boolean; now: Date; table: StageTable; ctx: Ctx; filters: PipelineFilters };

async function prepare(ctx: Ctx, filters: PipelineFilters, now: Date): Promise<BoardQuery> {
  const [table, where] = await Promise.all([getStageTable(ctx), buildPipelineWhere(ctx, filters)]);
  return { where, stalledOnly: Boolean(filters.stalledOnly), now, table, ctx, filters };
}

/** Count, amount and weighted amount per stage; stages without deals come back as zeros. */
async function queryTotals(query: BoardQuery): Promise<PipelineTotals[]> {
  // The summary cubes (issue 8) answer most filter combinations exactly without scanning the deals.
  const fromCube = await cubeTotals(query.ctx, query.filters, query.table);
  if (fromCube) return fromCube;
  const { where, stalledOnly, now, table } = query;
  const stalled = stalledOnly ? Prisma.sql`AND ${stalledSql(table, now)}` : Prisma.empty;
  // Σ(amount × p) = p × Σ amount within one stage (p is constant there); exact numerics, rounded once.
  const rows = await db.$queryRaw<TotalsRow[]>(Prisma.sql`
    SELECT o.stage::text AS stage,
           COUNT(*)::int AS count,
           SUM(o.amount)::text AS amount,
           ROUND(SUM(o.amount) * ${probabilitySql(table, STAGE_KEYS)}, 2)::text AS "weightedAmount"
    FROM "Opportunity" o
    WHERE ${where} ${stalled}
    GROUP BY o.stage`);
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return STAGE_KEYS.map((stage) => {
    const row = byStage.get(stage);
    return {
      stage,
      count: row?.count ?? 0,
      amount: formatMoneyString(row?.amount ?? "0"),
      weightedAmount: formatMoneyString(row?.weightedAmount ?? "0"),
    };
  });
}

export type CardRow = {
  id: string; orgId: string; name: string; accountId: string; ownerId: string; teamId: string | null;
  productLine: string | null; amount: string; currency: string; expectedCloseDate: string; stage: string;
  stageEnteredAt: Date; lossReason: string | null; version: number; createdAt: Date; updatedAt: Date;
  accountName: string; ownerName: string; decisionStage: string | null;
};

export const CARD_COLUMNS = Prisma.sql`
  o.id::text AS id, o."orgId"::text AS "orgId", o.name, o."accountId"::text AS "accountId", o."ownerId"::text AS "ownerId",
  o."teamId"::text AS "teamId", o."productLine", o.amount::text AS amount, o.currency,
  o."expectedCloseDate"::text AS "expectedCloseDate", o.stage::text AS stage, o."stageEnteredAt", o."lossReason", o.version,
  o."createdAt", o."updatedAt", a.name AS "accountName", u.name AS "ownerName", o."decisionStage"`;

export const CARD_FROM = Prisma.sql`"Opportunity" o JOIN "Account" a ON a.id = o."accountId" JOIN "User" u ON u.id = o."ownerId"`;
const CARD_ORDER = Prisma.sql`ORDER BY o."stageEnteredAt" DESC, o.id DESC`;

/** The same JSON as /api/v1/opportunities: raw rows go through the one output mapping. */
export function toCard(row: CardRow, table: StageTable): OpportunityOutput {
  return toOpportunityOutput(
    {
      ...row,
      stage: row.stage as StageKey,
      amount: new Prisma.Decimal(row.amount),
      expectedCloseDate: new Date(`${row.expectedCloseDate}T00:00:00Z`),
      stageEnteredAt: new Date(row.stageEnteredAt),
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
      deletedAt: null,
      forecastCategory: null,
      externalId: null,
      account: { name: row.accountName },
      owner: { name: row.ownerName },
    },
    table,
  );
}

/** A card row as the warning rules read it (the rows come from visibility-filtered queries). */
const toWarnable = (row: CardRow): WarnableDeal => ({
  ...row, stageEnteredAt: new Date(row.stageEnteredAt), createdAt: new Date(row.createdAt), expectedCloseDate: new Date(`${row.expectedCloseDate}T00:00:00Z`),
});

function toPage(rows: CardRow[], limit: number, table: StageTable, warnings: Map<string, number>): PipelineColumnPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toCard(row, table), warningCount: warnings.get(row.id) ?? 0 })),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: new Date(last.stageEnteredAt).toISOString(), id: last.id }) : null,
  };
}

/** The first `limit` cards of every stage in one round trip: one index range scan per stage. */
async function queryFirstPages(query: BoardQuery, limit: number): Promise<Map<StageKey, PipelineColumnPage>> {
  const { where, stalledOnly, now, table } = query;
  const pages = new Map<StageKey, PipelineColumnPage>();
  if (limit === 0) {
    for (const stage of STAGE_KEYS) pages.set(stage, { items: [], nextCursor: null });
    return pages;
  }
  // Each stage's stall threshold travels with it, so "stalled only" stays a range on the board index.
  const thresholds = STAGE_KEYS.map((stage) => stalledBefore(table, stage, now)?.toISOString() ?? null);
  const stalled = stalledOnly ? Prisma.sql`AND o."stageEnteredAt" <= s.stalled_before` : Prisma.empty;
  const rows = await db.$queryRaw<CardRow[]>(Prisma.sql`
    SELECT card.* FROM unnest(${[...STAGE_KEYS]}::text[]::"Stage"[], ${thresholds}::timestamptz[]) AS s(stage, stalled_before)
    CROSS JOIN LATERAL (
      SELECT ${CARD_COLUMNS} FROM ${CARD_FROM}
      WHERE o.stage = s.stage AND ${where} ${stalled}
      ${CARD_ORDER}
      LIMIT ${limit + 1}
    ) card`);
  // The request has read the stage table: the warnings take it with the caller (getStageTable reads ctx.stageTable).
  const warnings = await countWarningsForDeals({ ...query.ctx, stageTable: table }, rows.map(toWarnable), now);
  for (const stage of STAGE_KEYS) {
    pages.set(stage, toPage(rows.filter((row) => row.stage === stage), limit, table, warnings));
  }
  return pages;
}

export type PipelineSnapshot = PipelineBoard & { stageTable: StageTable; now: string };

/** Every column's totals and first page; `now` is the instant stalled-ness was judged at. */
export async function getPipelineBoard(ctx: Ctx, query: PipelineBoardQuery, now = new Date()): Promise<PipelineSnapshot> {
  const prepared = await prepare(ctx, query, now);
  const [totals, pages] = await Promise.all([queryTotals(prepared), queryFirstPages(prepared, query.limit)]);
  return {
    columns: totals.map((column) => ({ ...column, ...(pages.get(column.stage) as PipelineColumnPage) })),
    stageTable: prepared.table,
    now: now.toISOString(),
  };
}

/** Column totals only (after a move, the board refreshes its headers with these). */
export async function getPipelineTotals(ctx: Ctx, filters: PipelineFilters, now = new Date()): Promise<PipelineTotals[]> {
  return queryTotals(await prepare(ctx, filters, now));
}

/**
 * One column, `limit` cards after `cursor` — or from position `offset` — newest in the stage first. An
 * unknown stage is a 404. An offset page skips rows on the board index alone and joins the account and
 * owner for its own rows only; its nextCursor continues like any page's.
 */
export async function listPipelineColumn(
  ctx: Ctx, stage: string, query: PipelineColumnQuery, now = new Date(),
): Promise<PipelineColumnPage> {
  if (!isStageKey(stage)) throw notFound("Stage");
  const { where, stalledOnly, table } = await prepare(ctx, query, now);
  const threshold = stalledBefore(table, stage, now);
  const stalled = !stalledOnly ? Prisma.empty : threshold ? Prisma.sql`AND o."stageEnteredAt" <= ${threshold}::timestamptz` : Prisma.sql`AND FALSE`;
  const cursor = decodeCursor(query.cursor);
  const after = cursor
    ? Prisma.sql`AND (o."stageEnteredAt", o.id) < (${new Date(cursor.at)}::timestamptz, ${cursor.id}::uuid)`
    : Prisma.empty;
  const rows = query.offset
    ? await db.$queryRaw<CardRow[]>(Prisma.sql`
      SELECT ${CARD_COLUMNS} FROM (
        SELECT o.* FROM "Opportunity" o
        WHERE o.stage = ${stage}::"Stage" AND ${where} ${stalled}
        ${CARD_ORDER}
        OFFSET ${query.offset} LIMIT ${query.limit + 1}
      ) o JOIN "Account" a ON a.id = o."accountId" JOIN "User" u ON u.id = o."ownerId"
      ${CARD_ORDER}`)
    : await db.$queryRaw<CardRow[]>(Prisma.sql`
      SELECT ${CARD_COLUMNS} FROM ${CARD_FROM}
      WHERE o.stage = ${stage}::"Stage" AND ${where} ${stalled} ${after}
      ${CARD_ORDER}
      LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, table, await countWarningsForDeals({ ...ctx, stageTable: table }, rows.map(toWarnable), now));
}
