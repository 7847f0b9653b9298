// The demo forecast data: quotas for every seller and team for this quarter and the next, and past weekly
// snapshots whose accuracy report is non-empty and exact (forecast vs what was won); the same input always
// gives the same rows.
import { beforeAll, describe, expect, it } from "vitest";
import { getForecastAccuracy } from "@/lib/data/forecast-snapshots";
import { listQuotaProgress } from "@/lib/data/quotas";
import { db } from "@/lib/db";
import { currentQuarter } from "@/lib/domain/forecast";
import type { Ctx } from "@/lib/permissions";
import { seedForecast } from "@/prisma/seed-forecast";
import { buildOpportunity } from "../../factories";
import { type ApiWorld, buildApiWorld, contextOf } from "../api/helpers";

let world: ApiWorld;
let admin: Ctx;
const now = Date.now();
const thisQuarter = currentQuarter(new Date(now));
const quarterAt = (offset: number) => {
  const date = new Date(now);
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
};
const lastQuarter = quarterAt(-1);
const dayIn = (period: string, month: number) => `${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + month).padStart(2, "0")}-15`;

beforeAll(async () => {
  world = await buildApiWorld();
  admin = await contextOf(world.admin.id);
  const deal = (stage: "P7" | "P4" | "LOST", amount: string, expectedCloseDate: string) =>
    buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, stage, amount, expectedCloseDate });
  const deals = [
    await deal("P7", "1200000.00", dayIn(lastQuarter, 2)),
    await deal("LOST", "900000.00", dayIn(lastQuarter, 2)),
    await deal("P4", "2000000.00", dayIn(thisQuarter, 3)),
  ];
  await seedForecast(db, {
    orgId: world.org.id, setById: world.admin.id, userIds: [world.rep.id, world.rep2.id], teamIds: [world.north.id], now,
    deals: deals.map((row) => ({ ownerId: row.ownerId, teamId: row.teamId, amount: row.amount.toString(), stage: row.stage as "P7" | "P4" | "LOST", expectedCloseDate: row.expectedCloseDate })),
  });
});

describe("seedForecast", () => {
  it("sets quotas for every seller and team for this quarter and the next, above what they can reach", async () => {
    const quotas = await db.quota.findMany({ where: { orgId: world.org.id }, orderBy: [{ period: "asc" }] });
    expect(quotas).toHaveLength(2 * 3);
    expect(new Set(quotas.map((quota) => quota.period))).toEqual(new Set([thisQuarter, quarterAt(1)]));
    const progress = await listQuotaProgress(admin, thisQuarter);
    const rep = progress.find((row) => row.subjectId === world.rep.id);
    // The P4 deal weighs 0.5 (default table): 1,000,000 × 1.2 = 1,200,000; nothing won yet this quarter.
    expect(rep?.quota).toBe("1200000.00");
    expect(progress.find((row) => row.subjectId === world.north.id)?.quota).toBe("1200000.00");
    expect(progress.find((row) => row.subjectId === world.rep2.id)?.quota).toBe("500000.00");
  });

  it("leaves last quarter's snapshots, whose accuracy compares them with what was won", async () => {
    const accuracy = await getForecastAccuracy(admin, lastQuarter);
    const rep = accuracy.data.filter((row) => row.subjectId === world.rep.id);
    expect(rep).toHaveLength(6);
    expect(rep.every((row) => row.won === "1200000.00")).toBe(true);
    // The rep is the second subject (after the team): 1,200,000 × 1.35 (first week's optimism) × 0.93 (their bias).
    expect(rep.map((row) => row.forecast)).toContain("1506600.00");
    expect(rep.some((row) => row.errorPct !== null && row.errorPct !== 0)).toBe(true);
    expect(accuracy.data.every((row) => new Date(row.snapshotAt).getTime() < now)).toBe(true);
  });
});
