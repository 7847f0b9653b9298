// The portfolio view of the decision cycle (issue 5): where the accounts and open deals of a rep, a team or
// the org stand in the customer's cycle, with counts, and the members of one stage for the click-through.
// Deals obey the board's visibility and scope rules (lib/data/pipeline-sql.ts, so a REP has "mine" only);
// accounts are readable by the whole org and are scoped by their owner.
import "server-only";
import { db } from "@/lib/db";
import {
  DECISION_STAGE_KEYS, decisionAlignment, type DecisionStageKey, isDecisionStageKey,
} from "@/lib/domain/decision-cycle";
import { OPEN_STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { DecisionAlignmentOutput, DecisionSummary, DecisionSummaryScope } from "@/lib/validations/decision-cycle";
import { buildPipelineWhere } from "./pipeline-sql";
import { getStageTable } from "./stage-config";

const OPEN = Prisma.sql`o.stage IN (${Prisma.join(OPEN_STAGE_KEYS.map((key) => Prisma.sql`${key}::"Stage"`))})`;

/** The deals of the scope, through the board's rule (which also refuses a scope the role may not use). */
function dealWhere(ctx: Ctx, scope: DecisionSummaryScope): Promise<Prisma.Sql> {
  return buildPipelineWhere(ctx, { scope: scope === "org" ? "all" : scope });
}

/** Accounts whose owner is in the scope: the caller; members of the caller's teams; the whole org. */
function accountWhere(ctx: Ctx, scope: DecisionSummaryScope): Prisma.Sql {
  const base = Prisma.sql`a."orgId" = ${ctx.orgId}::uuid AND a."deletedAt" IS NULL`;
  if (scope === "mine") return Prisma.sql`${base} AND a."ownerId" = ${ctx.userId}::uuid`;
  if (scope === "team") {
    const teamIds = [...new Set([...ctx.teamIds, ...ctx.managedTeamIds])];
    return Prisma.sql`${base} AND a."ownerId" IN (SELECT "userId" FROM "TeamMember" WHERE "teamId" = ANY(${teamIds}::uuid[]))`;
  }
  return base;
}

const emptyCounts = () => Object.fromEntries(DECISION_STAGE_KEYS.map((key) => [key, 0])) as Record<DecisionStageKey, number>;

/** Counts per decision stage of the scope's accounts and open deals, deals ahead of their customer, and the Satisfaction share. */
export async function getDecisionSummary(ctx: Ctx, scope: DecisionSummaryScope): Promise<DecisionSummary> {
  const where = await dealWhere(ctx, scope);
  const [table, dealRows, accountRows] = await Promise.all([
    getStageTable(ctx),
    db.$queryRaw<{ stage: StageKey; decisionStage: string | null; count: number }[]>(Prisma.sql`
      SELECT o.stage::text AS stage, o."decisionStage", COUNT(*)::int AS count
      FROM "Opportunity" o WHERE ${where} AND ${OPEN}
      GROUP BY o.stage, o."decisionStage"`),
    db.$queryRaw<{ decisionStage: string | null; count: number }[]>(Prisma.sql`
      SELECT a."decisionStage", COUNT(*)::int AS count FROM "Account" a WHERE ${accountWhere(ctx, scope)}
      GROUP BY a."decisionStage"`),
  ]);
  const deals = { byStage: emptyCounts(), unknown: 0, total: 0, ahead: 0 };
  for (const row of dealRows) {
    deals.total += row.count;
    if (!isDecisionStageKey(row.decisionStage)) {
      deals.unknown += row.count;
      continue;
    }
    deals.byStage[row.decisionStage] += row.count;
    if (decisionAlignment(row.stage, row.decisionStage, table).status === "AHEAD") deals.ahead += row.count;
  }
  const accounts = { byStage: emptyCounts(), unknown: 0, total: 0 };
  for (const row of accountRows) {
    accounts.total += row.count;
    if (isDecisionStageKey(row.decisionStage)) accounts.byStage[row.decisionStage] += row.count;
    else accounts.unknown += row.count;
  }
  const known = accounts.total - accounts.unknown;
  return { scope, accounts, deals, satisfactionShare: known ? accounts.byStage.SATISFACTION / known : null };
}

export type StageMemberDeal = {
  id: string; name: string; accountName: string; ownerName: string; stage: StageKey; alignment: DecisionAlignmentOutput;
};
export type StageMemberAccount = { id: string; name: string; isKeyAccount: boolean; ownerName: string | null; openDeals: number };

const MEMBER_LIMIT = 100;

/** The click-through of one stage of the cycle: its accounts and open deals (first 100 of each, by name). */
export async function listDecisionStageMembers(ctx: Ctx, scope: DecisionSummaryScope, stage: DecisionStageKey) {
  const where = await dealWhere(ctx, scope);
  const [table, deals, accounts] = await Promise.all([
    getStageTable(ctx),
    db.$queryRaw<Omit<StageMemberDeal, "alignment">[]>(Prisma.sql`
      SELECT o.id::text AS id, o.name, a.name AS "accountName", u.name AS "ownerName", o.stage::text AS stage
      FROM "Opportunity" o JOIN "Account" a ON a.id = o."accountId" JOIN "User" u ON u.id = o."ownerId"
      WHERE ${where} AND ${OPEN} AND o."decisionStage" = ${stage}
      ORDER BY o.name, o.id LIMIT ${MEMBER_LIMIT}`),
    db.$queryRaw<StageMemberAccount[]>(Prisma.sql`
      SELECT a.id::text AS id, a.name, a."isKeyAccount", u.name AS "ownerName",
             (SELECT COUNT(*)::int FROM "Opportunity" o WHERE o."accountId" = a.id AND ${where} AND ${OPEN}) AS "openDeals"
      FROM "Account" a LEFT JOIN "User" u ON u.id = a."ownerId"
      WHERE ${accountWhere(ctx, scope)} AND a."decisionStage" = ${stage}
      ORDER BY a.name, a.id LIMIT ${MEMBER_LIMIT}`),
  ]);
  return {
    deals: deals.map((deal): StageMemberDeal => ({ ...deal, alignment: decisionAlignment(deal.stage, stage, table) })),
    accounts,
  };
}
