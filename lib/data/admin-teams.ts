// Team administration (issue 4, "Admin settings"): list, create, rename, set the kind, pick the manager and
// the members. ADMIN only ("teams.manage"); every change is audited in its own transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { TeamCreate, TeamOutput, TeamUpdate } from "@/lib/validations/admin";
import { assertOrgUsers, isUniqueViolation } from "./admin-common";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";

const personSelect = { id: true, name: true, isActive: true } as const;
const teamSelect = {
  id: true, name: true, kind: true, createdAt: true,
  manager: { select: personSelect },
  members: { select: { user: { select: personSelect } }, orderBy: { user: { name: "asc" } } },
} as const;

type TeamRow = {
  id: string; name: string; kind: TeamOutput["kind"]; createdAt: Date;
  manager: TeamOutput["manager"];
  members: { user: TeamOutput["members"][number] }[];
};

function toTeamOutput(row: TeamRow): TeamOutput {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    manager: row.manager,
    members: row.members.map((member) => member.user),
    createdAt: row.createdAt.toISOString(),
  };
}

function auditSnapshot(row: TeamRow) {
  return { name: row.name, kind: row.kind, managerId: row.manager?.id ?? null, memberIds: row.members.map((member) => member.user.id).sort() };
}

const NAME_TAKEN = { path: "name", message: "A team with this name already exists." };

export async function listAdminTeams(ctx: Ctx): Promise<TeamOutput[]> {
  assertCan(ctx, "teams.manage");
  const rows = await db.team.findMany({ where: { orgId: ctx.orgId }, select: teamSelect, orderBy: { name: "asc" } });
  return rows.map(toTeamOutput);
}

/** A team's manager is an active MANAGER or ADMIN of the org (their reach is the teams they manage). */
async function assertManager(tx: Tx, ctx: Ctx, managerId: string) {
  const manager = await tx.user.findFirst({ where: { id: managerId, orgId: ctx.orgId }, select: { role: true, isActive: true } });
  if (!manager || !manager.isActive) throw invalid([{ path: "managerId", message: "No such active user in your organization." }]);
  if (manager.role === "REP") throw invalid([{ path: "managerId", message: "The manager must be a sales manager or an administrator." }]);
}

async function findOrgTeam(tx: Tx, ctx: Ctx, id: string): Promise<TeamRow> {
  if (!isUuid(id)) throw notFound("Team");
  const row = await tx.team.findFirst({ where: { id, orgId: ctx.orgId }, select: teamSelect });
  if (!row) throw notFound("Team");
  return row;
}

async function withNameCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([NAME_TAKEN]);
    throw error;
  }
}

export async function createTeam(ctx: Ctx, input: TeamCreate): Promise<TeamOutput> {
  assertCan(ctx, "teams.manage");
  const managerId = input.managerId ?? null;
  const memberIds = [...new Set([...(input.memberIds ?? []), ...(managerId ? [managerId] : [])])];
  return withNameCheck(() =>
    db.$transaction(async (tx) => {
      if (managerId) await assertManager(tx, ctx, managerId);
      await assertOrgUsers(tx, ctx.orgId, memberIds, "memberIds");
      if (await tx.team.findFirst({ where: { orgId: ctx.orgId, name: input.name }, select: { id: true } })) throw invalid([NAME_TAKEN]);
      const team = await tx.team.create({ data: { orgId: ctx.orgId, name: input.name, kind: input.kind, managerId } });
      if (memberIds.length) await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId: team.id, userId, orgId: ctx.orgId })) });
      const created = await findOrgTeam(tx, ctx, team.id);
      await recordAudit(tx, ctx, { action: "team.create", entityType: "Team", entityId: team.id, after: auditSnapshot(created) });
      return toTeamOutput(created);
    }),
  );
}

/**
 * Rename, kind, manager, members (memberIds replaces the whole membership). The manager is always kept a
 * member. Deals keep their team when a member leaves it: the team's manager still sees them.
 */
export async function updateTeam(ctx: Ctx, id: string, input: TeamUpdate): Promise<TeamOutput> {
  assertCan(ctx, "teams.manage");
  return withNameCheck(() =>
    db.$transaction(async (tx) => {
      const current = await findOrgTeam(tx, ctx, id);
      const managerId = input.managerId === undefined ? (current.manager?.id ?? null) : input.managerId;
      if (input.managerId && input.managerId !== current.manager?.id) await assertManager(tx, ctx, input.managerId);
      if (input.name !== undefined && input.name !== current.name) {
        const clash = await tx.team.findFirst({ where: { orgId: ctx.orgId, name: input.name, id: { not: id } }, select: { id: true } });
        if (clash) throw invalid([NAME_TAKEN]);
      }
      if (input.memberIds !== undefined || managerId !== (current.manager?.id ?? null)) {
        const requested = input.memberIds ?? current.members.map((member) => member.user.id);
        const memberIds = [...new Set([...requested, ...(managerId ? [managerId] : [])])];
        await assertOrgUsers(tx, ctx.orgId, memberIds, "memberIds");
        await tx.teamMember.deleteMany({ where: { teamId: id, orgId: ctx.orgId, userId: { notIn: memberIds } } });
        await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId: id, userId, orgId: ctx.orgId })), skipDuplicates: true });
      }
      await tx.team.update({ where: { id }, data: { name: input.name, kind: input.kind, managerId } });
      const updated = await findOrgTeam(tx, ctx, id);
      await recordAudit(tx, ctx, { action: "team.update", entityType: "Team", entityId: id, before: auditSnapshot(current), after: auditSnapshot(updated) });
      return toTeamOutput(updated);
    }),
  );
}
