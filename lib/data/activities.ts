// Activities: what reps did with the customer (METHOD.md §3), logged on a deal and read as a timeline of
// the deal or of its account. A deal's activities are exactly as visible as the deal; on the account
// timeline, activities of deals the caller may not see are left out (they would reveal those deals).
import "server-only";
import { db } from "@/lib/db";
import type { LocalizedText } from "@/lib/domain/stages";
import { invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { ActivityCreate, ActivityOutput, ActivityPage } from "@/lib/validations/activity";
import { getAccount } from "./accounts";
import { recordAudit } from "./audit";
import { activityTypeNames, assertActiveActivityType, getOrgActivityTypes } from "./activity-types";
import { findVisibleDeal } from "./deal-access";
import { decodeCursor, encodeCursor } from "./pagination";
import { refreshDealHealth } from "./health";

const activityInclude = {
  user: { select: { name: true } },
  opportunity: { select: { name: true } },
  contacts: { select: { contact: { select: { id: true, name: true, title: true } } } },
} satisfies Prisma.ActivityInclude;

type ActivityRow = Prisma.ActivityGetPayload<{ include: typeof activityInclude }>;

type TypeNames = ReadonlyMap<string, LocalizedText>;

/** A type the org no longer knows is named by its key. */
function toActivityOutput(row: ActivityRow, names: TypeNames): ActivityOutput {
  return {
    id: row.id,
    accountId: row.accountId,
    opportunityId: row.opportunityId,
    opportunityName: row.opportunity?.name ?? null,
    type: row.type,
    typeName: names.get(row.type) ?? { en: row.type, "zh-CN": row.type },
    occurredAt: row.occurredAt.toISOString(),
    subject: row.subject,
    notes: row.notes,
    nextStep: row.nextStep,
    contacts: row.contacts.map(({ contact }) => contact).sort((a, b) => a.name.localeCompare(b.name)),
    userId: row.userId,
    userName: row.user.name,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ActivityPageQuery = { limit: number; cursor?: string };

/** Newest first by occurredAt, keyset-paginated. */
async function listActivityPage(ctx: Ctx, where: Prisma.ActivityWhereInput, query: ActivityPageQuery): Promise<ActivityPage> {
  const cursor = decodeCursor(query.cursor);
  const cursorWhere: Prisma.ActivityWhereInput = cursor
    ? { OR: [{ occurredAt: { lt: new Date(cursor.at) } }, { occurredAt: new Date(cursor.at), id: { lt: cursor.id } }] }
    : {};
  const rows = await db.activity.findMany({
    where: { AND: [where, cursorWhere] },
    include: activityInclude,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const names = activityTypeNames((await getOrgActivityTypes(ctx)).all);
  return {
    data: page.map((row) => toActivityOutput(row, names)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.occurredAt.toISOString(), id: last.id }) : null,
  };
}

/** Activities logged on a visible deal, newest first. */
export async function listOpportunityActivities(ctx: Ctx, opportunityId: string, query: ActivityPageQuery = { limit: 50 }) {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  return listActivityPage(ctx, { orgId: ctx.orgId, opportunityId: deal.id }, query);
}

/** The account's timeline: work on the account itself and on the deals of it the caller may see, newest first. */
export async function listAccountActivities(ctx: Ctx, accountId: string, query: ActivityPageQuery = { limit: 50 }) {
  const account = await getAccount(ctx, accountId);
  return listActivityPage(
    ctx,
    { orgId: ctx.orgId, accountId: account.id, OR: [{ opportunityId: null }, { opportunity: opportunityVisibility(ctx) }] },
    query,
  );
}

/**
 * Logs an activity on a visible deal. The type must be one the org offers, and the contacts involved live
 * contacts of the deal's account (422 otherwise): a timeline that names people of another customer would be
 * wrong evidence.
 */
export async function logOpportunityActivity(ctx: Ctx, opportunityId: string, input: ActivityCreate): Promise<ActivityOutput> {
  const row = await db.$transaction(async (tx) => {
    const deal = await findVisibleDeal(tx, ctx, opportunityId);
    const types = await assertActiveActivityType(tx, ctx, input.type, "type");
    const contactIds = [...new Set(input.contactIds ?? [])];
    if (contactIds.length) {
      const found = await tx.contact.findMany({
        where: { id: { in: contactIds }, orgId: ctx.orgId, accountId: deal.accountId, deletedAt: null },
        select: { id: true },
      });
      const known = new Set(found.map((contact) => contact.id));
      const errors = (input.contactIds ?? [])
        .map((id, index) => ({ id, index }))
        .filter(({ id }) => !known.has(id))
        .map(({ index }) => ({ path: `contactIds.${index}`, message: "This contact does not belong to the deal's account." }));
      if (errors.length) throw invalid(errors);
    }
    const created = await tx.activity.create({
      data: {
        orgId: ctx.orgId,
        accountId: deal.accountId,
        opportunityId: deal.id,
        userId: ctx.userId,
        type: input.type,
        occurredAt: new Date(input.occurredAt),
        subject: input.subject,
        notes: input.notes ?? null,
        nextStep: input.nextStep ?? null,
        contacts: { create: contactIds.map((contactId) => ({ contactId, orgId: ctx.orgId })) },
      },
      include: activityInclude,
    });
    // Activity recency (and activity gate criteria) feed the health score.
    await refreshDealHealth(tx, ctx.orgId, [deal.id]);
    await recordAudit(tx, ctx, {
      action: "activity.create", entityType: "Activity", entityId: created.id,
      after: { opportunityId: deal.id, type: created.type, occurredAt: created.occurredAt.toISOString(), subject: created.subject, contactIds },
    });
    return { created, types };
  });
  return toActivityOutput(row.created, activityTypeNames(row.types.all));
}
