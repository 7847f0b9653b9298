// Accounts and their contacts. Readable by everyone in the org; edits by the account owner, managers and
// admins; deletion (soft) by managers and admins, and only when no live opportunity hangs on the account.
import "server-only";
import { db } from "@/lib/db";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { AccountCreate, AccountListQuery, AccountOutput, AccountUpdate, ContactCreate, ContactOutput } from "@/lib/validations/account";
import { assertManagerInAccount, contactRelationshipInclude, contactOrgChartOutput } from "./contact-fields";
import { recordAudit } from "./audit";
import { decodeCursor, encodeCursor, isUuid } from "./pagination";

type AccountRow = Prisma.AccountGetPayload<object>;
type ContactRow = Prisma.ContactGetPayload<{ include: typeof contactRelationshipInclude }>;

export function toAccountOutput(row: AccountRow): AccountOutput {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    segment: row.segment,
    region: row.region,
    isKeyAccount: row.isKeyAccount,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toContactOutput(row: ContactRow): ContactOutput {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
    ...contactOrgChartOutput(row),
  };
}

function accountScope(ctx: Ctx) {
  return { orgId: ctx.orgId, deletedAt: null };
}

/** Alphabetical, keyset-paginated by (name, id). */
export async function listAccounts(ctx: Ctx, query: AccountListQuery) {
  const cursor = decodeCursor(query.cursor, "text");
  const where: Prisma.AccountWhereInput = {
    AND: [
      accountScope(ctx),
      query.q ? { name: { contains: query.q, mode: "insensitive" } } : {},
      cursor ? { OR: [{ name: { gt: cursor.at } }, { name: cursor.at, id: { gt: cursor.id } }] } : {},
    ],
  };
  const rows = await db.account.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toAccountOutput),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.name, id: last.id }) : null,
  };
}

/** For the accounts page: one page of accounts with counts of their contacts and open deals. */
export async function listAccountPage(ctx: Ctx, query: { q?: string; limit: number }, page: number) {
  const where: Prisma.AccountWhereInput = {
    ...accountScope(ctx),
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.account.count({ where }),
    db.account.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: Math.max(0, page - 1) * query.limit,
      take: query.limit,
      include: {
        owner: { select: { name: true } },
        _count: { select: { contacts: { where: { deletedAt: null } }, opportunities: { where: { deletedAt: null } } } },
      },
    }),
  ]);
  return {
    total,
    data: rows.map((row) => ({
      ...toAccountOutput(row),
      ownerName: row.owner?.name ?? null,
      contactCount: row._count.contacts,
      opportunityCount: row._count.opportunities,
    })),
  };
}

async function findAccountRow(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound("Account");
  const row = await db.account.findFirst({ where: { id, ...accountScope(ctx) } });
  if (!row) throw notFound("Account");
  return row;
}

export async function getAccount(ctx: Ctx, id: string): Promise<AccountOutput & { ownerName: string | null }> {
  const row = await findAccountRow(ctx, id);
  const owner = row.ownerId ? await db.user.findUnique({ where: { id: row.ownerId }, select: { name: true } }) : null;
  return { ...toAccountOutput(row), ownerName: owner?.name ?? null };
}

async function assertOwnerInOrg(ctx: Ctx, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const owner = await db.user.findFirst({ where: { id: ownerId, orgId: ctx.orgId }, select: { id: true } });
  if (!owner) throw invalid([{ path: "ownerId", message: "No such user in your organization." }]);
}

/** `externalId` is the import's key for the row (unique per org); API clients do not set it. */
export async function createAccount(ctx: Ctx, input: AccountCreate, options: { externalId?: string } = {}): Promise<AccountOutput> {
  assertCan(ctx, "account.create");
  await assertOwnerInOrg(ctx, input.ownerId);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.account.create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        industry: input.industry ?? null,
        segment: input.segment ?? null,
        region: input.region ?? null,
        isKeyAccount: input.isKeyAccount ?? false,
        ownerId: input.ownerId === undefined ? ctx.userId : input.ownerId,
        externalId: options.externalId ?? null,
      },
    });
    await recordAudit(tx, ctx, { action: "account.create", entityType: "Account", entityId: created.id, after: toAccountOutput(created) });
    return created;
  });
  return toAccountOutput(row);
}

export function assertMayEditAccount(ctx: Ctx, account: Pick<AccountRow, "ownerId">) {
  assertCan(ctx, "account.update");
  if (ctx.role === "REP" && account.ownerId !== ctx.userId) {
    throw new AppError("FORBIDDEN", "Only the account owner, a manager or an admin may edit this account.");
  }
}

