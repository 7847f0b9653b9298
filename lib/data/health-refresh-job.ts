// The daily rescoring of every org's open deals. Writes keep the stored grade current for every input but
// one: "days since the last activity" changes with the calendar alone, so once a day each open deal is
// rescored, and a grade filter never lags more than a day behind the live score. Deals go a batch per short
// transaction, with a pause between batches: a big org's rescoring must neither time out nor crowd out the
// requests of the people using the app.
import "server-only";
import { db } from "@/lib/db";
import { OPEN_STAGE_KEYS } from "@/lib/domain/stages";
import { ORG_REFRESH_TIMEOUT_MS, refreshDealHealth } from "./health";
import { dailyRunKey, registerJob } from "./job-runner";

const BATCH = 100;
const PAUSE_MS = 20;

export async function refreshOpenDealsHealth(now: Date): Promise<number> {
  const orgs = await db.organization.findMany({ select: { id: true } });
  let count = 0;
  for (const org of orgs) {
    const deals = await db.opportunity.findMany({ where: { orgId: org.id, deletedAt: null, stage: { in: [...OPEN_STAGE_KEYS] } }, select: { id: true } });
    for (let start = 0; start < deals.length; start += BATCH) {
      const ids = deals.slice(start, start + BATCH).map((deal) => deal.id);
      await db.$transaction((tx) => refreshDealHealth(tx, org.id, ids, { now }), { timeout: ORG_REFRESH_TIMEOUT_MS });
      count += ids.length;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
  return count;
}

registerJob({ name: "health.refresh", runKey: dailyRunKey, run: async (now) => void (await refreshOpenDealsHealth(now)) });
