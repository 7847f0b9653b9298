// User administration (issue 4, "Admin settings"): list, create, change role and teams, deactivate and
// reactivate, and hand a user's open deals to another owner. ADMIN only ("users.manage"); every change is
// written to the audit trail in the change's own transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { OPEN_STAGE_KEYS } from "@/lib/domain/stages";
import { AppError, invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import { hashPassword } from "@/lib/password";
import type { UserCreate, UserOutput, UserUpdate } from "@/lib/validations/admin";
import { assertOrgTeams, emailTaken, isUniqueViolation, lockActiveAdminIds } from "./admin-common";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";
import { assertPasswordAcceptable } from "./passwords";

const userSelect = {
  id: true, name: true, email: true, role: true, isActive: true, createdAt: true, updatedAt: true,
  memberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
  managedTeams: { select: { id: true } },
} as const;

type UserRow = {
  id: string; name: string; email: string; role: UserOutput["role"]; isActive: boolean; createdAt: Date; updatedAt: Date;
  memberships: { team: { id: string; name: string } }[];
};

function toUserOutput(row: UserRow, openDealCount: number): UserOutput {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    isActive: row.isActive,
    teams: row.memberships.map((membership) => membership.team),
    openDealCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a user: never the password hash or the session version. */
function auditSnapshot(row: Pick<UserRow, "name" | "email" | "role" | "isActive" | "memberships">) {
  return { name: row.name, email: row.email, role: row.role, isActive: row.isActive, teamIds: row.memberships.map((m) => m.team.id).sort() };
}

const openDealsOf = (orgId: string, ownerId: string) => ({ orgId, ownerId, deletedAt: null, stage: { in: [...OPEN_STAGE_KEYS] } });

async function openDealCounts(orgId: string, userIds?: string[]): Promise<Map<string, number>> {
  const groups = await db.opportunity.groupBy({
    by: ["ownerId"],
    where: { orgId, deletedAt: null, stage: { in: [...OPEN_STAGE_KEYS] }, ...(userIds ? { ownerId: { in: userIds } } : {}) },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.ownerId, group._count._all]));
}

async function findOrgUser(client: Tx | typeof db, ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound("User");
  const row = await client.user.findFirst({ where: { id, orgId: ctx.orgId }, select: userSelect });
  if (!row) throw notFound("User");
  return row;
}

/** Every user of the org, active first, then by name. */
export async function listAdminUsers(ctx: Ctx): Promise<UserOutput[]> {
  assertCan(ctx, "users.manage");
  const [rows, counts] = await Promise.all([
    db.user.findMany({ where: { orgId: ctx.orgId }, select: userSelect, orderBy: [{ isActive: "desc" }, { name: "asc" }] }),
    openDealCounts(ctx.orgId),
  ]);
  return rows.map((row) => toUserOutput(row, counts.get(row.id) ?? 0));
}

export async function getAdminUser(ctx: Ctx, id: string): Promise<UserOutput> {
  assertCan(ctx, "users.manage");
  const row = await findOrgUser(db, ctx, id);
  return toUserOutput(row, (await openDealCounts(ctx.orgId, [row.id])).get(row.id) ?? 0);
}

/**
 * Creates a user with an initial password the admin hands over in person: there is no email sending, so
 * "invite" means exactly this. The email is stored lower-case (sign-in lower-cases what is typed).
 */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<UserOutput> {
  assertCan(ctx, "users.manage");
  const teamIds = [...new Set(input.teamIds ?? [])];
  assertPasswordAcceptable(input.password, input.email);
  // bcrypt is slow on purpose: hash before the transaction so no row lock waits on it.
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db.$transaction(async (tx) => {
      await assertOrgTeams(tx, ctx.orgId, teamIds);
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
      const user = await tx.user.create({
        data: { orgId: ctx.orgId, name: input.name, email: input.email, role: input.role, passwordHash, locale: ctx.locale },
      });
      if (teamIds.length) await tx.teamMember.createMany({ data: teamIds.map((teamId) => ({ teamId, userId: user.id, orgId: ctx.orgId })) });
      const created = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: userSelect });
      await recordAudit(tx, ctx, { action: "user.create", entityType: "User", entityId: user.id, after: auditSnapshot(created) });
      return created;
    });
    return toUserOutput(row, 0);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** Name, role and teams. An admin cannot change their own role, nor demote the last active admin. */
export async function updateUser(ctx: Ctx, id: string, input: UserUpdate): Promise<UserOutput> {
  assertCan(ctx, "users.manage");
  const row = await db.$transaction(async (tx) => {
    const current = await findOrgUser(tx, ctx, id);
    const isRoleChange = input.role !== undefined && input.role !== current.role;
    if (isRoleChange) await assertRoleChangeAllowed(tx, ctx, current, input.role!);
    const teamIds = input.teamIds ? [...new Set(input.teamIds)] : undefined;
    if (teamIds) {
      await assertOrgTeams(tx, ctx.orgId, teamIds);
      // A manager stays a member of the teams they manage (their own deals there stay in scope).
      const managed = current.managedTeams.map((team) => team.id).filter((teamId) => !teamIds.includes(teamId));
      if (managed.length) throw invalid([{ path: "teamIds", message: "A team's manager must stay a member; pick another manager first." }]);
      await tx.teamMember.deleteMany({ where: { userId: id, orgId: ctx.orgId, teamId: { notIn: teamIds } } });
      await tx.teamMember.createMany({ data: teamIds.map((teamId) => ({ teamId, userId: id, orgId: ctx.orgId })), skipDuplicates: true });
    }
    // updatedAt is touched even when only the teams changed: the list shows it as "last change".
    await tx.user.update({ where: { id }, data: { name: input.name, role: input.role, updatedAt: new Date() } });
    const updated = await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
    await recordAudit(tx, ctx, { action: "user.update", entityType: "User", entityId: id, before: auditSnapshot(current), after: auditSnapshot(updated) });
    return updated;
  });
  return toUserOutput(row, (await openDealCounts(ctx.orgId, [id])).get(id) ?? 0);
}

