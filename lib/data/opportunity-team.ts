// A deal's virtual project team (METHOD.md §5) and its bonus-pool split. Read by whoever sees the deal
// (members included); replaced as a whole by its owner, a manager of its team or an admin; the form and
// REST API v1 both come through here.
import "server-only";
import { db } from "@/lib/db";
import { DEAL_TEAM_ROLES, type DealTeamRole, formatSharePct } from "@/lib/domain/deal-team";
import { AppError, invalid } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { TeamMemberOutput, TeamOutput, TeamReplace } from "@/lib/validations/opportunity-team";
import { recordAudit } from "./audit";
import { findVisibleDeal } from "./deal-access";

type MemberRow = { userId: string; role: DealTeamRole; sharePct: { toString(): string }; user: { name: string } };

function toTeamOutput(rows: MemberRow[]): TeamOutput {
  const members: TeamMemberOutput[] = rows.map((row) => ({
    userId: row.userId,
    userName: row.user.name,
    role: row.role,
    sharePct: formatSharePct(row.sharePct.toString()),
  }));
  members.sort((a, b) => DEAL_TEAM_ROLES.indexOf(a.role) - DEAL_TEAM_ROLES.indexOf(b.role) || a.userName.localeCompare(b.userName));
  return { members };
}

const memberSelect = { userId: true, role: true, sharePct: true, user: { select: { name: true } } } as const;

export async function getOpportunityTeam(ctx: Ctx, opportunityId: string): Promise<TeamOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const rows = await db.opportunityTeamMember.findMany({ where: { opportunityId: deal.id, orgId: ctx.orgId }, select: memberSelect });
  return toTeamOutput(rows);
}

/**
 * Replaces the whole team in one transaction. The input schema has already checked the roles, the
 * shares (exactly 100 in total) and duplicates; here every member must be an active user of the caller's
 * org (422 naming the row otherwise). The deal row is locked first, so two simultaneous replacements run
 * one after the other and the result is one of the two teams, never a mix.
 */
export async function replaceOpportunityTeam(ctx: Ctx, opportunityId: string, input: TeamReplace): Promise<TeamOutput> {
  const rows = await db.$transaction(async (tx) => {
    const deal = await findVisibleDeal(tx, ctx, opportunityId);
    const [locked] = await tx.$queryRaw<{ ownerId: string; teamId: string | null }[]>`
      SELECT "ownerId"::text AS "ownerId", "teamId"::text AS "teamId" FROM "Opportunity" WHERE "id" = ${deal.id}::uuid FOR UPDATE`;
    // Team members see and work on the deal, but the bonus-pool split is the owner's and their managers' call.
    const isTeamManager = ctx.role === "MANAGER" && locked.teamId !== null && ctx.managedTeamIds.includes(locked.teamId);
    if (ctx.role !== "ADMIN" && locked.ownerId !== ctx.userId && !isTeamManager) {
      throw new AppError("FORBIDDEN", "Only the deal's owner, a manager of its team or an admin may change the project team.");
    }
    const userIds = input.members.map((member) => member.userId);
    const users = userIds.length
      ? await tx.user.findMany({ where: { id: { in: userIds }, orgId: ctx.orgId, isActive: true }, select: { id: true } })
      : [];
    const known = new Set(users.map((user) => user.id));
    const errors = input.members
      .map((member, index) => ({ member, index }))
      .filter(({ member }) => !known.has(member.userId))
      .map(({ index }) => ({ path: `members.${index}.userId`, message: "No such active user in your organization." }));
    if (errors.length) throw invalid(errors);

    const before = await tx.opportunityTeamMember.findMany({ where: { opportunityId: deal.id, orgId: ctx.orgId }, select: { userId: true, role: true, sharePct: true } });
    await tx.opportunityTeamMember.deleteMany({ where: { opportunityId: deal.id, orgId: ctx.orgId } });
    if (input.members.length) {
      await tx.opportunityTeamMember.createMany({
        data: input.members.map((member) => ({
          opportunityId: deal.id, orgId: ctx.orgId, userId: member.userId, role: member.role, sharePct: member.sharePct,
        })),
      });
    }
    await recordAudit(tx, ctx, { action: "opportunity.teamReplace", entityType: "Opportunity", entityId: deal.id, before, after: input.members });
    return tx.opportunityTeamMember.findMany({ where: { opportunityId: deal.id, orgId: ctx.orgId }, select: memberSelect });
  });
  return toTeamOutput(rows);
}
