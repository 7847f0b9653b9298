// One contact and the account's org chart (issue 6). Contacts follow their account's rules (lib/data/
// accounts.ts): readable by everyone in the org; org-chart edits need contact.update. A reports-to change is
// checked for cycles inside the transaction that writes it, with the account's row locked, so two
// concurrent moves can never close a loop between them.
import "server-only";
import { db } from "@/lib/db";
import { buildOrgTree, wouldCreateCycle } from "@/lib/domain/org-chart";
import { invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { ContactOutput } from "@/lib/validations/account";
import type { ContactUpdate, OrgChartOutput } from "@/lib/validations/buying-center";
import { toContactOutput } from "./accounts";
import { assertManagerInAccount, contactOrgChartOutput, contactRelationshipInclude } from "./contact-fields";
import { isUuid } from "./pagination";
import { refreshDealsOfContact } from "./health";

const liveContact = (ctx: Ctx) => ({ orgId: ctx.orgId, deletedAt: null, account: { deletedAt: null } });

export async function getContact(ctx: Ctx, id: string): Promise<ContactOutput> {
  if (!isUuid(id)) throw notFound("Contact");
  const row = await db.contact.findFirst({ where: { id, ...liveContact(ctx) }, include: contactRelationshipInclude });
  if (!row) throw notFound("Contact");
  return toContactOutput(row);
}

/** Updates the given fields; a new manager must be in the same account and must not sit below the contact. */
export async function updateContact(ctx: Ctx, id: string, input: ContactUpdate): Promise<ContactOutput> {
  if (!isUuid(id)) throw notFound("Contact");
  assertCan(ctx, "contact.update");
  const row = await db.$transaction(async (tx) => {
    const current = await tx.contact.findFirst({ where: { id, ...liveContact(ctx) }, select: { id: true, accountId: true } });
    if (!current) throw notFound("Contact");
    if (input.reportsToId !== undefined) {
      // Serialises org-chart edits of one account: the cycle check below sees every committed move.
      await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${current.accountId}::uuid FOR UPDATE`;
      await assertManagerInAccount(tx, ctx, current.accountId, input.reportsToId);
      const lines = await tx.contact.findMany({ where: { accountId: current.accountId, orgId: ctx.orgId }, select: { id: true, reportsToId: true } });
      const managerOf = new Map(lines.map((line) => [line.id, line.reportsToId]));
      if (wouldCreateCycle(managerOf, current.id, input.reportsToId)) {
        throw invalid([{ path: "reportsToId", message: "This would make the contact report to someone who reports to them." }]);
      }
    }
    const updated = await tx.contact.update({
      where: { id: current.id },
      data: {
        name: input.name, title: input.title, phone: input.phone, email: input.email,
        reportsToId: input.reportsToId, department: input.department, level: input.level, roles: input.roles, stance: input.stance,
      },
      include: contactRelationshipInclude,
    });
    // The contact's roles shape the buying center of their deals (coverage, red flags).
    if (input.roles !== undefined) await refreshDealsOfContact(tx, ctx.orgId, current.id);
    return updated;
  });
  return toContactOutput(row);
}

/** The account's contacts as a nested tree (roots alphabetical), each with its strongest relationship degree. */
export async function getOrgChart(ctx: Ctx, accountId: string): Promise<OrgChartOutput> {
  if (!isUuid(accountId)) throw notFound("Account");
  const account = await db.account.findFirst({ where: { id: accountId, orgId: ctx.orgId, deletedAt: null }, select: { id: true } });
  if (!account) throw notFound("Account");
  const rows = await db.contact.findMany({
    where: { accountId: account.id, orgId: ctx.orgId, deletedAt: null },
    include: contactRelationshipInclude,
  });
  const nodes = rows.map((row) => ({ id: row.id, name: row.name, title: row.title, ...contactOrgChartOutput(row) }));
  return { accountId: account.id, count: nodes.length, roots: buildOrgTree(nodes) };
}
