// The buying-center side of a contact row (issue 6): its org-chart fields, the strongest relationship degree
// held, and the rule that a manager is another live contact of the same account. Shared by accounts.ts
// (contacts under an account) and contacts.ts (one contact).
import "server-only";
import type { db, Tx } from "@/lib/db";
import type { ContactLevel, ContactRole, ContactStance } from "@/lib/domain/buying-center";
import { invalid } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";

export const contactRelationshipInclude = { relationships: { select: { degree: true } } } as const;

type OrgChartRow = {
  reportsToId: string | null; department: string | null; level: ContactLevel | null; roles: ContactRole[] | null;
  stance: ContactStance | null; relationships: { degree: number }[];
};

export function contactOrgChartOutput(row: OrgChartRow) {
  return {
    reportsToId: row.reportsToId,
    department: row.department,
    level: row.level,
    roles: row.roles ?? [],
    stance: row.stance,
    relationship: Math.max(0, ...row.relationships.map((relationship) => relationship.degree)),
  };
}

/** 422 on reportsToId unless it names a live contact of the same account. */
export async function assertManagerInAccount(client: Tx | typeof db, ctx: Ctx, accountId: string, managerId: string | null | undefined) {
  if (!managerId) return;
  const manager = await client.contact.findFirst({ where: { id: managerId, accountId, orgId: ctx.orgId, deletedAt: null }, select: { id: true } });
  if (!manager) throw invalid([{ path: "reportsToId", message: "The manager must be a contact of the same account." }]);
}
