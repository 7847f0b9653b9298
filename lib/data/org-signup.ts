// Organization sign-up (issue 4): a visitor creates an organization and becomes its first administrator.
// Public — there is no caller yet — so this is the one data function without a ctx. The org, its admin,
// its default gates and default lists are written in one transaction: a failure leaves nothing behind.
// Rate limiting of this public endpoint is a later issue.
import "server-only";
import { db } from "@/lib/db";
import { buildOrgListRows } from "@/lib/domain/org-lists";
import { hashPassword } from "@/lib/password";
import type { Signup } from "@/lib/validations/admin";
import { emailTaken, isUniqueViolation } from "./admin-common";
import { createDefaultGates } from "./gate-defaults";
import { recordAudit } from "./audit";
import { assertPasswordAcceptable } from "./passwords";

export type SignupResult = { orgId: string; userId: string; email: string };

export async function signUpOrganization(input: Signup): Promise<SignupResult> {
  assertPasswordAcceptable(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // Checked first so a taken email writes nothing; the unique index still decides a race (caught below).
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
      const org = await tx.organization.create({ data: { name: input.orgName, baseCurrency: input.baseCurrency } });
      const admin = await tx.user.create({
        data: { orgId: org.id, name: input.name, email: input.email, passwordHash, role: "ADMIN", locale: input.locale ?? "en" },
      });
      await createDefaultGates(tx, org.id);
      await tx.orgListItem.createMany({ data: buildOrgListRows(org.id) });
      await recordAudit(tx, { orgId: org.id, userId: admin.id }, {
        action: "org.signup", entityType: "Organization", entityId: org.id,
        after: { name: org.name, baseCurrency: org.baseCurrency, adminId: admin.id, adminEmail: admin.email },
      });
      return { orgId: org.id, userId: admin.id, email: admin.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
