// Helpers shared by the administration modules (users, teams, lists, org sign-up). 'server-only'.
import "server-only";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Emails are unique across all organizations. The refusal says only that this address cannot be used —
 * not which org holds it — and is the same for admin-created users and org sign-up.
 */
export const EMAIL_TAKEN_MESSAGE = "This email address cannot be used. Use another one or sign in.";

export function emailTaken() {
  return invalid([{ path: "email", message: EMAIL_TAKEN_MESSAGE }]);
}

/**
 * Locks the org's active administrators for the rest of the transaction (always in id order, so two
 * such transactions never deadlock). Two admins deactivating or demoting each other at once are
 * serialised here, so the "at least one active admin" count each one reads is the one that commits.
 */
export async function lockActiveAdminIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id::text AS id FROM "User"
    WHERE "orgId" = ${orgId}::uuid AND role = 'ADMIN' AND "isActive" = true
    ORDER BY id
    FOR UPDATE`);
  return rows.map((row) => row.id);
}

/** The ids that are not users of the org, for a field error on `path`. */
export async function assertOrgUsers(tx: Tx, orgId: string, userIds: string[], path: string): Promise<void> {
  if (!userIds.length) return;
  const found = await tx.user.findMany({ where: { orgId, id: { in: userIds } }, select: { id: true } });
  if (found.length !== new Set(userIds).size) throw invalid([{ path, message: "No such user in your organization." }]);
}

export async function assertOrgTeams(tx: Tx, orgId: string, teamIds: string[]): Promise<void> {
  if (!teamIds.length) return;
  const found = await tx.team.findMany({ where: { orgId, id: { in: teamIds } }, select: { id: true } });
  if (found.length !== new Set(teamIds).size) throw invalid([{ path: "teamIds", message: "No such team in your organization." }]);
}
