// The recycle bin: accounts, contacts and opportunities that were deleted (soft: deletedAt set) stay here for
// RECYCLE_BIN_DAYS, hidden from every other query, then are purged. Each item is shown with the visibility of
// the record it was (a rep sees their own deleted deals; accounts and contacts are org-wide), restored with the
// permission that deleting it needed, and hard-deleted early only by an administrator. Restoring an account
// brings back the contacts its deletion took along (those stamped with the same deletedAt instant).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { assertCan, type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { RecycleBinItem, RecycleBinQuery, RecycleBinType } from "@/lib/validations/recycle-bin";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";

/** How long a deleted record can be restored; after that purgeExpiredRecycleBin removes it for good. */
export const RECYCLE_BIN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function purgeAt(deletedAt: Date): string {
  return new Date(deletedAt.getTime() + RECYCLE_BIN_DAYS * DAY_MS).toISOString();
}

/** The deal visibility rule, turned to the deleted side. */
function deletedOpportunityScope(ctx: Ctx) {
  return { ...opportunityVisibility(ctx), deletedAt: { not: null } };
}

/** Newest deletions first, per type at most `limit`, merged. */
export async function listRecycleBin(ctx: Ctx, query: RecycleBinQuery): Promise<RecycleBinItem[]> {
  const wants = (type: RecycleBinType) => !query.type || query.type === type;
  const take = query.limit;
  const [opportunities, accounts, contacts] = await Promise.all([
    wants("opportunity")
      ? db.opportunity.findMany({
        where: deletedOpportunityScope(ctx),
        select: { id: true, name: true, deletedAt: true, account: { select: { name: true } }, owner: { select: { name: true } } },
        orderBy: [{ deletedAt: "desc" }, { id: "desc" }], take,
      })
      : [],
    wants("account")
      ? db.account.findMany({
        where: { orgId: ctx.orgId, deletedAt: { not: null } },
        select: { id: true, name: true, deletedAt: true, owner: { select: { name: true } } },
        orderBy: [{ deletedAt: "desc" }, { id: "desc" }], take,
      })
      : [],
    wants("contact")
      ? db.contact.findMany({
        where: { orgId: ctx.orgId, deletedAt: { not: null } },
        select: { id: true, name: true, deletedAt: true, account: { select: { name: true, deletedAt: true } } },
        orderBy: [{ deletedAt: "desc" }, { id: "desc" }], take,
      })
      : [],
  ]);
  const items: RecycleBinItem[] = [
    ...opportunities.map((row) => ({
      type: "opportunity" as const, id: row.id, name: row.name, accountName: row.account.name, ownerName: row.owner.name,
      deletedAt: row.deletedAt!.toISOString(), purgeAt: purgeAt(row.deletedAt!),
    })),
    ...accounts.map((row) => ({
      type: "account" as const, id: row.id, name: row.name, accountName: null, ownerName: row.owner?.name ?? null,
      deletedAt: row.deletedAt!.toISOString(), purgeAt: purgeAt(row.deletedAt!),
    })),
    // A contact taken along by its account's deletion is restored with the account, not listed on its own.
    ...contacts
      .filter((row) => row.account.deletedAt === null || row.account.deletedAt.getTime() !== row.deletedAt!.getTime())
      .map((row) => ({
        type: "contact" as const, id: row.id, name: row.name, accountName: row.account.name, ownerName: null,
        deletedAt: row.deletedAt!.toISOString(), purgeAt: purgeAt(row.deletedAt!),
      })),
  ];
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || b.id.localeCompare(a.id)).slice(0, query.limit);
}

function assertMayRestoreAccount(ctx: Ctx) {
  assertCan(ctx, "account.delete");
}

/** Contacts are deleted and restored by those who may edit their account: its owner, managers, admins. */
export function assertMayEditContactsOf(ctx: Ctx, account: { ownerId: string | null }) {
  assertCan(ctx, "account.update");
  if (ctx.role === "REP" && account.ownerId !== ctx.userId) {
    throw new AppError("FORBIDDEN", "Only the account owner, a manager or an admin may change its contacts.");
  }
}

