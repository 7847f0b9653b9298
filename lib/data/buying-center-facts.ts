// Loads a deal's buying-center facts (lib/domain/buying-center.ts BuyingCenterFacts): its buying-center
// contacts with their roles in the deal, and the relationships the deal's own people — owner and project
// team — hold with them. The gate check (inside the stage move's transaction), the deal page's red flags and
// the fishing-net map all read it from here.
import "server-only";
import type { db, Tx } from "@/lib/db";
import type { BuyingCenterContact, BuyingCenterFacts, HeldRelationship } from "@/lib/domain/buying-center";

type Client = Tx | typeof db;

/** The deal's people: its owner first, then the project team. */
export async function loadDealPeople(client: Client, deal: { id: string; orgId: string }): Promise<string[]> {
  const opportunity = await client.opportunity.findFirst({ where: { id: deal.id, orgId: deal.orgId }, select: { ownerId: true } });
  const members = await client.opportunityTeamMember.findMany({ where: { opportunityId: deal.id, orgId: deal.orgId }, select: { userId: true } });
  return [...new Set([...(opportunity ? [opportunity.ownerId] : []), ...members.map((member) => member.userId)])];
}

export type LoadedBuyingCenter = Omit<BuyingCenterFacts, "contacts"> & {
  people: string[];
  contacts: (BuyingCenterContact & { title: string | null })[];
};

export async function loadBuyingCenterFacts(client: Client, deal: { id: string; orgId: string }): Promise<LoadedBuyingCenter> {
  const people = await loadDealPeople(client, deal);
  const rows = await client.opportunityContact.findMany({
    where: { opportunityId: deal.id, orgId: deal.orgId, contact: { deletedAt: null } },
    select: { roles: true, contact: { select: { id: true, name: true, title: true, level: true, stance: true } } },
  });
  const contactIds = rows.map((row) => row.contact.id);
  const relationships: HeldRelationship[] = contactIds.length && people.length
    ? await client.contactRelationship.findMany({
      where: { orgId: deal.orgId, contactId: { in: contactIds }, userId: { in: people } },
      select: { userId: true, contactId: true, degree: true },
    })
    : [];
  return {
    people,
    contacts: rows
      .map((row) => ({
        contactId: row.contact.id, name: row.contact.name, title: row.contact.title, level: row.contact.level,
        stance: row.contact.stance, roles: row.roles ?? [],
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId)),
    relationships,
  };
}

/** The same facts for many deals in four queries (the warnings feed), keyed by deal id; deals with none read as empty. */
export async function loadBuyingCenterFactsForDeals(client: Client, orgId: string, dealIds: readonly string[]): Promise<Map<string, BuyingCenterFacts>> {
  const result = new Map<string, BuyingCenterFacts>();
  if (!dealIds.length) return result;
  const ids = [...dealIds];
  const [deals, members, rows] = await Promise.all([
    client.opportunity.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, ownerId: true } }),
    client.opportunityTeamMember.findMany({ where: { orgId, opportunityId: { in: ids } }, select: { opportunityId: true, userId: true } }),
    client.opportunityContact.findMany({
      where: { orgId, opportunityId: { in: ids }, contact: { deletedAt: null } },
      select: { opportunityId: true, roles: true, contact: { select: { id: true, name: true, level: true, stance: true } } },
    }),
  ]);
  if (!rows.length) return result;
  const peopleOf = new Map<string, Set<string>>(deals.map((deal) => [deal.id, new Set([deal.ownerId])]));
  for (const member of members) peopleOf.get(member.opportunityId)?.add(member.userId);
  const contactIds = [...new Set(rows.map((row) => row.contact.id))];
  const userIds = [...new Set([...peopleOf.values()].flatMap((people) => [...people]))];
  const held = await client.contactRelationship.findMany({
    where: { orgId, contactId: { in: contactIds }, userId: { in: userIds } },
    select: { userId: true, contactId: true, degree: true },
  });
  for (const row of rows) {
    const facts = result.get(row.opportunityId) ?? { contacts: [], relationships: [] };
    (facts.contacts as BuyingCenterContact[]).push({
      contactId: row.contact.id, name: row.contact.name, level: row.contact.level, stance: row.contact.stance, roles: row.roles ?? [],
    });
    result.set(row.opportunityId, facts);
  }
  for (const [dealId, facts] of result) {
    const people = peopleOf.get(dealId) ?? new Set<string>();
    const dealContacts = new Set(facts.contacts.map((contact) => contact.contactId));
    result.set(dealId, { contacts: facts.contacts, relationships: held.filter((relationship) => people.has(relationship.userId) && dealContacts.has(relationship.contactId)) });
  }
  return result;
}
