// Password sign-in with its defences (issue 9, OWASP ASVS V6): failures are counted in PostgreSQL per
// typed email and per client address (lib/data/rate-limits), every attempt runs exactly one bcrypt
// comparison (a dummy hash for an unknown email) and answers the same null whatever went wrong, and
// sign-ins of known users — failed ones too — go to their organization's audit trail.
import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/password";
import { recordAudit, recordSystemAudit } from "./audit";
import { normalizeSignInEmail, recordSignInFailure, signInRetryAfter } from "./rate-limits";
import type { SessionUser } from "./users";

export type SignInAttempt = { email: string; password: string; ip: string | null };

/**
 * The signed-in user, or null for an unknown email, a wrong password, an inactive user or a caller over
 * the failed-attempt limit alike. The route in front (app/api/auth) answers 429 before this runs when
 * the limit is already reached; the check here closes the gap for attempts racing past it.
 */
export async function signInWithPassword({ email, password, ip }: SignInAttempt): Promise<SessionUser | null> {
  const normalized = normalizeSignInEmail(email);
  if ((await signInRetryAfter(normalized, ip)) !== null) return null;
  const user = await db.user.findUnique({ where: { email: normalized } });
  const isValid = await verifyPassword(password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) {
    await recordSignInFailure(normalized, ip);
    if (user) {
      await recordSystemAudit(db, user.orgId, {
        action: "auth.signInFailed", entityType: "User", entityId: user.id, ip,
        after: { email: normalized, reason: isValid ? "inactive" : "password" },
      });
    }
    return null;
  }
  await recordAudit(db, { orgId: user.orgId, userId: user.id, ip }, { action: "auth.signIn", entityType: "User", entityId: user.id });
  return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: user.orgId, locale: user.locale, sessionVersion: user.sessionVersion };
}