async function assertRoleChangeAllowed(tx: Tx, ctx: Ctx, current: UserRow & { managedTeams: { id: string }[] }, role: UserOutput["role"]) {
  if (current.id === ctx.userId) throw invalid([{ path: "role", message: "You cannot change your own role." }]);
  if (role === "REP" && current.managedTeams.length) {
    throw invalid([{ path: "role", message: "This user manages a team; pick another manager for it first." }]);
  }
  if (current.role === "ADMIN" && current.isActive) {
    const admins = await lockActiveAdminIds(tx, ctx.orgId);
    if (admins.filter((adminId) => adminId !== current.id).length === 0) {
      throw invalid([{ path: "role", message: "The organization needs at least one active administrator." }]);
    }
  }
}

/**
 * Deactivation: the user can no longer sign in, their sessions end at once (the session version is
 * bumped) and their API tokens are revoked. Their deals, accounts and history stay as they are.
 */
export async function deactivateUser(ctx: Ctx, id: string): Promise<UserOutput> {
  assertCan(ctx, "users.manage");
  if (id === ctx.userId) throw new AppError("FORBIDDEN", "You cannot deactivate yourself.");
  const row = await db.$transaction(async (tx) => {
    const admins = await lockActiveAdminIds(tx, ctx.orgId);
    const current = await findOrgUser(tx, ctx, id);
    if (!current.isActive) return current;
    if (current.role === "ADMIN" && admins.filter((adminId) => adminId !== id).length === 0) {
      throw new AppError("CONFLICT", "The organization needs at least one active administrator.");
    }
    await tx.user.update({ where: { id }, data: { isActive: false, sessionVersion: { increment: 1 } } });
    await tx.apiToken.updateMany({ where: { userId: id, orgId: ctx.orgId, revokedAt: null }, data: { revokedAt: new Date() } });
    const updated = await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
    await recordAudit(tx, ctx, { action: "user.deactivate", entityType: "User", entityId: id, before: auditSnapshot(current), after: auditSnapshot(updated) });
    return updated;
  });
  return toUserOutput(row, (await openDealCounts(ctx.orgId, [id])).get(id) ?? 0);
}

export async function reactivateUser(ctx: Ctx, id: string): Promise<UserOutput> {
  assertCan(ctx, "users.manage");
  const row = await db.$transaction(async (tx) => {
    const current = await findOrgUser(tx, ctx, id);
    if (current.isActive) return current;
    await tx.user.update({ where: { id }, data: { isActive: true } });
    const updated = await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
    await recordAudit(tx, ctx, { action: "user.reactivate", entityType: "User", entityId: id, before: auditSnapshot(current), after: auditSnapshot(updated) });
    return updated;
  });
  return toUserOutput(row, (await openDealCounts(ctx.orgId, [id])).get(id) ?? 0);
}

/**
 * Hands every open deal (P0–P6, not deleted) of one user to another active user, in one transaction.
 * Ownership only: stage and history are untouched, each deal's version goes up by one (so an editor
 * holding the old version gets a 409), and the deal keeps its team when the new owner is a member of it —
 * otherwise it takes the new owner's first team, as a single reassignment would.
 */
export async function reassignOpenDeals(ctx: Ctx, fromUserId: string, toUserId: string): Promise<{ moved: number; opportunityIds: string[] }> {
  assertCan(ctx, "users.manage");
  if (!isUuid(toUserId)) throw invalid([{ path: "toUserId", message: "Must be a valid id." }]);
  if (fromUserId === toUserId) throw invalid([{ path: "toUserId", message: "Choose a different owner." }]);
  return db.$transaction(async (tx) => {
    const from = await findOrgUser(tx, ctx, fromUserId);
    const to = await tx.user.findFirst({
      where: { id: toUserId, orgId: ctx.orgId, isActive: true },
      select: { id: true, memberships: { select: { teamId: true }, orderBy: { team: { name: "asc" } } } },
    });
    if (!to) throw invalid([{ path: "toUserId", message: "No such active user in your organization." }]);
    const deals = await tx.opportunity.findMany({ where: openDealsOf(ctx.orgId, from.id), select: { id: true, teamId: true }, orderBy: { id: "asc" } });
    const toTeamIds = to.memberships.map((membership) => membership.teamId);
    const fallbackTeamId = toTeamIds[0] ?? null;
    const byTeam = new Map<string | null, string[]>();
    for (const deal of deals) {
      const teamId = deal.teamId && toTeamIds.includes(deal.teamId) ? deal.teamId : fallbackTeamId;
      byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), deal.id]);
    }
    for (const [teamId, ids] of byTeam) {
      await tx.opportunity.updateMany({
        where: { id: { in: ids }, ...openDealsOf(ctx.orgId, from.id) },
        data: { ownerId: to.id, teamId, version: { increment: 1 } },
      });
    }
    const opportunityIds = deals.map((deal) => deal.id);
    await recordAudit(tx, ctx, {
      action: "user.reassignDeals", entityType: "User", entityId: from.id,
      before: { ownerId: from.id, opportunityIds }, after: { ownerId: to.id, opportunityIds },
    });
    return { moved: opportunityIds.length, opportunityIds };
  });
}
