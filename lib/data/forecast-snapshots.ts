// Rolling forecast snapshots (issue 8): every Monday's job freezes each rep's and team's forecast of the
// current quarter; a rep may submit theirs at any time. Snapshots are never changed (a database trigger
// refuses UPDATE). The accuracy report compares each snapshot with what was won in its period.
import "server-only";
import { db } from "@/lib/db";
import {
  accumulate, currentQuarter, effectiveForecastCategory, emptyAccumulator, FORECAST_STAGES, type ForecastCategory,
  forecastErrorPct, isoWeekKey, periodRange, toFigures,
} from "@/lib/domain/forecast";
import { Decimal, formatMoneyString } from "@/lib/domain/money";
import type { StageTable } from "@/lib/domain/stages";
import { invalid } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { AccuracyOutput, SnapshotOutput } from "@/lib/validations/forecast";
import { aggregateVisibleDeals, type CubeRow } from "./forecast-cube";
import { registerJob } from "./job-runner";
import { getStageTable } from "./stage-config";

type Subject = "USER" | "TEAM";
type Figures = ReturnType<typeof toFigures>;
type SubjectForecast = { subjectId: string; figures: Figures; categories: Record<string, Figures> };

/** The org seen whole, for jobs that act for nobody in particular. */
export function systemContext(orgId: string): Ctx {
  return { userId: "00000000-0000-0000-0000-000000000000", orgId, role: "ADMIN", locale: "en", teamIds: [], managedTeamIds: [] };
}

function rangeOf(period: string) {
  const range = periodRange(period);
  if (!range) throw invalid([{ path: "period", message: "Use YYYY, YYYY-Qn or YYYY-MM." }]);
  return range;
}

/** Each subject's forecast (deals owned by the user / of the team) with per-category figures. */
function bySubject(cells: CubeRow[], table: StageTable): SubjectForecast[] {
  const subjects = new Map<string, { total: ReturnType<typeof emptyAccumulator>; categories: Map<ForecastCategory, ReturnType<typeof emptyAccumulator>> }>();
  for (const cell of cells) {
    const subjectId = cell.keys[0];
    if (!subjectId) continue;
    const entry = subjects.get(subjectId) ?? { total: emptyAccumulator(), categories: new Map() };
    const category = effectiveForecastCategory(cell.stage, cell.override as ForecastCategory | null);
    accumulate(entry.total, cell, table);
    const categorySum = entry.categories.get(category) ?? emptyAccumulator();
    entry.categories.set(category, accumulate(categorySum, cell, table));
    subjects.set(subjectId, entry);
  }
  return [...subjects].map(([subjectId, entry]) => ({
    subjectId,
    figures: toFigures(entry.total),
    categories: Object.fromEntries([...entry.categories].map(([category, sum]) => [category, toFigures(sum)])),
  }));
}

async function forecastBySubject(orgId: string, subject: Subject, period: string, ownerId?: string): Promise<SubjectForecast[]> {
  const range = rangeOf(period);
  const ctx = systemContext(orgId);
  const [table, cells] = await Promise.all([
    getStageTable(ctx),
    aggregateVisibleDeals(ctx, {
      closeFrom: range.from, closeTo: range.to, stages: FORECAST_STAGES, ownerId, groupBy: [subject === "USER" ? "owner" : "team"],
    }),
  ]);
  return bySubject(cells, table);
}

function snapshotRows(orgId: string, subject: Subject, period: string, kind: "AUTO" | "MANUAL", forecasts: SubjectForecast[], byUserId: string | null, takenAt: Date) {
  return forecasts.map((forecast) => ({
    orgId, subjectType: subject, subjectId: forecast.subjectId, period, kind, takenAt, byUserId,
    count: forecast.figures.count, amount: forecast.figures.amount, weightedAmount: forecast.figures.weightedAmount,
    categories: forecast.categories,
  }));
}

/** The weekly job's work for one org: every rep's and every team's forecast of the current quarter. */
export async function takeWeeklySnapshots(orgId: string, now: Date): Promise<number> {
  const period = currentQuarter(now);
  const [users, teams] = await Promise.all([forecastBySubject(orgId, "USER", period), forecastBySubject(orgId, "TEAM", period)]);
  const result = await db.forecastSnapshot.createMany({
    data: [...snapshotRows(orgId, "USER", period, "AUTO", users, null, now), ...snapshotRows(orgId, "TEAM", period, "AUTO", teams, null, now)],
  });
  return result.count;
}

