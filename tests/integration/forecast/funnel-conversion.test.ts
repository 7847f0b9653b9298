// Funnel conversion is a cohort: of the deals that entered a stage, the share that went on to a later pipeline
// stage. For a period both the entry and the move on must fall in it, so deals that entered the later stage
// after starting before the period cannot push a conversion above 100%. A move to LOST is not progress.
import { beforeAll, describe, expect, it } from "vitest";
import { getFunnelStats } from "@/lib/data/forecast-stats";
import { db } from "@/lib/db";
import { type DateRange, periodRange } from "@/lib/domain/forecast";
import { DEFAULT_STAGE_TABLE, type StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import { buildOpportunity } from "../../factories";
import { type ApiWorld, buildApiWorld, contextOf } from "../api/helpers";

const Q1 = periodRange("2027-Q1") as DateRange;
let world: ApiWorld;
let manager: Ctx;

async function walk(steps: [StageKey, string][]) {
  const [first, ...rest] = steps;
  const last = steps[steps.length - 1];
  const deal = await buildOpportunity(db, {
    orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id,
    stage: first[0], createdAt: new Date(first[1]), stageEnteredAt: new Date(last[1]),
  });
  let from = first[0];
  for (const [stage, at] of rest) {
    await db.stageChange.create({
      data: {
        orgId: world.org.id, opportunityId: deal.id, fromStage: from, toStage: stage, at: new Date(at), byUserId: world.rep.id,
        amount: deal.amount, probability: DEFAULT_STAGE_TABLE[stage].probability,
      },
    });
    from = stage;
  }
  await db.opportunity.update({ where: { id: deal.id }, data: { stage: last[0] } });
}

beforeAll(async () => {
  world = await buildApiWorld();
  manager = await contextOf(world.manager.id);
  // Two deals opened in December move to P1 in January; one deal opens in January and stays at P0.
  await walk([["P0", "2026-12-10T00:00:00Z"], ["P1", "2027-01-10T00:00:00Z"]]);
  await walk([["P0", "2026-12-11T00:00:00Z"], ["P1", "2027-01-11T00:00:00Z"], ["P2", "2027-02-01T00:00:00Z"]]);
  await walk([["P0", "2027-01-05T00:00:00Z"]]);
  // Opened in January, lost in February: LOST is not a later stage.
  await walk([["P0", "2027-01-06T00:00:00Z"], ["LOST", "2027-02-06T00:00:00Z"]]);
  // Opened in March at P1 and moved on to P3 in April, after the period (skipping P2).
  await walk([["P1", "2027-03-20T00:00:00Z"], ["P3", "2027-04-02T00:00:00Z"]]);
});

describe("funnel conversion", () => {
  it("for a period: the share of the stage's entrants that moved on within it, never above 100%", async () => {
    const funnel = await getFunnelStats(manager, Q1);
    const of = (stage: StageKey) => funnel.stages.find((row) => row.stage === stage);
    expect(of("P0")).toMatchObject({ reached: 2, conversionToNext: 0 });
    expect(of("P1")).toMatchObject({ reached: 3, conversionToNext: 0.3333 });
    expect(of("P2")).toMatchObject({ reached: 1, conversionToNext: 0 });
    expect(funnel.stages.every((row) => row.conversionToNext === null || row.conversionToNext <= 1)).toBe(true);
  });

  it("over all history: a skipped stage still counts as moving on", async () => {
    const funnel = await getFunnelStats(manager);
    const of = (stage: StageKey) => funnel.stages.find((row) => row.stage === stage);
    expect(of("P0")).toMatchObject({ reached: 4, conversionToNext: 0.5 });
    expect(of("P1")).toMatchObject({ reached: 3, conversionToNext: 0.6667 });
  });
});
