// The marketing value chain of one deal (营销价值链, METHOD.md §2–§3): the customer's decision cycle, our
// sales activities and the P0–P7 project stage, read together for one time axis. As visible as the deal.
import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import type { DecisionCycleOutput } from "@/lib/validations/decision-cycle";
import type { StageChangeOutput } from "@/lib/validations/opportunity";
import { getDecisionCycle } from "./decision-cycle";
import { listStageHistory } from "./opportunities";

/** The newest activities drawn on the chart; older ones would be too dense to read as marks. */
const ACTIVITY_LIMIT = 300;

export type ValueChainActivity = { id: string; type: string; subject: string; occurredAt: string };
export type ValueChain = { cycle: DecisionCycleOutput; stages: StageChangeOutput[]; activities: ValueChainActivity[] };

export async function getValueChain(ctx: Ctx, opportunityId: string): Promise<ValueChain> {
  // getDecisionCycle checks visibility first (NOT_FOUND for an invisible deal); the rest then read the same deal.
  const cycle = await getDecisionCycle(ctx, opportunityId);
  const [stages, rows] = await Promise.all([
    listStageHistory(ctx, cycle.opportunityId),
    db.activity.findMany({
      where: { opportunityId: cycle.opportunityId, orgId: ctx.orgId },
      select: { id: true, type: true, subject: true, occurredAt: true },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: ACTIVITY_LIMIT,
    }),
  ]);
  const activities = rows.reverse().map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
  return { cycle, stages, activities };
}
