// Accounts and their contacts. Readable by everyone in the org; edits by the account owner, managers and
// admins; deletion (soft) by managers and admins, and only when no live opportunity hangs on the account.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, type FieldError, invalid, isAppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { AccountCreate, AccountListQuery, AccountOutput, AccountUpdate, ContactCreate, ContactOutput } from "@/lib/validations/account";
import { assertManagerInAccount, contactRelationshipInclude, contactOrgChartOutput } from "./contact-fields";
import { recordAudit, recordAudits } from "./audit";
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

/** What a batch write (import) says about one row: written, or refused with its reasons. */
/** "unchanged": the row names an existing record and would change none of its fields, so nothing is written. */
export type BatchRowOutcome = { kind: "created" | "updated" | "unchanged" } | { kind: "rejected"; errors: FieldError[] };

/** A refusal of one row of a batch as its field errors; anything but an AppError is a real failure. */
export function batchRefusal(error: unknown): BatchRowOutcome {
  if (!isAppError(error)) throw error;
  return { kind: "rejected", errors: error.errors?.length ? error.errors : [{ path: "(row)", message: error.message }] };
}

const TAKEN_MEANWHILE: BatchRowOutcome = {
  kind: "rejected", errors: [{ path: "externalId", message: "Another record took this external id meanwhile." }],
};

const keep = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

/**
 * The batch form of createAccount / updateAccount, keyed by external id (the import): a row whose external id
 * names an account of the org updates it, otherwise it creates one. Each row passes the same rules as those
 * two functions, checked in memory (account.create; the owner, a manager or an admin edits; only a manager
 * or an admin hands an account to someone else; the owner is a user of the org; an account in the recycle
 * bin is refused); the accepted rows are written in `tx` with one INSERT, one UPDATE and one audit INSERT, so
 * the batch commits with the caller's own writes or not at all. A row that changes nothing writes nothing.
 * External ids must be distinct within the batch. Outcomes are in the rows' order.
 */
