// The API world plus the org's loss and win reasons: what a close-out review sent with a bulk move to LOST or
// with a deal created at LOST picks from.
import { db } from "@/lib/db";
import { buildApiWorld } from "../api/helpers";

export async function buildCloseOutWorld() {
  const world = await buildApiWorld();
  await db.orgListItem.createMany({
    data: [
      { orgId: world.org.id, list: "LOSS_REASON", key: "PRICE", labelEn: "Price", labelZh: "价格", order: 0 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "COMPETITOR_RELATIONSHIP", labelEn: "Competitor relationship", labelZh: "竞争对手关系", order: 1 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "BUDGET_CUT", labelEn: "Budget cut", labelZh: "预算削减", order: 2 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "RETIRED", labelEn: "Retired reason", labelZh: "已停用原因", order: 3, active: false },
      { orgId: world.org.id, list: "WIN_REASON", key: "SOLUTION_FIT", labelEn: "Solution fit", labelZh: "方案契合", order: 0 },
    ],
  });
  return world;
}

export const completeReview = (overrides: Record<string, unknown> = {}) => ({
  primaryReason: "PRICE", secondaryReasons: ["BUDGET_CUT"], winnerCompetitor: null, lessons: "Qualify the budget before the demo.", toRepeat: null, ...overrides,
});
