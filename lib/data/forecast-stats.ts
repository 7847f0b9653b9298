// Calibration and funnel statistics from the stage history (issue 8), over the deals the caller sees.
// Calibration: for each stage, the deals that ever reached it, how many of them were won and lost since, the
// observed win rate (won ÷ closed) next to the configured probability. Funnel: conversion onwards from each
// stage (the share of the deals entering it that reached a later stage), days spent in each stage (average
// and median, from consecutive history rows), win rate, average won deal size and cycle length (creation to
// win). Both optionally for a period (the report pages): then only stage entries made in it count, and only
// deals won or lost in it.
import "server-only";
import { db } from "@/lib/db";
import type { DateRange } from "@/lib/domain/forecast";
import { formatMoneyString } from "@/lib/domain/money";
import { PIPELINE_STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { CalibrationOutput } from "@/lib/validations/forecast";
import { visibilitySql } from "./pipeline-sql";
import { getStageTable } from "./stage-config";

type CalibrationRow = { stage: StageKey; reached: number; won: number; lost: number };

/** `column` (a timestamptz) within the closed date range of UTC days, or TRUE without one. */
function withinSql(column: Prisma.Sql, range: DateRange | undefined): Prisma.Sql {
  if (!range) return Prisma.sql`TRUE`;
  return Prisma.sql`${column} >= (${range.from}::date)::timestamp AT TIME ZONE 'UTC' AND ${column} < (${range.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`;
}

export async function getCalibration(ctx: Ctx, range?: DateRange): Promise<CalibrationOutput> {
  const [table, rows] = await Promise.all([
    getStageTable(ctx),
    db.$queryRaw<CalibrationRow[]>(Prisma.sql`
      SELECT reached.stage::text AS stage, count(*)::int AS reached,
             count(*) FILTER (WHERE o.stage = 'P7')::int AS won, count(*) FILTER (WHERE o.stage = 'LOST')::int AS lost
        FROM (SELECT DISTINCT sc."opportunityId", sc."toStage" AS stage FROM "StageChange" sc WHERE sc."orgId" = ${ctx.orgId}::uuid AND ${withinSql(Prisma.sql`sc.at`, range)}) reached
        JOIN "Opportunity" o ON o.id = reached."opportunityId"
       WHERE ${visibilitySql(ctx)}
       GROUP BY reached.stage`),
  ]);
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return {
    data: PIPELINE_STAGE_KEYS.map((stage) => {
      const row = byStage.get(stage) ?? { reached: 0, won: 0, lost: 0 };
      const closed = row.won + row.lost;
      return {
        stage, configuredProbability: Number(table[stage].probability), reached: row.reached, won: row.won, lost: row.lost,
        open: row.reached - closed, observedWinRate: closed ? Math.round((row.won / closed) * 10_000) / 10_000 : null,
      };
    }),
  };
}

export type FunnelStats = {
  stages: { stage: StageKey; reached: number; conversionToNext: number | null; avgDaysInStage: number | null; medianDaysInStage: number | null }[];
  winRate: number | null;
  averageWonAmount: string | null;
  averageCycleDays: number | null;
  monthly: { month: string; won: number; lost: number; wonAmount: string }[];
};

export async function getFunnelStats(ctx: Ctx, range?: DateRange): Promise<FunnelStats> {
  const closedIn = withinSql(Prisma.sql`o."stageEnteredAt"`, range);
  const [calibration, advances, durations, outcome, monthly] = await Promise.all([
    getCalibration(ctx, range),
    // Conversion is a cohort: of the deals that entered a stage (in the period), how many went on to any later
    // pipeline stage afterwards (in the period too) — never above 100%, even when earlier stages were entered
    // before the period or skipped.
    db.$queryRaw<{ stage: StageKey; advanced: number }[]>(Prisma.sql`
      SELECT r.stage::text AS stage,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "StageChange" n
                WHERE n."opportunityId" = r."opportunityId" AND n."toStage" <> 'LOST' AND n."toStage" > r.stage
                  AND n.at >= r.at AND ${withinSql(Prisma.sql`n.at`, range)}))::int AS advanced
        FROM (SELECT sc."opportunityId", sc."toStage" AS stage, min(sc.at) AS at FROM "StageChange" sc
               WHERE sc."orgId" = ${ctx.orgId}::uuid AND ${withinSql(Prisma.sql`sc.at`, range)} GROUP BY 1, 2) r
        JOIN "Opportunity" o ON o.id = r."opportunityId"
       WHERE ${visibilitySql(ctx)}
       GROUP BY r.stage`),
    db.$queryRaw<{ stage: StageKey; avg: number | null; median: number | null }[]>(Prisma.sql`
      SELECT h.stage::text AS stage, avg(h.days)::float8 AS avg,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY h.days)::float8 AS median
        FROM (SELECT sc."toStage" AS stage, sc."opportunityId",
                     EXTRACT(EPOCH FROM (lead(sc.at) OVER (PARTITION BY sc."opportunityId" ORDER BY sc.at) - sc.at)) / 86400 AS days, sc.at
                FROM "StageChange" sc WHERE sc."orgId" = ${ctx.orgId}::uuid) h
        JOIN "Opportunity" o ON o.id = h."opportunityId"
       WHERE h.days IS NOT NULL AND ${withinSql(Prisma.sql`h.at`, range)} AND ${visibilitySql(ctx)}
       GROUP BY h.stage`),
    db.$queryRaw<{ won: number; lost: number; avgWon: string | null; avgCycle: number | null }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE o.stage = 'P7')::int AS won, count(*) FILTER (WHERE o.stage = 'LOST')::int AS lost,
             (avg(o.amount) FILTER (WHERE o.stage = 'P7'))::text AS "avgWon",
             (avg(EXTRACT(EPOCH FROM (o."stageEnteredAt" - o."createdAt")) / 86400) FILTER (WHERE o.stage = 'P7'))::float8 AS "avgCycle"
        FROM "Opportunity" o WHERE ${visibilitySql(ctx)} AND ${closedIn}`),
    db.$queryRaw<{ month: string; won: number; lost: number; wonAmount: string }[]>(Prisma.sql`
      SELECT to_char(o."stageEnteredAt", 'YYYY-MM') AS month, count(*) FILTER (WHERE o.stage = 'P7')::int AS won,
             count(*) FILTER (WHERE o.stage = 'LOST')::int AS lost, COALESCE(sum(o.amount) FILTER (WHERE o.stage = 'P7'), 0)::text AS "wonAmount"
        FROM "Opportunity" o WHERE ${visibilitySql(ctx)} AND o.stage IN ('P7', 'LOST') AND ${closedIn}
       GROUP BY 1 ORDER BY 1 DESC ${range ? Prisma.empty : Prisma.sql`LIMIT 12`}`),
  ]);
  const durationOf = new Map(durations.map((row) => [row.stage, row]));
  const advancedOf = new Map(advances.map((row) => [row.stage, row.advanced]));
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
  const [totals] = outcome;
  const closed = totals.won + totals.lost;
  return {
    stages: calibration.data.map((row, index) => {
      const next = calibration.data[index + 1];
      return {
        stage: row.stage as StageKey, reached: row.reached,
        conversionToNext: next && row.reached ? Math.round(((advancedOf.get(row.stage as StageKey) ?? 0) / row.reached) * 10_000) / 10_000 : null,
        avgDaysInStage: round(durationOf.get(row.stage as StageKey)?.avg), medianDaysInStage: round(durationOf.get(row.stage as StageKey)?.median),
      };
    }),
    winRate: closed ? Math.round((totals.won / closed) * 10_000) / 10_000 : null,
    averageWonAmount: totals.avgWon === null ? null : formatMoneyString(totals.avgWon),
    averageCycleDays: round(totals.avgCycle),
    monthly: monthly.reverse().map((row) => ({ ...row, wonAmount: formatMoneyString(row.wonAmount) })),
  };
}
