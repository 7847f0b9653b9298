// One contact and the account's org chart (issue 6). Contacts follow their account: readable by everyone in
// the org; edited (fields, org chart, the import) by whoever may edit the account — its owner, a manager or an
// admin — and by the reps working a live deal on that account (the deal's owner or a member of its project
// team, METHOD.md §5): one rule, `editableContactAccounts`, for the API, the org chart and the import. A
// reports-to change is checked for cycles inside the transaction that writes it, with the account's row
// locked, so two concurrent moves can never close a loop between them.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { buildOrgTree, wouldCreateCycle } from "@/lib/domain/org-chart";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, can, type Ctx } from "@/lib/permissions";
import type { ContactCreate, ContactOutput } from "@/lib/validations/account";
import type { ContactUpdate, OrgChartOutput } from "@/lib/validations/buying-center";
import { type BatchRowOutcome, batchRefusal, toContactOutput } from "./accounts";
import { recordAudit, recordAudits } from "./audit";
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

/**
 * Of the given accounts, those whose contacts `ctx` may edit: every one for a manager or an admin; for a rep
 * the accounts they own and those with a live deal they own or are on the project team of. One query.
 */
export async function editableContactAccounts(
  client: Tx | typeof db, ctx: Ctx, accounts: { id: string; ownerId: string | null }[],
): Promise<Set<string>> {
  if (!can(ctx, "contact.update") || !can(ctx, "account.update")) return new Set();
  if (ctx.role !== "REP") return new Set(accounts.map((account) => account.id));
  const editable = new Set(accounts.filter((account) => account.ownerId === ctx.userId).map((account) => account.id));
  const others = accounts.filter((account) => !editable.has(account.id)).map((account) => account.id);
  if (others.length) {
    const deals = await client.opportunity.findMany({
      where: {
        orgId: ctx.orgId, accountId: { in: others }, deletedAt: null,
        OR: [{ ownerId: ctx.userId }, { teamMembers: { some: { userId: ctx.userId } } }],
      },
      select: { accountId: true },
      distinct: ["accountId"],
    });
    for (const deal of deals) editable.add(deal.accountId);
  }
  return editable;
}

const CONTACT_EDIT_REFUSED = "Only the account's owner, someone working one of its deals, a manager or an admin may edit its contacts.";

const auditedContactFields = (row: Record<string, unknown>) => ({
  accountId: row.accountId, name: row.name, title: row.title, phone: row.phone, email: row.email, reportsToId: row.reportsToId,
  department: row.department, level: row.level, roles: row.roles, stance: row.stance,
});

/**
 * Updates the given fields (and, for the import, may move the contact to another live account of the org,
 * leaving its old org chart). A new manager must be in the same account and must not sit below the contact.
 * Audited with before and after.
 */
