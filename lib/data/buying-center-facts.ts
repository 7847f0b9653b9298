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