export async function updateAccount(ctx: Ctx, id: string, input: AccountUpdate): Promise<AccountOutput> {
  const current = await findAccountRow(ctx, id);
  assertMayEditAccount(ctx, current);
  if (input.ownerId !== undefined && input.ownerId !== current.ownerId && ctx.role === "REP") {
    throw new AppError("FORBIDDEN", "Only a manager or an admin may hand an account to someone else.");
  }
  await assertOwnerInOrg(ctx, input.ownerId);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.account.update({
      where: { id: current.id },
      data: {
        name: input.name,
        industry: input.industry,
        segment: input.segment,
        region: input.region,
        isKeyAccount: input.isKeyAccount,
        ownerId: input.ownerId,
      },
    });
    await recordAudit(tx, ctx, { action: "account.update", entityType: "Account", entityId: current.id, before: toAccountOutput(current), after: toAccountOutput(updated) });
    return updated;
  });
  return toAccountOutput(row);
}

export async function deleteAccount(ctx: Ctx, id: string): Promise<void> {
  const current = await findAccountRow(ctx, id);
  assertCan(ctx, "account.delete");
  const liveDeals = await db.opportunity.count({ where: { accountId: current.id, deletedAt: null } });
  if (liveDeals > 0) {
    throw new AppError("CONFLICT", `This account still has ${liveDeals} opportunities; delete or move them first.`);
  }
  // The account's contacts go with it, stamped with the same instant, so restoring the account brings back
  // exactly those (lib/data/recycle-bin.ts) and not contacts deleted on their own before.
  const deletedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.contact.updateMany({ where: { orgId: ctx.orgId, accountId: current.id, deletedAt: null }, data: { deletedAt } });
    await tx.account.update({ where: { id: current.id }, data: { deletedAt } });
    await recordAudit(tx, ctx, { action: "account.delete", entityType: "Account", entityId: current.id, before: toAccountOutput(current) });
  });
}

/** Soft delete into the recycle bin; by those who may edit the contact's account. */
export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("Contact");
  const row = await db.contact.findFirst({
    where: { id, orgId: ctx.orgId, deletedAt: null, account: { deletedAt: null } }, include: { account: true },
  });
  if (!row) throw notFound("Contact");
  assertMayEditAccount(ctx, row.account);
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "contact.delete", entityType: "Contact", entityId: id, before: { name: row.name, accountId: row.accountId } });
  });
}

export async function listContacts(ctx: Ctx, accountId: string): Promise<ContactOutput[]> {
  const account = await findAccountRow(ctx, accountId);
  const rows = await db.contact.findMany({
    where: { accountId: account.id, orgId: ctx.orgId, deletedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: contactRelationshipInclude,
  });
  return rows.map(toContactOutput);
}

export async function createContact(
  ctx: Ctx, accountId: string, input: ContactCreate, options: { externalId?: string } = {},
): Promise<ContactOutput> {
  const account = await findAccountRow(ctx, accountId);
  assertCan(ctx, "contact.create");
  await assertManagerInAccount(db, ctx, account.id, input.reportsToId);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.contact.create({
      data: {
        orgId: ctx.orgId,
        accountId: account.id,
        name: input.name,
        title: input.title ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        reportsToId: input.reportsToId ?? null,
        department: input.department ?? null,
        level: input.level ?? null,
        roles: input.roles ?? [],
        stance: input.stance ?? null,
        externalId: options.externalId ?? null,
      },
      include: contactRelationshipInclude,
    });
    await recordAudit(tx, ctx, { action: "contact.create", entityType: "Contact", entityId: created.id, after: toContactOutput(created) });
    return created;
  });
  return toContactOutput(row);
}

/** Edits a contact's fields (and may move it to another account of the org); same rule as deleting it. */
export async function updateContact(ctx: Ctx, id: string, input: Partial<ContactCreate> & { accountId?: string }): Promise<ContactOutput> {
  if (!isUuid(id)) throw notFound("Contact");
  const row = await db.contact.findFirst({ where: { id, orgId: ctx.orgId, deletedAt: null }, include: { account: true } });
  if (!row) throw notFound("Contact");
  assertMayEditAccount(ctx, row.account);
  if (input.accountId && input.accountId !== row.accountId) await findAccountRow(ctx, input.accountId);
  const isMoving = input.accountId !== undefined && input.accountId !== row.accountId;
  const updated = await db.$transaction(async (tx) => {
    const next = await tx.contact.update({
      where: { id },
      // A contact moved to another account leaves its old org chart: its manager there no longer applies.
      data: { accountId: input.accountId, name: input.name, title: input.title, phone: input.phone, email: input.email, ...(isMoving ? { reportsToId: null } : {}) },
      include: contactRelationshipInclude,
    });
    await recordAudit(tx, ctx, {
      action: "contact.update", entityType: "Contact", entityId: id,
      before: { accountId: row.accountId, name: row.name, title: row.title, phone: row.phone, email: row.email },
      after: { accountId: next.accountId, name: next.name, title: next.title, phone: next.phone, email: next.email },
    });
    return next;
  });
  return toContactOutput(updated);
}

/** Account names for pickers (id + name), alphabetical. */
export async function listAccountOptions(ctx: Ctx, q?: string) {
  return db.account.findMany({
    where: { ...accountScope(ctx), ...(q ? { name: { contains: q, mode: "insensitive" } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
