// The fishing-net map (渔网图) of an account: our people × their people, an edge per relationship held
// (weight = degree), and the coverage gaps found by lib/domain/buying-center.ts findCoverageGaps.
// - With ?opportunityId: our people are the deal's owner and project team, their people its buying center
//   (the account's contacts while the buying center is still empty). The deal must be visible.
// - Without: our people are the account owner and everyone holding a relationship there; their people
//   are all of the account's contacts.
import "server-only";
import { db } from "@/lib/db";
import { type BuyingCenterContact, findCoverageGaps } from "@/lib/domain/buying-center";
import { notFound } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { FishingNetOutput } from "@/lib/validations/buying-center";
import { loadBuyingCenterFacts } from "./buying-center-facts";
import { findVisibleDeal } from "./deal-access";
import { isUuid } from "./pagination";

const localized = (text: { en: string; "zh-CN": string }, locale: string) => (locale === "zh-CN" ? text["zh-CN"] : text.en);

type TheirPerson = BuyingCenterContact & { title: string | null };

export async function getFishingNet(ctx: Ctx, accountId: string, opportunityId?: string): Promise<FishingNetOutput> {
  if (!isUuid(accountId)) throw notFound("Account");
  const account = await db.account.findFirst({ where: { id: accountId, orgId: ctx.orgId, deletedAt: null }, select: { id: true, ownerId: true } });
  if (!account) throw notFound("Account");
  const allContacts = await db.contact.findMany({
    where: { accountId: account.id, orgId: ctx.orgId, deletedAt: null },
    select: { id: true, name: true, title: true, level: true, roles: true, stance: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const asPerson = (row: (typeof allContacts)[number]): TheirPerson => ({
    contactId: row.id, name: row.name, title: row.title, level: row.level, roles: row.roles ?? [], stance: row.stance,
  });

  let ours: string[];
  let theirs: TheirPerson[];
  const teamRoles = new Map<string, string>();
  if (opportunityId) {
    const deal = await findVisibleDeal(db, ctx, opportunityId);
    if (deal.accountId !== account.id) throw notFound("Opportunity");
    const facts = await loadBuyingCenterFacts(db, deal);
    ours = facts.people;
    theirs = facts.contacts.length ? facts.contacts : allContacts.map(asPerson);
    const members = await db.opportunityTeamMember.findMany({ where: { opportunityId: deal.id, orgId: ctx.orgId }, select: { userId: true, role: true } });
    for (const member of members) teamRoles.set(member.userId, member.role);
    if (ours[0] && !teamRoles.has(ours[0])) teamRoles.set(ours[0], "OWNER");
  } else {
    const holders = await db.contactRelationship.findMany({
      where: { orgId: ctx.orgId, contact: { accountId: account.id, deletedAt: null }, degree: { gt: 0 } },
      select: { userId: true }, distinct: ["userId"],
    });
    ours = [...new Set([...(account.ownerId ? [account.ownerId] : []), ...holders.map((holder) => holder.userId)])];
    if (account.ownerId) teamRoles.set(account.ownerId, "ACCOUNT_OWNER");
    theirs = allContacts.map(asPerson);
  }

  const contactIds = theirs.map((contact) => contact.contactId);
  const relationships = ours.length && contactIds.length
    ? await db.contactRelationship.findMany({
      where: { orgId: ctx.orgId, userId: { in: ours }, contactId: { in: contactIds }, degree: { gt: 0 } },
      select: { userId: true, contactId: true, degree: true },
    })
    : [];
  const users = ours.length ? await db.user.findMany({ where: { id: { in: ours }, orgId: ctx.orgId }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  const gaps = findCoverageGaps(theirs, ours, relationships);
  const gapContacts = new Set(gaps.flatMap((gap) => (gap.contactId ? [gap.contactId] : [])));

  return {
    accountId: account.id,
    opportunityId: opportunityId ?? null,
    nodes: [
      ...ours.map((id) => ({ side: "ours" as const, id, name: names.get(id) ?? "—", role: teamRoles.get(id) ?? null })),
      ...theirs.map((contact) => ({
        side: "theirs" as const, id: contact.contactId, name: contact.name, title: contact.title, level: contact.level,
        roles: [...contact.roles], stance: contact.stance, isGap: gapContacts.has(contact.contactId),
      })),
    ],
    edges: relationships.map((edge) => ({ userId: edge.userId, contactId: edge.contactId, degree: edge.degree })),
    gaps: gaps.map((gap) => ({ kind: gap.kind, ...(gap.contactId ? { contactId: gap.contactId } : {}), message: localized(gap.message, ctx.locale) })),
  };
}
