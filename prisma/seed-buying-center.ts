// Demo buying centers (issue 6): for the demo org's key accounts, an org chart (reporting lines, levels,
// roles, stances), the buying center of one open deal each, relationship degrees with a short history, and
// a first key-account profile. Some accounts are left with holes on purpose (an uncovered decision maker, no
// coach, an opponent in a decision role) so the fishing-net map and red flags have something to show.
// Deterministic: everything is derived from the seeded names in a fixed order; dates are relative to `now`.
import type { DbClient } from "../tests/factories";
import type { ContactLevel, ContactRole, ContactStance } from "../lib/domain/buying-center";

type Shape = { level: ContactLevel; roles: ContactRole[]; stance: ContactStance; degree: number };

// Index 0 is the top of the chart; the rest report to it (every third one to index 1, for some depth).
const SHAPES: readonly Shape[] = [
  { level: "SENIOR", roles: ["DECISION_MAKER"], stance: "NEUTRAL", degree: 3 },
  { level: "MIDDLE", roles: ["TECH_GATEKEEPER", "INFLUENCER"], stance: "SUPPORTER", degree: 4 },
  { level: "WORKING", roles: ["USER", "COACH"], stance: "SUPPORTER", degree: 5 },
  { level: "MIDDLE", roles: ["COMMERCIAL"], stance: "OPPONENT", degree: 1 },
  { level: "WORKING", roles: ["USER"], stance: "NEUTRAL", degree: 2 },
];

const DAY = 86_400_000;

export async function seedBuyingCenter(tx: DbClient, orgId: string, now: number): Promise<void> {
  const accounts = await tx.account.findMany({ where: { orgId, isKeyAccount: true }, orderBy: [{ name: "asc" }], take: 8, select: { id: true, ownerId: true } });
  const users = await tx.user.findMany({ where: { orgId, isActive: true }, orderBy: { email: "asc" }, select: { id: true } });
  for (const [accountIndex, account] of accounts.entries()) {
    const contacts = await tx.contact.findMany({ where: { accountId: account.id }, orderBy: [{ name: "asc" }, { title: "asc" }], select: { id: true } });
    if (!contacts.length) continue;
    // Every other account has its gaps: the decision maker uncovered and no coach.
    const hasGaps = accountIndex % 2 === 1;
    for (const [index, contact] of contacts.entries()) {
      const shape = SHAPES[index % SHAPES.length];
      await tx.contact.update({
        where: { id: contact.id },
        data: {
          reportsToId: index === 0 ? null : index % 3 === 0 && contacts.length > 2 ? contacts[1].id : contacts[0].id,
          level: shape.level,
          roles: hasGaps ? shape.roles.filter((role) => role !== "COACH") : shape.roles,
          stance: shape.stance,
          department: index === 0 ? "Management" : shape.level === "WORKING" ? "Operations" : "IT",
        },
      });
    }
    const deal = await tx.opportunity.findFirst({
      where: { accountId: account.id, stage: { notIn: ["P7", "LOST"] } }, orderBy: [{ name: "asc" }], select: { id: true, ownerId: true },
    });
    const holders = [deal?.ownerId ?? account.ownerId ?? users[0].id, users[(accountIndex + 1) % users.length].id];
    const relationships = contacts.flatMap((contact, index) => {
      if (hasGaps && index === 0) return [];
      const holder = holders[index % 2];
      const degree = SHAPES[index % SHAPES.length].degree;
      // Two steps of history: first contact two months ago, the current degree a few weeks later.
      const first = { contactId: contact.id, userId: holder, degree: Math.max(1, degree - 2), at: new Date(now - (60 - index) * DAY) };
      const second = { contactId: contact.id, userId: holder, degree, at: new Date(now - (20 - index) * DAY) };
      return [first, second];
    });
    if (relationships.length) {
      await tx.relationshipChange.createMany({
        data: relationships.map((row, index) => ({
          orgId, ...row, byUserId: row.userId, note: index % 2 ? "Follow-up meeting" : "First meeting",
          previousDegree: index % 2 ? relationships[index - 1].degree : null,
        })),
      });
      const current = relationships.filter((_, index) => index % 2 === 1);
      await tx.contactRelationship.createMany({ data: current.map((row) => ({ orgId, contactId: row.contactId, userId: row.userId, degree: row.degree, updatedAt: row.at })) });
    }
    if (deal) {
      const roles = await tx.contact.findMany({ where: { id: { in: contacts.map((contact) => contact.id) } }, select: { id: true, roles: true } });
      await tx.opportunityContact.createMany({ data: roles.map((row) => ({ opportunityId: deal.id, contactId: row.id, orgId, roles: row.roles ?? [] })) });
    }
    if (accountIndex < 3) {
      await tx.accountProfileVersion.create({
        data: {
          orgId, accountId: account.id, version: 1, savedById: holders[0], savedAt: new Date(now - 10 * DAY),
          content: {
            sections: {
              basics: "Key account since 2023. Group HQ plus three plants.",
              business: "Cutting cost per unit; digitalising production planning.",
              organisation: "The general manager decides; IT gatekeeps the technical choice; procurement runs the tender.",
              history: "Pilot project delivered on time; one support escalation last year.",
              competitors: "Two incumbents present; one bids low on price.",
              plan: "Win the next phase; reach the general manager before the tender.",
            },
          },
        },
      });
    }
  }
}
