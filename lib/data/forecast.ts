// The weighted forecast (issue 8): Σ amount × stage probability over the visible open (P0–P6) and won (P7)
// deals whose expected close date falls in the period, grouped by up to two dimensions, with per-category
// totals and the drill-down to the deals of one cell. Sums come exact from lib/data/forecast-cube (summary
// cubes when they fit, the base table otherwise); weighting and rounding (once) are lib/domain/forecast.
import "server-only";
import { db } from "@/lib/db";
import {
  accumulate, effectiveForecastCategory, emptyAccumulator, FORECAST_CATEGORIES, FORECAST_STAGES, type ForecastCategory,
  forecastCategoryName, type ForecastDimension, defaultForecastCategory, toFigures,
} from "@/lib/domain/forecast";
import { formatMoneyString } from "@/lib/domain/money";
import { STAGE_KEYS, type StageKey, type StageTable, stageName, weightedAmount } from "@/lib/domain/stages";
import { AppError, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type {
  ForecastDeal, ForecastDealsQuery, ForecastOutput, ForecastQuery, ForecastRow,
} from "@/lib/validations/forecast";
import { aggregateVisibleDeals, type CubeFilters, type CubeRow } from "./forecast-cube";
import { visibilitySql } from "./pipeline-sql";
import { getStageTable } from "./stage-config";

const KEY_SEPARATOR = "|";

function categoryOf(row: Pick<CubeRow, "stage" | "override">): ForecastCategory {
  return effectiveForecastCategory(row.stage, row.override as ForecastCategory | null);
}

/** The group keys of a row, the category dimension resolved from stage and override. */
function rowKeys(row: CubeRow, groupBy: readonly ForecastDimension[]): (string | null)[] {
  return groupBy.map((dimension, index) => (dimension === "category" ? categoryOf(row) : row.keys[index]));
}

type Labeler = (dimension: ForecastDimension, value: string | null) => string;

async function loadLabeler(ctx: Ctx, table: StageTable, groupBy: readonly ForecastDimension[]): Promise<Labeler> {
  const zh = ctx.locale === "zh-CN";
  const [users, teams] = await Promise.all([
    groupBy.includes("owner") ? db.user.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } }) : [],
    groupBy.includes("team") ? db.team.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map([...users, ...teams].map((entry) => [entry.id, entry.name]));
  return (dimension, value) => {
    if (value === null || value === "") return dimension === "team" ? (zh ? "无团队" : "No team") : (zh ? "（未填）" : "(none)");
    if (dimension === "owner" || dimension === "team") return names.get(value) ?? value;
    if (dimension === "stage") return stageName(value as StageKey, ctx.locale, table);
    if (dimension === "category") return forecastCategoryName(value as ForecastCategory, ctx.locale);
    return value;
  };
}

function compareKeys(groupBy: readonly ForecastDimension[]) {
  const order = (dimension: ForecastDimension, value: string | null) => {
    if (dimension === "stage") return String(STAGE_KEYS.indexOf(value as StageKey)).padStart(2, "0");
    if (dimension === "category") return String(FORECAST_CATEGORIES.indexOf(value as ForecastCategory));
    return value ?? "\uffff";
  };
  return (a: ForecastRow, b: ForecastRow) => {
    for (const [index, dimension] of groupBy.entries()) {
      const left = order(dimension, a.keys[index]);
      const right = order(dimension, b.keys[index]);
      const byKey = dimension === "owner" || dimension === "team" ? a.labels[index].localeCompare(b.labels[index]) : left.localeCompare(right);
      if (byKey !== 0) return byKey;
    }
    return 0;
  };
}

/** The org's base currency: the one the request's authentication read (ctx.baseCurrency), else read now. */
async function getBaseCurrency(ctx: Ctx): Promise<string> {
  if (ctx.baseCurrency) return ctx.baseCurrency;
  return (await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { baseCurrency: true } })).baseCurrency;
}

/** The forecast of the period as the caller sees it (GET /api/v1/forecast). */
export async function getForecast(ctx: Ctx, query: ForecastQuery & { filters?: CubeFilters }, options: { live?: boolean } = {}): Promise<ForecastOutput> {
  const groupBy = query.groupBy ?? [];
  const [table, currency, cells] = await Promise.all([
    getStageTable(ctx),
    getBaseCurrency(ctx),
    aggregateVisibleDeals(ctx, { ...query.filters, closeFrom: query.from, closeTo: query.to, stages: FORECAST_STAGES, groupBy }, options),
  ]);
  const labeler = await loadLabeler(ctx, table, groupBy);
  const groups = new Map<string, { keys: (string | null)[]; sum: ReturnType<typeof emptyAccumulator> }>();
  const categories = new Map(FORECAST_CATEGORIES.map((category) => [category, emptyAccumulator()]));
  const total = emptyAccumulator();
  for (const cell of cells) {
    const keys = rowKeys(cell, groupBy);
    const key = keys.map((value) => value ?? "").join(KEY_SEPARATOR);
    const group = groups.get(key) ?? { keys, sum: emptyAccumulator() };
    accumulate(group.sum, cell, table);
    groups.set(key, group);
    accumulate(total, cell, table);
    accumulate(categories.get(categoryOf(cell)) as ReturnType<typeof emptyAccumulator>, cell, table);
  }
  const rows = [...groups.entries()].map(([key, group]) => {
    const labels = group.keys.map((value, index) => labeler(groupBy[index], value));
    return { key, label: labels.join(" × "), keys: group.keys, labels, ...toFigures(group.sum) };
  });
  rows.sort(compareKeys(groupBy));
  return {
    currency,
    from: query.from,
    to: query.to,
    groupBy: [...groupBy],
    rows,
    total: toFigures(total),
    categories: FORECAST_CATEGORIES.map((category) => ({ category, ...toFigures(categories.get(category) as ReturnType<typeof emptyAccumulator>) })),
  };
}

