// Relationship degrees (METHOD.md §4) between our users and a customer's contacts. The current degree of
// each (user, contact) pair and an append-only history row are written in one transaction; nothing here
// updates or deletes history. Readable by everyone in the org (contacts are); recording needs
// contact.update, and the holder must be an active user of the caller's org.
import "server-only";
import { db } from "@/lib/db";
import { buildDegreeSeries } from "@/lib/domain/relationship-history";
import { invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { ContactRelationshipsOutput, RelationshipSet } from "@/lib/validations/buying-center";
import { isUuid } from "./pagination";
import { refreshDealsOfContact } from "./health";

async function findLiveContact(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound("Contact");
  const contact = await db.contact.findFirst({
    where: { id, orgId: ctx.orgId, deletedAt: null, account: { deletedAt: null } },
    select: { id: true, accountId: true },
  });
  if (!contact) throw notFound("Contact");
  return contact;
}

async function userNames(orgId: string, ids: readonly string[]) {
  const users = ids.length ? await db.user.findMany({ where: { id: { in: [...new Set(ids)] }, orgId }, select: { id: true, name: true } }) : [];
  return new Map(users.map((user) => [user.id, user.name]));
}

export async function listContactRelationships(ctx: Ctx, contactId: string): Promise<ContactRelationshipsOutput> {
  const contact = await findLiveContact(ctx, contactId);
  const [holders, history] = await Promise.all([
    db.contactRelationship.findMany({ where: { contactId: contact.id, orgId: ctx.orgId }, orderBy: [{ degree: "desc" }, { updatedAt: "desc" }] }),
    db.relationshipChange.findMany({ where: { contactId: contact.id, orgId: ctx.orgId }, orderBy: [{ at: "desc" }, { id: "desc" }] }),
  ]);
  const names = await userNames(ctx.orgId, [...holders.map((row) => row.userId), ...history.flatMap((row) => [row.userId, row.byUserId])]);
  const person = (id: string) => ({ id, name: names.get(id) ?? "—" });
  return {
    contactId: contact.id,
    relationship: Math.max(0, ...holders.map((row) => row.degree)),
    holders: holders.map((row) => ({ user: person(row.userId), degree: row.degree, updatedAt: row.updatedAt.toISOString() })),
    history: history.map((row) => ({
      id: row.id, user: person(row.userId), degree: row.degree, previousDegree: row.previousDegree, note: row.note,
      by: names.has(row.byUserId) ? person(row.byUserId) : null, at: row.at.toISOString(),
    })),
  };
}

/** Sets the degree `input.userId` holds with the contact and appends the change (who, when, why) to history. */
export async function setContactRelationship(ctx: Ctx, contactId: string, input: RelationshipSet): Promise<ContactRelationshipsOutput> {
  assertCan(ctx, "contact.update");
  const contact = await findLiveContact(ctx, contactId);
  const holder = await db.user.findFirst({ where: { id: input.userId, orgId: ctx.orgId, isActive: true }, select: { id: true } });
  if (!holder) throw invalid([{ path: "userId", message: "No such active user in your organization." }]);
  await db.$transaction(async (tx) => {
    // Locks the pair's current row (when there is one) so two simultaneous changes record the right "before".
    const [current] = await tx.$queryRaw<{ degree: number }[]>`
      SELECT "degree" FROM "ContactRelationship" WHERE "contactId" = ${contact.id}::uuid AND "userId" = ${holder.id}::uuid FOR UPDATE`;
    const at = new Date();
    await tx.contactRelationship.upsert({
      where: { contactId_userId: { contactId: contact.id, userId: holder.id } },
      create: { contactId: contact.id, userId: holder.id, orgId: ctx.orgId, degree: input.degree, updatedAt: at },
      update: { degree: input.degree, updatedAt: at },
    });
    await tx.relationshipChange.create({
      data: {
        orgId: ctx.orgId, contactId: contact.id, userId: holder.id, degree: input.degree, previousDegree: current?.degree ?? null,
        note: input.note ?? null, byUserId: ctx.userId, at,
      },
    });
    // Coverage of the deals this person is part of feeds their health scores.
    await refreshDealsOfContact(tx, ctx.orgId, contact.id);
  });
  return listContactRelationships(ctx, contact.id);
}

export type RelationshipChart = {
  contacts: { id: string; name: string; points: { at: string; degree: number }[] }[];
};

/**
 * Relationship over time for the account's key contacts: those with a decision role or at senior level (or,
 * when none is marked, every contact with history), at most `limit`, strongest now first.
 */
export async function getAccountRelationshipChart(ctx: Ctx, accountId: string, limit = 8): Promise<RelationshipChart> {
  if (!isUuid(accountId)) throw notFound("Account");
  const contacts = await db.contact.findMany({
    where: { accountId, orgId: ctx.orgId, deletedAt: null, account: { deletedAt: null } },
    select: { id: true, name: true, level: true, roles: true },
  });
  const changes = await db.relationshipChange.findMany({
    where: { orgId: ctx.orgId, contact: { accountId, deletedAt: null } },
    select: { contactId: true, userId: true, degree: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const withHistory = new Set(changes.map((change) => change.contactId));
  const isKey = (contact: (typeof contacts)[number]) =>
    contact.level === "SENIOR" || (contact.roles ?? []).some((role) => role === "DECISION_MAKER" || role === "COACH" || role === "TECH_GATEKEEPER");
  const keyContacts = contacts.filter((contact) => withHistory.has(contact.id) && isKey(contact));
  const chosen = (keyContacts.length ? keyContacts : contacts.filter((contact) => withHistory.has(contact.id)));
  const series = buildDegreeSeries(changes, chosen.map((contact) => contact.id));
  return {
    contacts: chosen
      .map((contact) => ({ id: contact.id, name: contact.name, points: (series.get(contact.id) ?? []).map((point) => ({ at: point.at.toISOString(), degree: point.degree })) }))
      .sort((a, b) => (b.points.at(-1)?.degree ?? 0) - (a.points.at(-1)?.degree ?? 0) || a.name.localeCompare(b.name))
      .slice(0, limit),
  };
}