/** Brings a deleted record back, with its history and relations (they were never removed). */
export async function restoreFromRecycleBin(ctx: Ctx, type: RecycleBinType, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("Deleted record");
  await db.$transaction(async (tx) => {
    if (type === "opportunity") await restoreOpportunity(tx, ctx, id);
    else if (type === "account") await restoreAccount(tx, ctx, id);
    else await restoreContact(tx, ctx, id);
    await recordAudit(tx, ctx, { action: `${type}.restore`, entityType: type, entityId: id });
  });
}

async function restoreOpportunity(tx: Tx, ctx: Ctx, id: string) {
  const row = await tx.opportunity.findFirst({
    where: { id, ...deletedOpportunityScope(ctx) }, select: { id: true, account: { select: { deletedAt: true } } },
  });
  if (!row) throw notFound("Deleted opportunity");
  if (row.account.deletedAt) throw new AppError("CONFLICT", "The deal's account is in the recycle bin; restore the account first.");
  // A restored deal is a change like any other: its version moves on, so stale edits made before deletion fail.
  await tx.opportunity.update({ where: { id }, data: { deletedAt: null, version: { increment: 1 } } });
}

async function restoreAccount(tx: Tx, ctx: Ctx, id: string) {
  const row = await tx.account.findFirst({ where: { id, orgId: ctx.orgId, deletedAt: { not: null } } });
  if (!row) throw notFound("Deleted account");
  assertMayRestoreAccount(ctx);
  await tx.contact.updateMany({ where: { orgId: ctx.orgId, accountId: id, deletedAt: row.deletedAt }, data: { deletedAt: null } });
  await tx.account.update({ where: { id }, data: { deletedAt: null } });
}

async function restoreContact(tx: Tx, ctx: Ctx, id: string) {
  const row = await tx.contact.findFirst({
    where: { id, orgId: ctx.orgId, deletedAt: { not: null } }, select: { id: true, account: { select: { deletedAt: true, ownerId: true } } },
  });
  if (!row) throw notFound("Deleted contact");
  assertMayEditContactsOf(ctx, row.account);
  if (row.account.deletedAt) throw new AppError("CONFLICT", "The contact's account is in the recycle bin; restore the account first.");
  await tx.contact.update({ where: { id }, data: { deletedAt: null } });
}

/** An administrator's early, permanent removal of one item in the bin (never of a live record). */
export async function hardDeleteFromRecycleBin(ctx: Ctx, type: RecycleBinType, id: string): Promise<void> {
  if (ctx.role !== "ADMIN") throw forbidden("Only an administrator may delete permanently.");
  if (!isUuid(id)) throw notFound("Deleted record");
  await db.$transaction(async (tx) => {
    const where = { id, orgId: ctx.orgId, deletedAt: { not: null } };
    let count: number;
    if (type === "opportunity") count = (await tx.opportunity.deleteMany({ where })).count;
    else if (type === "contact") count = (await tx.contact.deleteMany({ where })).count;
    else {
      // Its deals were deleted before it (an account with live deals cannot be deleted); they go with it.
      const exists = await tx.account.findFirst({ where, select: { id: true } });
      if (exists) await tx.opportunity.deleteMany({ where: { orgId: ctx.orgId, accountId: id, deletedAt: { not: null } } });
      count = (await tx.account.deleteMany({ where })).count;
    }
    if (count === 0) throw notFound("Deleted record");
    await recordAudit(tx, ctx, { action: `${type}.purge`, entityType: type, entityId: id });
  });
}

export type PurgeResult = { opportunities: number; contacts: number; accounts: number };

/**
 * Removes for good everything deleted more than RECYCLE_BIN_DAYS before `now`, across all orgs. Meant to run
 * as a periodic job. Deals go first: an account cannot be removed while a deal still points at it.
 */
export async function purgeExpiredRecycleBin(now: Date = new Date()): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - RECYCLE_BIN_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const expiredAccounts = await tx.account.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true } });
    const accountIds = expiredAccounts.map((account) => account.id);
    const opportunities = await tx.opportunity.deleteMany({
      where: { OR: [{ deletedAt: { lt: cutoff } }, { accountId: { in: accountIds }, deletedAt: { not: null } }] },
    });
    const contacts = await tx.contact.deleteMany({ where: { deletedAt: { lt: cutoff } } });
    const accounts = await tx.account.deleteMany({ where: { id: { in: accountIds } } });
    return { opportunities: opportunities.count, contacts: contacts.count, accounts: accounts.count };
  });
}
