// Loads a deal's buying-center facts (lib/domain/buying-center.ts BuyingCenterFacts): its buying-center
// contacts with their roles in the deal, and the relationships the deal's own people — owner and project
// team — hold with them. The gate check (inside the stage move's transaction), the deal page's red flags and
// the fishing-net map all read it from here.
import "server-only";
import type { db, Tx } from "@/lib/db";
import type {
  BuyingCenterContact, BuyingCenterFacts, ContactLevel, ContactRole, ContactStance, HeldRelationship,
} from "@/lib/domain/buying-center";

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

type DealContactRow = {
  opportunityId: string; contactId: string; name: string; level: ContactLevel | null; stance: ContactStance | null; roles: ContactRole[];
  relationships: { userId: string; degree: number }[];
};

/**
 * The same facts for many deals in one query (the warnings feed and the board's badges: hundreds of deals
 * a request), keyed by deal id; deals with no buying-center contact are absent and read as empty.
 */
export async function loadBuyingCenterFactsForDeals(client: Client, orgId: string, dealIds: readonly string[]): Promise<Map<string, BuyingCenterFacts>> {
  const result = new Map<string, { contacts: BuyingCenterContact[]; relationships: HeldRelationship[] }>();
  if (!dealIds.length) return result;
  // The deal's people are its owner and its project team; each contact carries the relationships they hold.
  const rows = await client.$queryRaw<DealContactRow[]>`
    SELECT oc."opportunityId"::text AS "opportunityId", c.id::text AS "contactId", c.name, c.level::text AS level,
           c.stance::text AS stance, oc.roles::text[] AS roles,
           COALESCE((
             SELECT json_agg(json_build_object('userId', r."userId"::text, 'degree', r.degree))
               FROM "ContactRelationship" r
              WHERE r."orgId" = ${orgId}::uuid AND r."contactId" = c.id
                AND (r."userId" = o."ownerId" OR EXISTS (
                  SELECT 1 FROM "OpportunityTeamMember" m WHERE m."opportunityId" = o.id AND m."userId" = r."userId"))
           ), '[]'::json) AS relationships
      FROM "OpportunityContact" oc
      JOIN "Opportunity" o ON o.id = oc."opportunityId"
      JOIN "Contact" c ON c.id = oc."contactId" AND c."deletedAt" IS NULL
     WHERE oc."orgId" = ${orgId}::uuid AND oc."opportunityId" = ANY(${[...dealIds]}::uuid[])`;
  for (const row of rows) {
    const facts = result.get(row.opportunityId) ?? { contacts: [], relationships: [] };
    facts.contacts.push({ contactId: row.contactId, name: row.name, level: row.level, stance: row.stance, roles: row.roles ?? [] });
    facts.relationships.push(...row.relationships.map(({ userId, degree }) => ({ userId, contactId: row.contactId, degree })));
    result.set(row.opportunityId, facts);
  }
  return result;
}
