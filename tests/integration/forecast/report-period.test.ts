// The report pages read the funnel and calibration for one period: only stage entries made in the period
// count as "reached", only stints that began in it are timed, only deals won or lost in it are outcomes —
// and visibility still applies. Without a period the figures cover all history, as before.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCalibration, getFunnelStats } from "@/lib/data/forecast-stats";
import { periodRange, type DateRange } from "@/lib/domain/forecast";
import { formatMoneyString } from "@/lib/domain/money";
import { DEFAULT_STAGE_TABLE, type StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import { buildOpportunity } from "../../factories";
import { type ApiWorld, buildApiWorld, contextOf } from "../api/helpers";

const Q1 = periodRange("2026-Q1") as DateRange;
const at = (iso: string) => new Date(iso);
let world: ApiWorld;
let manager: Ctx;

beforeAll(async () => {
  world = await buildApiWorld();
  manager = await contextOf(world.manager.id);
  const deal = (stage: StageKey, amount: string, createdAt: string, stageEnteredAt: string) =>
    buildOpportunity(db, {
      orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id,
      stage, amount, createdAt: at(createdAt), stageEnteredAt: at(stageEnteredAt),
    });
  await deal("P7", "1000.10", "2026-02-01T10:00:00Z", "2026-02-20T10:00:00Z"); // won in Q1
  await deal("P7", "5000.00", "2026-04-01T10:00:00Z", "2026-05-05T10:00:00Z"); // won in Q2
  await deal("LOST", "300.00", "2026-03-01T10:00:00Z", "2026-03-31T23:00:00Z"); // lost on the last hour of Q1
  await deal("LOST", "400.00", "2026-03-02T10:00:00Z", "2026-04-01T00:00:00Z"); // lost on the first moment of Q2
  const open = await deal("P3", "700.00", "2026-01-15T00:00:00Z", "2026-04-10T00:00:00Z");
  await db.opportunity.update({ where: { id: open.id }, data: { stage: "P4" } });
  await db.stageChange.create({
    data: {
      orgId: world.org.id, opportunityId: open.id, fromStage: "P3", toStage: "P4", at: at("2026-04-10T00:00:00Z"),
      byUserId: world.rep.id, amount: "700.00", probability: DEFAULT_STAGE_TABLE.P4.probability,
    },
  });
});

describe("funnel and calibration for a period", () => {
  it("counts only the outcomes of the period, by month", async () => {
    const funnel = await getFunnelStats(manager, Q1);
    expect(funnel.monthly).toEqual([
      { month: "2026-02", won: 1, lost: 0, wonAmount: "1000.10" },
      { month: "2026-03", won: 0, lost: 1, wonAmount: formatMoneyString("0") },
    ]);
    expect(funnel.winRate).toBe(0.5);
    expect(funnel.averageWonAmount).toBe("1000.10");
    expect(funnel.averageCycleDays).toBe(19);
  });

  it("counts only stage entries made in the period and times the stints that began in it", async () => {
    const funnel = await getFunnelStats(manager, Q1);
    const of = (stage: string) => funnel.stages.find((row) => row.stage === stage);
    expect(of("P3")).toMatchObject({ reached: 1, avgDaysInStage: 85, medianDaysInStage: 85, conversionToNext: 0 });
    expect(of("P4")?.reached).toBe(0);
    expect(of("P7")?.reached).toBe(1);
    const calibration = await getCalibration(manager, Q1);
    expect(calibration.data.find((row) => row.stage === "P7")).toMatchObject({ reached: 1, won: 1, lost: 0, observedWinRate: 1 });
    expect(calibration.data.find((row) => row.stage === "P3")).toMatchObject({ reached: 1, won: 0, lost: 0, open: 1 });
  });

  it("without a period covers all history", async () => {
    const funnel = await getFunnelStats(manager);
    expect(funnel.monthly.map((row) => row.month)).toEqual(["2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(funnel.winRate).toBe(0.5);
    expect(funnel.stages.find((row) => row.stage === "P4")?.reached).toBe(1);
    expect(funnel.stages.find((row) => row.stage === "P7")?.reached).toBe(2);
  });

  it("keeps visibility: a rep of another team sees none of it", async () => {
    const funnel = await getFunnelStats(await contextOf(world.rep3.id), Q1);
    expect(funnel.monthly).toEqual([]);
    expect(funnel.winRate).toBeNull();
    expect(funnel.stages.every((row) => row.reached === 0)).toBe(true);
  });
});