registerJob({
  name: "forecast.weekly-snapshot",
  runKey: isoWeekKey,
  run: async (now) => {
    const orgs = await db.organization.findMany({ select: { id: true } });
    for (const org of orgs) await takeWeeklySnapshots(org.id, now);
  },
});

/** "Submit my forecast": the caller's own deals for the period (default: this quarter), frozen now. */
export async function submitForecast(ctx: Ctx, period = currentQuarter(new Date())): Promise<SnapshotOutput> {
  const [mine] = await forecastBySubject(ctx.orgId, "USER", period, ctx.userId);
  const forecast = mine ?? { subjectId: ctx.userId, figures: { count: 0, amount: "0.00", weightedAmount: "0.00" }, categories: {} };
  const [row] = snapshotRows(ctx.orgId, "USER", period, "MANUAL", [forecast], ctx.userId, new Date());
  const created = await db.forecastSnapshot.create({ data: row });
  return (await toOutputs(ctx, [created]))[0];
}

/** Subjects whose snapshots the caller may read: own; a manager's teams and their members; an admin all. */
async function readableSubjects(ctx: Ctx): Promise<{ users: string[]; teams: string[] } | null> {
  if (ctx.role === "ADMIN") return null;
  if (ctx.role === "REP") return { users: [ctx.userId], teams: [] };
  const members = await db.teamMember.findMany({ where: { teamId: { in: ctx.managedTeamIds } }, select: { userId: true } });
  return { users: [ctx.userId, ...members.map((member) => member.userId)], teams: ctx.managedTeamIds };
}

type SnapshotRow = Awaited<ReturnType<typeof db.forecastSnapshot.findMany>>[number];

async function toOutputs(ctx: Ctx, rows: SnapshotRow[]): Promise<SnapshotOutput[]> {
  const [users, teams] = await Promise.all([
    db.user.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } }),
    db.team.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...users, ...teams].map((entry) => [entry.id, entry.name]));
  return rows.map((row) => ({
    id: row.id, subjectType: row.subjectType, subjectId: row.subjectId, subjectName: names.get(row.subjectId) ?? row.subjectId,
    period: row.period, kind: row.kind, takenAt: row.takenAt.toISOString(), count: row.count,
    amount: formatMoneyString(row.amount.toString()), weightedAmount: formatMoneyString(row.weightedAmount.toString()),
    categories: row.categories as Record<string, Figures>,
  }));
}

export async function listForecastSnapshots(ctx: Ctx, period?: string): Promise<SnapshotOutput[]> {
  const subjects = await readableSubjects(ctx);
  const rows = await db.forecastSnapshot.findMany({
    where: {
      orgId: ctx.orgId, period,
      ...(subjects ? { OR: [{ subjectType: "USER", subjectId: { in: subjects.users } }, { subjectType: "TEAM", subjectId: { in: subjects.teams } }] } : {}),
    },
    orderBy: [{ takenAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return toOutputs(ctx, rows);
}

/** Each readable snapshot of the period against what its subject has won in that period (P7 by close date). */
export async function getForecastAccuracy(ctx: Ctx, period: string): Promise<AccuracyOutput> {
  const snapshots = await listForecastSnapshots(ctx, period);
  const range = rangeOf(period);
  const system = systemContext(ctx.orgId);
  const wonQuery = (dimension: "owner" | "team") =>
    aggregateVisibleDeals(system, { closeFrom: range.from, closeTo: range.to, stages: ["P7"], groupBy: [dimension] });
  const [wonByOwner, wonByTeam] = await Promise.all([wonQuery("owner"), wonQuery("team")]);
  const won = (cells: CubeRow[]) => {
    const sums = new Map<string, Decimal>();
    for (const cell of cells) sums.set(cell.keys[0] ?? "", (sums.get(cell.keys[0] ?? "") ?? new Decimal(0)).plus(cell.amount));
    return new Map([...sums].map(([key, sum]) => [key, formatMoneyString(sum)]));
  };
  const users = won(wonByOwner);
  const teams = won(wonByTeam);
  return {
    period,
    data: snapshots.map((snapshot) => {
      const actual = (snapshot.subjectType === "USER" ? users : teams).get(snapshot.subjectId) ?? "0.00";
      return {
        subjectType: snapshot.subjectType, subjectId: snapshot.subjectId, subjectName: snapshot.subjectName,
        snapshotAt: snapshot.takenAt, kind: snapshot.kind, forecast: snapshot.weightedAmount, won: actual,
        errorPct: forecastErrorPct(snapshot.weightedAmount, actual),
      };
    }),
  };
}
