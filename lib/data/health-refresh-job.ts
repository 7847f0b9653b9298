// The daily rescoring of every org's open deals. Writes keep the stored grade current for every input but
// one: "days since the last activity" changes with the calendar alone, so once a day each open deal is
// rescored (one transaction per org), and a grade filter never lags more than a day behind the live score.
import "server-only";
import { db } from "@/lib/db";
import { OPEN_STAGE_KEYS } from "@/lib/domain/stages";
import { ORG_REFRESH_TIMEOUT_MS, refreshDealHealth } from "./health";
import { dailyRunKey, registerJob } from "./job-runner";

export async function refreshOpenDealsHealth(now: Date): Promise<number> {
  const orgs = await db.organization.findMany({ select: { id: true } });
  let count = 0;
  for (const org of orgs) {
    const deals = await db.opportunity.findMany({ where: { orgId: org.id, deletedAt: null, stage: { in: [...OPEN_STAGE_KEYS] } }, select: { id: true } });
    await db.$transaction((tx) => refreshDealHealth(tx, org.id, deals.map((deal) => deal.id), { now }), { timeout: ORG_REFRESH_TIMEOUT_MS });
    count += deals.length;
  }
  return count;
}

registerJob({ name: "health.refresh", runKey: dailyRunKey, run: async (now) => void (await refreshOpenDealsHealth(now)) });
