// Quotas per user and team per period (issue 8), and progress against them: attainment = won ÷ quota,
// coverage = weighted open pipeline ÷ what remains of the quota. Managers set quotas for the teams they
// manage and those teams' members; admins for anyone in the org. Everyone reads their own; a manager also
// their teams and members; an admin the org.
import "server-only";
import { db } from "@/lib/db";
import {
  accumulate, attainment, coverage, emptyAccumulator, FORECAST_STAGES, periodRange, toFigures,
} from "@/lib/domain/forecast";
import { formatMoneyString } from "@/lib/domain/money";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { QuotaInput, QuotaOutput } from "@/lib/validations/forecast";
import { aggregateVisibleDeals } from "./forecast-cube";
import { systemContext } from "./forecast-snapshots";
import { getStageTable } from "./stage-config";

type Subjects = { users: { id: string; name: string }[]; teams: { id: string; name: string }[] };

async function reachableSubjects(ctx: Ctx): Promise<Subjects> {
  if (ctx.role === "ADMIN") {
    const [users, teams] = await Promise.all([
      db.user.findMany({ where: { orgId: ctx.orgId, isActive: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
      db.team.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ]);
    return { users, teams };
  }
  const teamIds = ctx.role === "MANAGER" ? ctx.managedTeamIds : [];
  const [members, teams] = await Promise.all([
    db.user.findMany({
      where: { orgId: ctx.orgId, OR: [{ id: ctx.userId }, { memberships: { some: { teamId: { in: teamIds } } } }] },
      select: { id: true, name: true }, orderBy: { name: "asc" },
    }),
    db.team.findMany({ where: { orgId: ctx.orgId, id: { in: teamIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { users: members, teams };
}

export async function setQuota(ctx: Ctx, input: QuotaInput): Promise<QuotaOutput> {
  assertCan(ctx, "quota.manage");
  const subjects = await reachableSubjects(ctx);
  const reachable = input.subjectType === "USER" ? subjects.users : subjects.teams;
  if (!reachable.some((subject) => subject.id === input.subjectId)) {
    // Someone outside the org is "not found"; someone in it but outside the caller's teams is forbidden.
    const exists = input.subjectType === "USER"
      ? await db.user.count({ where: { id: input.subjectId, orgId: ctx.orgId } })
      : await db.team.count({ where: { id: input.subjectId, orgId: ctx.orgId } });
    throw exists ? forbidden("You may set quotas only for your teams and their members.") : notFound(input.subjectType === "USER" ? "User" : "Team");
  }
  if (input.subjectType === "USER" && input.subjectId === ctx.userId && ctx.role !== "ADMIN") throw forbidden("Your own quota is set by your manager.");
  await db.quota.upsert({
    where: { orgId_subjectType_subjectId_period: { orgId: ctx.orgId, subjectType: input.subjectType, subjectId: input.subjectId, period: input.period } },
    create: { orgId: ctx.orgId, ...input, setById: ctx.userId },
    update: { amount: input.amount, setById: ctx.userId },
  });
  const progress = await listQuotaProgress(ctx, input.period);
  return progress.find((entry) => entry.subjectType === input.subjectType && entry.subjectId === input.subjectId) as QuotaOutput;
}

/** Quota, won, weighted open pipeline, attainment and coverage of every subject the caller reaches. */
export async function listQuotaProgress(ctx: Ctx, period: string): Promise<QuotaOutput[]> {
  const range = periodRange(period);
  if (!range) throw invalid([{ path: "period", message: "Use YYYY, YYYY-Qn or YYYY-MM." }]);
  const system = systemContext(ctx.orgId);
  const query = { closeFrom: range.from, closeTo: range.to, stages: FORECAST_STAGES };
  const [subjects, quotas, table, byOwner, byTeam] = await Promise.all([
    reachableSubjects(ctx),
    db.quota.findMany({ where: { orgId: ctx.orgId, period } }),
    getStageTable(ctx),
    aggregateVisibleDeals(system, { ...query, groupBy: ["owner"] }),
    aggregateVisibleDeals(system, { ...query, groupBy: ["team"] }),
  ]);
  const progress = (cells: typeof byOwner) => {
    const sums = new Map<string, { won: ReturnType<typeof emptyAccumulator>; open: ReturnType<typeof emptyAccumulator> }>();
    for (const cell of cells) {
      const key = cell.keys[0] ?? "";
      const entry = sums.get(key) ?? { won: emptyAccumulator(), open: emptyAccumulator() };
      accumulate(cell.stage === "P7" ? entry.won : entry.open, cell, table);
      sums.set(key, entry);
    }
    return sums;
  };
  const owners = progress(byOwner);
  const teams = progress(byTeam);
  const quotaOf = new Map(quotas.map((quota) => [`${quota.subjectType}:${quota.subjectId}`, quota.amount.toString()]));
  const row = (subjectType: "USER" | "TEAM", subject: { id: string; name: string }): QuotaOutput => {
    const sums = (subjectType === "USER" ? owners : teams).get(subject.id);
    const won = toFigures(sums?.won ?? emptyAccumulator()).amount;
    const weightedOpen = toFigures(sums?.open ?? emptyAccumulator()).weightedAmount;
    const quota = quotaOf.get(`${subjectType}:${subject.id}`) ?? null;
    return {
      subjectType, subjectId: subject.id, subjectName: subject.name, period,
      quota: quota === null ? null : formatMoneyString(quota), won, weightedOpen,
      attainment: attainment(won, quota), coverage: coverage(weightedOpen, won, quota),
    };
  };
  return [...subjects.teams.map((team) => row("TEAM", team)), ...subjects.users.map((user) => row("USER", user))];
}