export async function updateContact(ctx: Ctx, id: string, input: ContactUpdate & { accountId?: string }): Promise<ContactOutput> {
  if (!isUuid(id)) throw notFound("Contact");
  assertCan(ctx, "contact.update");
  const row = await db.$transaction(async (tx) => {
    const current = await tx.contact.findFirst({ where: { id, ...liveContact(ctx) }, include: { account: { select: { id: true, ownerId: true } } } });
    if (!current) throw notFound("Contact");
    if (!(await editableContactAccounts(tx, ctx, [current.account])).has(current.accountId)) throw new AppError("FORBIDDEN", CONTACT_EDIT_REFUSED);
    const isMoving = input.accountId !== undefined && input.accountId !== current.accountId;
    if (isMoving) {
      const target = isUuid(input.accountId!)
        ? await tx.account.findFirst({ where: { id: input.accountId, orgId: ctx.orgId, deletedAt: null }, select: { id: true } })
        : null;
      if (!target) throw notFound("Account");
    }
    const accountId = isMoving ? input.accountId! : current.accountId;
    if (input.reportsToId !== undefined) {
      // Serialises org-chart edits of one account: the cycle check below sees every committed move.
      await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${accountId}::uuid FOR UPDATE`;
      await assertManagerInAccount(tx, ctx, accountId, input.reportsToId);
      const lines = await tx.contact.findMany({ where: { accountId, orgId: ctx.orgId }, select: { id: true, reportsToId: true } });
      const managerOf = new Map(lines.map((line) => [line.id, line.reportsToId]));
      if (wouldCreateCycle(managerOf, current.id, input.reportsToId)) {
        throw invalid([{ path: "reportsToId", message: "This would make the contact report to someone who reports to them." }]);
      }
    }
    const updated = await tx.contact.update({
      where: { id: current.id },
      data: {
        accountId: isMoving ? accountId : undefined,
        name: input.name, title: input.title, phone: input.phone, email: input.email,
        // A contact moved to another account leaves its old org chart: its manager there no longer applies.
        reportsToId: input.reportsToId !== undefined ? input.reportsToId : isMoving ? null : undefined,
        department: input.department, level: input.level, roles: input.roles, stance: input.stance,
      },
      include: contactRelationshipInclude,
    });
    await recordAudit(tx, ctx, {
      action: "contact.update", entityType: "Contact", entityId: id, before: auditedContactFields(current), after: auditedContactFields(updated),
    });
    // The contact's roles shape the buying center of their deals (coverage, red flags).
    if (input.roles !== undefined) await refreshDealsOfContact(tx, ctx.orgId, current.id);
    return updated;
  });
  return toContactOutput(row);
}

type ContactBatchRow = { externalId: string; accountId: string; input: Pick<ContactCreate, "name" | "title" | "phone" | "email"> };
type ContactCore = {
  id: string; accountId: string; name: string; title: string | null; phone: string | null; email: string | null;
  reportsToId: string | null; externalId: string | null; deletedAt: Date | null;
};

/**
 * The batch form of createContact / updateContact, keyed by external id (the import): a row whose external id
 * names a contact of the org updates it (moving it to the row's account if that differs), otherwise it
 * creates one there. The same rules, checked per row in memory: the account is a live account of the org;
 * contact.create; editing follows `editableContactAccounts` on the contact's current account; a contact in
 * the recycle bin is refused. Accepted rows are written in `tx` with one INSERT, one UPDATE and one audit
 * INSERT. A row that changes nothing writes nothing. External ids must be distinct within the batch.
 */
export async function upsertContactsByExternalId(tx: Tx, ctx: Ctx, rows: ContactBatchRow[]): Promise<BatchRowOutcome[]> {
  const outcomes: BatchRowOutcome[] = new Array(rows.length);
  if (!rows.length) return outcomes;
  const existing = await tx.$queryRaw<ContactCore[]>`
    SELECT "id", "accountId", "name", "title", "phone", "email", "reportsToId", "externalId", "deletedAt" FROM "Contact"
    WHERE "orgId" = ${ctx.orgId}::uuid AND "externalId" = ANY(${rows.map((row) => row.externalId)}::text[]) ORDER BY "id" FOR UPDATE`;
  const byExternalId = new Map(existing.map((row) => [row.externalId!, row]));
  const accountIds = [...new Set([...rows.map((row) => row.accountId), ...existing.map((row) => row.accountId)])].filter(isUuid);
  const accounts = await tx.account.findMany({ where: { id: { in: accountIds }, orgId: ctx.orgId, deletedAt: null }, select: { id: true, ownerId: true } });
  const liveAccounts = new Set(accounts.map((account) => account.id));
  const currentAccounts = new Set(existing.map((row) => row.accountId));
  const editable = await editableContactAccounts(tx, ctx, accounts.filter((account) => currentAccounts.has(account.id)));
  const creates: { index: number; data: Prisma.ContactCreateManyInput }[] = [];
  const updates: { index: number; current: ContactCore; next: ContactCore }[] = [];
  rows.forEach(({ externalId, accountId, input }, index) => {
    try {
      if (!liveAccounts.has(accountId)) throw notFound("Account");
      const current = byExternalId.get(externalId);
      if (current?.deletedAt || (current && !liveAccounts.has(current.accountId))) {
        throw invalid([{ path: "externalId", message: "This contact is in the recycle bin; restore it first." }]);
      }
      if (!current) {
        assertCan(ctx, "contact.create");
        creates.push({
          index,
          data: { orgId: ctx.orgId, accountId, name: input.name, title: input.title ?? null, phone: input.phone ?? null, email: input.email ?? null, externalId },
        });
        return;
      }
      assertCan(ctx, "contact.update");
      if (!editable.has(current.accountId)) throw new AppError("FORBIDDEN", CONTACT_EDIT_REFUSED);
      const isMoving = accountId !== current.accountId;
      const next: ContactCore = {
        ...current, accountId, name: input.name,
        title: input.title === undefined ? current.title : input.title, phone: input.phone === undefined ? current.phone : input.phone,
        email: input.email === undefined ? current.email : input.email, reportsToId: isMoving ? null : current.reportsToId,
      };
      const isChanged = (["accountId", "name", "title", "phone", "email", "reportsToId"] as const).some((key) => next[key] !== current[key]);
      if (isChanged) updates.push({ index, current, next });
      else outcomes[index] = { kind: "unchanged" };
    } catch (error) {
      outcomes[index] = batchRefusal(error);
    }
  });

  // Plain SQL over arrays (the ORM's createMany is some twenty times slower for a thousand rows). An external
  // id another transaction took meanwhile is skipped, and its row refused below.
  const now = new Date();
  const value = <K extends keyof Prisma.ContactCreateManyInput>(key: K) => creates.map((item) => item.data[key] ?? null);
  const created = creates.length ? await tx.$queryRaw<ContactCore[]>`
    INSERT INTO "Contact" ("id", "orgId", "accountId", "name", "title", "phone", "email", "externalId", "updatedAt")
    SELECT gen_random_uuid(), ${ctx.orgId}::uuid, v."accountId", v."name", v."title", v."phone", v."email", v."externalId", ${now}
    FROM unnest(${value("accountId")}::uuid[], ${value("name")}::text[], ${value("title")}::text[], ${value("phone")}::text[],
      ${value("email")}::text[], ${value("externalId")}::text[]) AS v("accountId", "name", "title", "phone", "email", "externalId")
    ON CONFLICT ("orgId", "externalId") DO NOTHING
    RETURNING "id", "accountId", "name", "title", "phone", "email", "reportsToId", "externalId", "deletedAt"` : [];
  const createdByExternalId = new Map(created.map((row) => [row.externalId!, row]));
  for (const { index, data } of creates) {
    outcomes[index] = createdByExternalId.has(data.externalId!)
      ? { kind: "created" }
      : { kind: "rejected", errors: [{ path: "externalId", message: "Another record took this external id meanwhile." }] };
  }
  if (updates.length) {
    const column = <K extends keyof ContactCore>(key: K) => updates.map((item) => item.next[key]);
    await tx.$executeRaw`
      UPDATE "Contact" AS c SET "accountId" = v."accountId", "name" = v."name", "title" = v."title", "phone" = v."phone",
        "email" = v."email", "reportsToId" = v."reportsToId", "updatedAt" = ${now}
      FROM unnest(${column("id")}::uuid[], ${column("accountId")}::uuid[], ${column("name")}::text[], ${column("title")}::text[],
        ${column("phone")}::text[], ${column("email")}::text[], ${column("reportsToId")}::uuid[])
        AS v("id", "accountId", "name", "title", "phone", "email", "reportsToId")
      WHERE c."id" = v."id" AND c."orgId" = ${ctx.orgId}::uuid`;
    for (const { index } of updates) outcomes[index] = { kind: "updated" };
  }
  const core = (row: Omit<ContactCore, "externalId" | "deletedAt" | "id">) => ({
    accountId: row.accountId, name: row.name, title: row.title, phone: row.phone, email: row.email, reportsToId: row.reportsToId,
  });
  await recordAudits(tx, ctx, [
    ...created.map((row) => ({ action: "contact.create", entityType: "Contact", entityId: row.id, after: { id: row.id, ...core(row) } })),
    ...updates.map(({ current, next }) => ({ action: "contact.update", entityType: "Contact", entityId: current.id, before: core(current), after: core(next) })),
  ]);
  return outcomes;
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
