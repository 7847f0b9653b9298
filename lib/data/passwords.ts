// Password changes (issue 9): a user changes their own (proving the current one), an admin resets
// anyone's in their org. Both apply the password rule of lib/domain/password-policy, end every session of
// the user (the session version goes up) and are written to the audit trail — never the password itself.
import "server-only";
import { db } from "@/lib/db";
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from "@/lib/domain/password-policy";
import { invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import { hashPassword, verifyPassword } from "@/lib/password";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `At least ${PASSWORD_MIN_LENGTH} characters.`,
  TOO_LONG: `At most ${PASSWORD_MAX_LENGTH} characters.`,
  COMMON: "This password is too common. Choose a longer, less predictable one.",
  SAME_AS_EMAIL: "The password must not be your email address.",
};

/** 422 on `path` when the new password breaks the rule. */
export function assertPasswordAcceptable(password: string, email?: string, path = "password"): void {
  const problem = checkPassword(password, email);
  if (problem) throw invalid([{ path, message: PASSWORD_MESSAGES[problem] }]);
}

export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await db.user.findFirst({ where: { id: ctx.userId, orgId: ctx.orgId }, select: { email: true, passwordHash: true } });
  if (!user) throw notFound("User");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalid([{ path: "currentPassword", message: "The current password is wrong." }]);
  }
  assertPasswordAcceptable(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: "user.passwordChange", entityType: "User", entityId: ctx.userId });
  });
}

/** An admin sets a new password for a user of the org (handed over in person); their sessions end. */
export async function resetUserPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  assertCan(ctx, "users.manage");
  if (!isUuid(userId)) throw notFound("User");
  const user = await db.user.findFirst({ where: { id: userId, orgId: ctx.orgId }, select: { id: true, email: true } });
  if (!user) throw notFound("User");
  assertPasswordAcceptable(password, user.email);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: "user.passwordReset", entityType: "User", entityId: user.id });
  });
}
