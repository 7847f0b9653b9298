// Users, their teams and the caller context. 'server-only': reached through route handlers, server
// components and server actions, each of which authenticates first.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/password";
import type { Ctx, Role } from "@/lib/permissions";
import { localeSchema } from "@/lib/validations/common";

export type SessionUser = { id: string; email: string; name: string; role: Role; orgId: string; locale: string; sessionVersion: number };

/** Checks credentials; null for an unknown email, a wrong password or an inactive user alike. */
export async function authenticateUser(email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const isValid = await verifyPassword(password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: user.orgId, locale: user.locale, sessionVersion: user.sessionVersion };
}

/** Builds the caller context for a user id, or null when the user is gone, inactive or the session is stale. */
export async function loadContext(userId: string, sessionVersion?: number): Promise<Ctx | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, orgId: true, role: true, locale: true, isActive: true, sessionVersion: true,
      memberships: { select: { teamId: true } },
      managedTeams: { select: { id: true } },
    },
  });
  if (!user || !user.isActive) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return {
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    locale: user.locale,
    teamIds: user.memberships.map((membership) => membership.teamId),
    managedTeamIds: user.managedTeams.map((team) => team.id),
  };
}

/**
 * Ends every session of the user (sign-out, password change): each request compares the session version
 * its JWT was issued with (lib/auth.ts) and refuses an older one.
 */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function getProfile(ctx: Ctx) {
  const user = await db.user.findFirst({
    where: { id: ctx.userId, orgId: ctx.orgId },
    select: { id: true, email: true, name: true, role: true, orgId: true, locale: true, org: { select: { name: true, baseCurrency: true } } },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended.");
  return { ...user, teamIds: ctx.teamIds };
}

export async function updateOwnLocale(ctx: Ctx, locale: string): Promise<string> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) throw new AppError("VALIDATION", "Unsupported language.", { errors: [{ path: "locale", message: "Use en or zh-CN." }] });
  await db.user.update({ where: { id: ctx.userId }, data: { locale: parsed.data } });
  return parsed.data;
}

/** Users of the caller's org (for owner pickers and filters). */
export async function listOrgUsers(ctx: Ctx) {
  return db.user.findMany({
    where: { orgId: ctx.orgId, isActive: true },
    select: { id: true, name: true, email: true, role: true, memberships: { select: { teamId: true } } },
    orderBy: { name: "asc" },
  });
}

export async function listOrgTeams(ctx: Ctx) {
  return db.team.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true, kind: true, managerId: true }, orderBy: { name: "asc" } });
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
