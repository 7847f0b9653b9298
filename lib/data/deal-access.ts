// The deal a workspace call is about, found through the one visibility rule (lib/permissions.ts), so the
// activities and the team of a deal are exactly as visible as the deal itself: an invisible deal answers
// like a missing one (404).
import "server-only";
import type { db, Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import { isUuid } from "./pagination";

export type VisibleDeal = { id: string; orgId: string; accountId: string };

export async function findVisibleDeal(client: Tx | typeof db, ctx: Ctx, id: string): Promise<VisibleDeal> {
  if (!isUuid(id)) throw notFound("Opportunity");
  const deal = await client.opportunity.findFirst({
    where: { id, ...opportunityVisibility(ctx) },
    select: { id: true, orgId: true, accountId: true },
  });
  if (!deal) throw notFound("Opportunity");
  return deal;
}
