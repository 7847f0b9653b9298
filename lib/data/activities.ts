// Activities: what reps did with the customer (METHOD.md §3), logged on a deal and read as a timeline of
// the deal or of its account. A deal's activities are exactly as visible as the deal; on the account
// timeline, activities of deals the caller may not see are left out (they would reveal those deals).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { type OrgActivityTypeItem, resolveOrgActivityTypes } from "@/lib/domain/activities";
import type { LocalizedText } from "@/lib/domain/stages";
import { invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { ActivityCreate, ActivityOutput, ActivityPage } from "@/lib/validations/activity";
import { getAccount } from "./accounts";
import { auditInsertSql } from "./audit";
import { activityTypeItemsJsonSql, activityTypeNames, assertOfferedType, getOrgActivityTypes } from "./activity-types";
import { findVisibleDeal } from "./deal-access";
import { decodeCursor, encodeCursor, isUuid } from "./pagination";
import { visibilitySql } from "./pipeline-sql";
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

type LoggableDeal = { id: string; accountId: string; name: string; activityTypes: OrgActivityTypeItem[] };

/**
 * Logs an activity on a visible deal. The type must be one the org offers, and the contacts involved live
 * contacts of the deal's account (422 otherwise): a timeline that names people of another customer would be
 * wrong evidence.
 *
 * Every activity logged is a write on the API's hot path, so it takes few round trips: the deal (through the
 * visibility rule, lib/data/pipeline-sql visibilitySql) and the org's activity types in one statement; the
 * activity, its contacts and its audit entry in one more (data-modifying WITH clauses, all or nothing); then
 * the health refresh — all in one transaction.
 */
export async function logOpportunityActivity(ctx: Ctx, opportunityId: string, input: ActivityCreate): Promise<ActivityOutput> {
  if (!isUuid(opportunityId)) throw notFound("Opportunity");
  const contactIds = [...new Set(input.contactIds ?? [])];
  const id = randomUUID();
  const now = new Date();
  const occurredAt = new Date(input.occurredAt);
  const { deal, types, userName, contacts } = await db.$transaction(async (tx) => {
    const [deal] = await tx.$queryRaw<LoggableDeal[]>`
      SELECT o.id::text AS id, o."accountId"::text AS "accountId", o.name, ${activityTypeItemsJsonSql(Prisma.sql`${ctx.orgId}::uuid`)} AS "activityTypes"
        FROM "Opportunity" o WHERE o.id = ${opportunityId}::uuid AND ${visibilitySql(ctx)}`;
    if (!deal) throw notFound("Opportunity");
    const types = assertOfferedType(resolveOrgActivityTypes(deal.activityTypes), input.type, "type");
    if (contactIds.length) {
      const found = await tx.contact.findMany({
        where: { id: { in: contactIds }, orgId: ctx.orgId, accountId: deal.accountId, deletedAt: null },
        select: { id: true },
      });
      const known = new Set(found.map((contact) => contact.id));
      const errors = (input.contactIds ?? [])
        .map((contactId, index) => ({ contactId, index }))
        .filter(({ contactId }) => !known.has(contactId))
        .map(({ index }) => ({ path: `contactIds.${index}`, message: "This contact does not belong to the deal's account." }));
      if (errors.length) throw invalid(errors);
    }
    const audit = auditInsertSql(ctx, {
      action: "activity.create", entityType: "Activity", entityId: id,
      after: { opportunityId: deal.id, type: input.type, occurredAt: occurredAt.toISOString(), subject: input.subject, contactIds },
    }, now);
    const [written] = await tx.$queryRaw<{ userName: string; contacts: ActivityOutput["contacts"] }[]>`
      WITH activity AS (
        INSERT INTO "Activity" ("id", "orgId", "accountId", "opportunityId", "userId", "type", "occurredAt", "subject", "notes", "nextStep", "createdAt")
        VALUES (${id}::uuid, ${ctx.orgId}::uuid, ${deal.accountId}::uuid, ${deal.id}::uuid, ${ctx.userId}::uuid, ${input.type}, ${occurredAt},
          ${input.subject}, ${input.notes ?? null}, ${input.nextStep ?? null}, ${now})
        RETURNING "id"
      ), linked AS (
        INSERT INTO "ActivityContact" ("activityId", "contactId", "orgId")
        SELECT activity.id, c.id, ${ctx.orgId}::uuid FROM activity CROSS JOIN unnest(${contactIds}::uuid[]) AS c(id)
      ), audited AS (${audit})
      SELECT u.name AS "userName",
        (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'name', c.name, 'title', c.title)), '[]')
           FROM "Contact" c WHERE c.id = ANY(${contactIds}::uuid[])) AS contacts
        FROM activity JOIN "User" u ON u.id = ${ctx.userId}::uuid`;
    // Activity recency (and activity gate criteria) feed the health score.
    await refreshDealHealth(tx, ctx.orgId, [deal.id]);
    return { deal, types, userName: written.userName, contacts: written.contacts };
  });
  return {
    id, accountId: deal.accountId, opportunityId: deal.id, opportunityName: deal.name, type: input.type,
    typeName: activityTypeNames(types.all).get(input.type) ?? { en: input.type, "zh-CN": input.type },
    occurredAt: occurredAt.toISOString(), subject: input.subject, notes: input.notes ?? null, nextStep: input.nextStep ?? null,
    contacts: contacts.sort((a, b) => a.name.localeCompare(b.name)), userId: ctx.userId, userName, createdAt: now.toISOString(),
  };
}
