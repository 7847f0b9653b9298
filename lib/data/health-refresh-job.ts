// The daily rescoring. Writes keep the stored grade current for every input but one: "days since the last
// activity" changes with the calendar alone. Its credit is constant in the first week and after 60 days, so
// once a day the open deals whose last activity lies between are rescored (with any open deal never scored),
// and a grade filter never lags more than a day behind the live score. Deals go a batch per short
// transaction, with a pause between batches: a big org's rescoring must neither time out nor crowd out the
// requests of the people using the app.
import "server-only";
import { db } from "@/lib/db";
import { RECENCY_FULL_DAYS, RECENCY_ZERO_DAYS } from "@/lib/domain/health-score";
import { OPEN_STAGE_KEYS } from "@/lib/domain/stages";
import { ORG_REFRESH_TIMEOUT_MS, refreshDealHealth } from "./health";
import { dailyRunKey, registerJob } from "./job-runner";

const BATCH = 100;
const DAY_MS = 86_400_000;
const PAUSE_MS = 20;

/** Open deals whose score the calendar alone may have moved since yesterday, and open deals never scored. */
async function dealsToRescore(orgId: string, now: Date): Promise<{ id: string }[]> {
  const fadingFrom = new Date(now.getTime() - (RECENCY_ZERO_DAYS + 2) * DAY_MS);
  const fadingTo = new Date(now.getTime() - RECENCY_FULL_DAYS * DAY_MS);
  return db.$queryRaw<{ id: string }[]>`
    SELECT o.id::text AS id FROM "Opportunity" o
      LEFT JOIN "OpportunityHealth" h ON h."opportunityId" = o.id
      LEFT JOIN LATERAL (SELECT max(a."occurredAt") AS last FROM "Activity" a WHERE a."opportunityId" = o.id) activity ON TRUE
     WHERE o."orgId" = ${orgId}::uuid AND o."deletedAt" IS NULL AND o.stage::text = ANY(${[...OPEN_STAGE_KEYS]}::text[])
       AND (h."opportunityId" IS NULL OR (activity.last > ${fadingFrom} AND activity.last <= ${fadingTo}))`;
}

/** Rescores what the calendar moved; returns how many deals were rescored. */
export async function refreshOpenDealsHealth(now: Date): Promise<number> {
  const orgs = await db.organization.findMany({ select: { id: true } });
  let count = 0;
  for (const org of orgs) {
    const deals = await dealsToRescore(org.id, now);
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