/** "Deal is in category X" as SQL, derived from the domain rule stage by stage (no second copy of it). */
function categorySql(category: string): Prisma.Sql {
  const arms = FORECAST_STAGES.map((stage) => {
    if (stage === "P7") return category === "CLOSED" ? Prisma.sql`o.stage = 'P7'::"Stage"` : null;
    const byDefault = defaultForecastCategory(stage) === category;
    return Prisma.sql`(o.stage = ${stage}::"Stage" AND (o."forecastCategory"::text = ${category}${byDefault ? Prisma.sql` OR o."forecastCategory" IS NULL` : Prisma.empty}))`;
  }).filter((arm): arm is Prisma.Sql => arm !== null);
  return arms.length ? Prisma.sql`(${Prisma.join(arms, " OR ")})` : Prisma.sql`FALSE`;
}

function cellCondition(dimension: ForecastDimension, value: string): Prisma.Sql {
  const text = value === "" ? null : value;
  const equals = (column: Prisma.Sql) => (text === null ? Prisma.sql`NULLIF(${column}::text, '') IS NULL` : Prisma.sql`${column}::text = ${text}`);
  switch (dimension) {
    case "owner": return equals(Prisma.sql`o."ownerId"`);
    case "team": return equals(Prisma.sql`o."teamId"`);
    case "productLine": return equals(Prisma.sql`o."productLine"`);
    case "segment": return equals(Prisma.sql`a.segment`);
    case "region": return equals(Prisma.sql`a.region`);
    case "stage": return equals(Prisma.sql`o.stage`);
    case "month": return Prisma.sql`to_char(o."expectedCloseDate", 'YYYY-MM') = ${value}`;
    case "quarter": return Prisma.sql`to_char(o."expectedCloseDate", 'YYYY-"Q"Q') = ${value}`;
    case "category": return categorySql(value);
  }
}

const DRILL_LIMIT = 500;

type DealRow = {
  id: string; name: string; accountName: string; ownerName: string; stage: StageKey; forecastCategory: string | null;
  amount: string; expectedCloseDate: string;
};

/** The deals that make up one cell of GET /api/v1/forecast (the dashboard's drill-down). */
export async function listForecastDeals(ctx: Ctx, query: ForecastDealsQuery): Promise<{ data: ForecastDeal[]; truncated: boolean }> {
  const groupBy = query.groupBy ?? [];
  const parts = groupBy.length ? (query.key ?? "").split(KEY_SEPARATOR) : [];
  if (parts.length !== groupBy.length) throw invalid([{ path: "key", message: "The key does not match groupBy." }]);
  const table = await getStageTable(ctx);
  const conditions = [
    visibilitySql(ctx),
    Prisma.sql`o.stage = ANY(${[...FORECAST_STAGES]}::text[]::"Stage"[])`,
    Prisma.sql`o."expectedCloseDate" BETWEEN ${query.from}::date AND ${query.to}::date`,
    ...groupBy.map((dimension, index) => cellCondition(dimension, parts[index])),
  ];
  const rows = await db.$queryRaw<DealRow[]>(Prisma.sql`
    SELECT o.id::text AS id, o.name, a.name AS "accountName", u.name AS "ownerName", o.stage::text AS stage,
           o."forecastCategory"::text AS "forecastCategory", o.amount::text AS amount, o."expectedCloseDate"::text AS "expectedCloseDate"
      FROM "Opportunity" o JOIN "Account" a ON a.id = o."accountId" JOIN "User" u ON u.id = o."ownerId"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY o.amount DESC, o.id
     LIMIT ${DRILL_LIMIT + 1}`);
  return {
    truncated: rows.length > DRILL_LIMIT,
    data: rows.slice(0, DRILL_LIMIT).map((row) => ({
      id: row.id, name: row.name, accountName: row.accountName, ownerName: row.ownerName, stage: row.stage,
      category: effectiveForecastCategory(row.stage, row.forecastCategory as ForecastCategory | null),
      amount: formatMoneyString(row.amount), weightedAmount: formatMoneyString(weightedAmount(row.amount, row.stage, table)),
      expectedCloseDate: row.expectedCloseDate,
    })),
  };
}

/** A rep's override of one of their own open deals' forecast category (null: back to the stage's default). */
export async function setForecastCategory(
  ctx: Ctx, opportunityId: string, category: ForecastCategory | null, version: number,
): Promise<{ category: ForecastCategory; version: number }> {
  return db.$transaction(async (tx) => {
    const deal = await tx.opportunity.findFirst({ where: { id: opportunityId, ...opportunityVisibility(ctx) } });
    if (!deal) throw notFound("Opportunity");
    if (deal.ownerId !== ctx.userId) throw new AppError("FORBIDDEN", "Only the deal's owner may set its forecast category.");
    if (deal.stage === "P7" || deal.stage === "LOST") {
      throw invalid([{ path: "category", message: "A closed deal's category follows its stage." }]);
    }
    const result = await tx.opportunity.updateMany({
      where: { id: opportunityId, version, deletedAt: null },
      data: { forecastCategory: category, version: { increment: 1 } },
    });
    if (result.count === 0) {
      throw new AppError("CONFLICT", "The deal was changed by someone else.", { extensions: { currentVersion: deal.version } });
    }
    return { category: effectiveForecastCategory(deal.stage as StageKey, category), version: version + 1 };
  });
}
