// The daily rescoring touches only what the calendar can move: open deals whose last activity is in the
// window where its credit fades (7–60 days), and open deals never scored; every other stored score stays.
import { beforeAll, describe, expect, it } from "vitest";
import { refreshOpenDealsHealth } from "@/lib/data/health-refresh-job";
import { db } from "@/lib/db";
import { buildGateWorld, type GateWorld, logActivity } from "../gates/world";

let world: GateWorld;
const DAY_MINUTES = 24 * 60;
const LONG_AGO = new Date("2020-01-01T00:00:00Z");

beforeAll(async () => {
  world = await buildGateWorld();
});

describe("the daily health rescoring", () => {
  it("rescores deals whose activity credit is fading and deals never scored, and leaves the rest", async () => {
    const fading = await world.deal("P2");
    const recent = await world.deal("P2");
    const stale = await world.deal("P2");
    const unscored = await world.deal("P2");
    const lost = await world.deal("LOST");
    await logActivity(world, fading.id, "VISIT", 20 * DAY_MINUTES);
    await logActivity(world, recent.id, "VISIT", 2 * DAY_MINUTES);
    await logActivity(world, stale.id, "VISIT", 100 * DAY_MINUTES);
    for (const deal of [fading, recent, stale, lost]) {
      await db.opportunityHealth.upsert({
        where: { opportunityId: deal.id },
        create: { orgId: world.org.id, opportunityId: deal.id, score: 1, grade: "C", computedAt: LONG_AGO },
        update: { score: 1, grade: "C", computedAt: LONG_AGO },
      });
    }
    await db.opportunityHealth.deleteMany({ where: { opportunityId: unscored.id } });

    await refreshOpenDealsHealth(new Date());

    const computedAt = async (id: string) => (await db.opportunityHealth.findUnique({ where: { opportunityId: id } }))?.computedAt.getTime();
    expect(await computedAt(fading.id)).toBeGreaterThan(LONG_AGO.getTime());
    expect(await computedAt(unscored.id)).toBeGreaterThan(LONG_AGO.getTime());
    expect(await computedAt(recent.id)).toBe(LONG_AGO.getTime());
    expect(await computedAt(stale.id)).toBe(LONG_AGO.getTime());
    expect(await computedAt(lost.id)).toBe(LONG_AGO.getTime());
  });
});