export async function upsertAccountsByExternalId(
  tx: Tx, ctx: Ctx, rows: { externalId: string; input: AccountCreate }[],
): Promise<BatchRowOutcome[]> {
  const outcomes: BatchRowOutcome[] = new Array(rows.length);
  if (!rows.length) return outcomes;
  // Locked: the fields a row leaves out keep their current values, not values read before someone's edit.
  const existing = await tx.$queryRaw<AccountRow[]>`
    SELECT * FROM "Account" WHERE "orgId" = ${ctx.orgId}::uuid AND "externalId" = ANY(${rows.map((row) => row.externalId)}::text[])
    ORDER BY "id" FOR UPDATE`;
  const byExternalId = new Map(existing.map((row) => [row.externalId!, row]));
  const ownerIds = [...new Set(rows.flatMap((row) => (row.input.ownerId ? [row.input.ownerId] : [])))];
  const users = ownerIds.length ? await tx.user.findMany({ where: { id: { in: ownerIds }, orgId: ctx.orgId }, select: { id: true } }) : [];
  const orgUsers = new Set(users.map((user) => user.id));
  const creates: { index: number; data: Prisma.AccountCreateManyInput }[] = [];
  const updates: { index: number; current: AccountRow; next: AccountRow }[] = [];
  rows.forEach(({ externalId, input }, index) => {
    try {
      const current = byExternalId.get(externalId);
      if (current?.deletedAt) throw invalid([{ path: "externalId", message: "This account is in the recycle bin; restore it first." }]);
      if (current) {
        assertMayEditAccount(ctx, current);
        if (input.ownerId !== undefined && input.ownerId !== current.ownerId && ctx.role === "REP") {
          throw new AppError("FORBIDDEN", "Only a manager or an admin may hand an account to someone else.");
        }
      } else {
        assertCan(ctx, "account.create");
      }
      if (input.ownerId && !orgUsers.has(input.ownerId)) throw invalid([{ path: "ownerId", message: "No such user in your organization." }]);
      if (!current) {
        creates.push({
          index,
          data: {
            orgId: ctx.orgId, name: input.name, industry: input.industry ?? null, segment: input.segment ?? null, region: input.region ?? null,
            isKeyAccount: input.isKeyAccount ?? false, ownerId: input.ownerId === undefined ? ctx.userId : input.ownerId, externalId,
          },
        });
        return;
      }
      const next: AccountRow = {
        ...current, name: input.name, industry: keep(input.industry, current.industry), segment: keep(input.segment, current.segment),
        region: keep(input.region, current.region), isKeyAccount: keep(input.isKeyAccount, current.isKeyAccount), ownerId: keep(input.ownerId, current.ownerId),
      };
      const isChanged = (["name", "industry", "segment", "region", "isKeyAccount", "ownerId"] as const).some((key) => next[key] !== current[key]);
      if (isChanged) updates.push({ index, current, next });
      else outcomes[index] = { kind: "unchanged" };
    } catch (error) {
      outcomes[index] = batchRefusal(error);
    }
  });

  const now = new Date();
  // Plain SQL over arrays (the ORM's createMany is some twenty times slower for a thousand rows). An external
  // id another transaction took meanwhile is skipped, and its row refused below.
  const column = <K extends keyof Prisma.AccountCreateManyInput>(key: K) => creates.map((item) => item.data[key] ?? null);
  const created = creates.length ? await tx.$queryRaw<AccountRow[]>`
    INSERT INTO "Account" ("id", "orgId", "name", "industry", "segment", "region", "isKeyAccount", "ownerId", "externalId", "updatedAt")
    SELECT gen_random_uuid(), ${ctx.orgId}::uuid, v."name", v."industry", v."segment", v."region", v."isKeyAccount", v."ownerId", v."externalId", ${now}
    FROM unnest(${column("name")}::text[], ${column("industry")}::text[], ${column("segment")}::text[], ${column("region")}::text[],
      ${column("isKeyAccount")}::boolean[], ${column("ownerId")}::uuid[], ${column("externalId")}::text[])
      AS v("name", "industry", "segment", "region", "isKeyAccount", "ownerId", "externalId")
    ON CONFLICT ("orgId", "externalId") DO NOTHING
    RETURNING *` : [];
  const createdByExternalId = new Map(created.map((row) => [row.externalId!, row]));
  for (const { index, data } of creates) outcomes[index] = createdByExternalId.has(data.externalId!) ? { kind: "created" } : TAKEN_MEANWHILE;

  const updated = updates.length ? await tx.$queryRaw<AccountRow[]>`
    UPDATE "Account" AS a SET "name" = v."name", "industry" = v."industry", "segment" = v."segment", "region" = v."region",
      "isKeyAccount" = v."isKeyAccount", "ownerId" = v."ownerId", "updatedAt" = ${now}
    FROM unnest(${updates.map((item) => item.next.id)}::uuid[], ${updates.map((item) => item.next.name)}::text[],
      ${updates.map((item) => item.next.industry)}::text[], ${updates.map((item) => item.next.segment)}::text[],
      ${updates.map((item) => item.next.region)}::text[], ${updates.map((item) => item.next.isKeyAccount)}::boolean[],
      ${updates.map((item) => item.next.ownerId)}::uuid[]) AS v("id", "name", "industry", "segment", "region", "isKeyAccount", "ownerId")
    WHERE a."id" = v."id" AND a."orgId" = ${ctx.orgId}::uuid
    RETURNING a.*` : [];
  const updatedById = new Map(updated.map((row) => [row.id, row]));
  for (const { index } of updates) outcomes[index] = { kind: "updated" };

  await recordAudits(tx, ctx, [
    ...created.map((row) => ({ action: "account.create", entityType: "Account", entityId: row.id, after: toAccountOutput(row) })),
    ...updates.map(({ current }) => ({
      action: "account.update", entityType: "Account", entityId: current.id,
      before: toAccountOutput(current), after: toAccountOutput(updatedById.get(current.id) ?? current),
    })),
  ]);
  return outcomes;
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

/** Account names for pickers (id + name), alphabetical. */
export async function listAccountOptions(ctx: Ctx, q?: string) {
  return db.account.findMany({
    where: { ...accountScope(ctx), ...(q ? { name: { contains: q, mode: "insensitive" } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
