// Snapshots are frozen; a scheduled job runs once per run key even with concurrent runners; the field
// history written by updateOpportunity feeds the "close date pushed" and "amount cut" warnings.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getForecastAccuracy, listForecastSnapshots, submitForecast, takeWeeklySnapshots } from "@/lib/data/forecast-snapshots";
import { type JobDefinition, runJobOnce } from "@/lib/data/job-runner";
import { getOpportunity, updateOpportunity } from "@/lib/data/opportunities";
import { listPipelineColumn } from "@/lib/data/pipeline";
import { actOnWarning, listWarnings } from "@/lib/data/warnings";
import { currentQuarter, periodRange } from "@/lib/domain/forecast";
import { buildAccount, buildOpportunity, buildOrg, buildTeam, buildUser } from "../../factories";
import { contextOf } from "../data/world";

const NOW = new Date();
const period = currentQuarter(NOW);
const inQuarter = (periodRange(period) as { from: string; to: string }).to;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const org = await buildOrg(db);
  const [manager, rep, otherRep] = await Promise.all([
    buildUser(db, org.id, { role: "MANAGER" }), buildUser(db, org.id, { role: "REP" }), buildUser(db, org.id, { role: "REP" }),
  ]);
  const team = await buildTeam(db, org.id, { managerId: manager.id, memberIds: [rep.id] });
  const account = await buildAccount(db, org.id, { segment: "Strategic", region: "East" });
  const open = await buildOpportunity(db, { orgId: org.id, accountId: account.id, ownerId: rep.id, teamId: team.id, stage: "P3", amount: "1000.00", expectedCloseDate: inQuarter });
  const won = await buildOpportunity(db, { orgId: org.id, accountId: account.id, ownerId: rep.id, teamId: team.id, stage: "P7", amount: "500.00", expectedCloseDate: inQuarter });
  await buildOpportunity(db, { orgId: org.id, accountId: account.id, ownerId: otherRep.id, stage: "P6", amount: "700.00", expectedCloseDate: inQuarter });
  return { org, manager, rep, otherRep, team, open, won, ctx: { manager: await contextOf(manager.id), rep: await contextOf(rep.id), otherRep: await contextOf(otherRep.id) } };
}

beforeAll(async () => {
  world = await buildWorld();
});

describe("forecast snapshots", () => {
  it("freeze each rep's and team's forecast and refuse any later change", async () => {
    const count = await takeWeeklySnapshots(world.org.id, NOW);
    expect(count).toBe(3); // rep, otherRep, the team
    const mine = await submitForecast(world.ctx.rep, period);
    // P3 at 0.30 → 300.00, plus won 500.00 at 1.00.
    expect(mine).toMatchObject({ kind: "MANUAL", subjectId: world.rep.id, count: 2, amount: "1500.00", weightedAmount: "800.00" });
    await expect(db.forecastSnapshot.update({ where: { id: mine.id }, data: { weightedAmount: "1.00" } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE "ForecastSnapshot" SET count = 99 WHERE id = ${mine.id}::uuid`).rejects.toThrow(/immutable/);
    // Later deal changes leave the snapshot as it was.
    await db.opportunity.update({ where: { id: world.open.id }, data: { amount: "9999.00" } });
    const [again] = (await listForecastSnapshots(world.ctx.rep, period)).filter((snapshot) => snapshot.id === mine.id);
    expect(again.weightedAmount).toBe("800.00");
    await db.opportunity.update({ where: { id: world.open.id }, data: { amount: "1000.00" } });
  });

  it("show a rep only their own snapshots and a manager their team's", async () => {
    const repView = await listForecastSnapshots(world.ctx.rep, period);
    expect(repView.length).toBeGreaterThan(0);
    expect(repView.every((snapshot) => snapshot.subjectType === "USER" && snapshot.subjectId === world.rep.id)).toBe(true);
    const managerView = await listForecastSnapshots(world.ctx.manager, period);
    expect(managerView.some((snapshot) => snapshot.subjectType === "TEAM" && snapshot.subjectId === world.team.id)).toBe(true);
    expect(managerView.some((snapshot) => snapshot.subjectId === world.otherRep.id)).toBe(false);
  });

  it("measure accuracy against what was won", async () => {
    const accuracy = await getForecastAccuracy(world.ctx.rep, period);
    const manual = accuracy.data.find((entry) => entry.kind === "MANUAL");
    expect(manual).toMatchObject({ forecast: "800.00", won: "500.00", errorPct: 60 });
  });
});

describe("job runner", () => {
  it("runs a job once per run key even with two concurrent runners", async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: `test.once-${Date.now()}`,
      runKey: () => "2026-W48",
      run: async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
    const results = await Promise.all([runJobOnce(job, NOW), runJobOnce(job, NOW), runJobOnce(job, NOW)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(await runJobOnce(job, NOW)).toBe(false);
    const row = await db.jobRun.findUniqueOrThrow({ where: { name_runKey: { name: job.name, runKey: "2026-W48" } } });
    expect(row.status).toBe("done");
  });

  it("retries a failed run exactly once", async () => {
    let attempts = 0;
    const job: JobDefinition = {
      name: `test.retry-${Date.now()}`,
      runKey: () => "k",
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("boom");
      },
    };
    expect(await runJobOnce(job, NOW)).toBe(true);
    expect((await db.jobRun.findUniqueOrThrow({ where: { name_runKey: { name: job.name, runKey: "k" } } })).status).toBe("failed");
    const retried = await Promise.all([runJobOnce(job, NOW), runJobOnce(job, NOW)]);
    expect(retried.filter(Boolean)).toHaveLength(1);
    expect(attempts).toBe(2);
  });
});

describe("field history and warnings", () => {
  it("records amount and close-date changes in the update and warns on two pushes and a cut", async () => {
    const deal = await buildOpportunity(db, {
      orgId: world.org.id, accountId: (await db.account.findFirstOrThrow({ where: { orgId: world.org.id } })).id,
      ownerId: world.rep.id, teamId: world.team.id, stage: "P2", amount: "2000.00", expectedCloseDate: "2030-01-31",
    });
    let version = (await getOpportunity(world.ctx.rep, deal.id)).version;
    const rules = async () => (await listWarnings(world.ctx.rep, "mine", { includeDismissed: true })).filter((warning) => warning.opportunityId === deal.id).map((warning) => warning.rule);
    version = (await updateOpportunity(world.ctx.rep, deal.id, { version, expectedCloseDate: "2030-02-28" })).version;
    expect(await rules()).not.toContain("CLOSE_DATE_PUSHED");
    await updateOpportunity(world.ctx.rep, deal.id, { version, expectedCloseDate: "2030-03-31", amount: "1500.00" });
    const history = await db.opportunityFieldChange.findMany({ where: { opportunityId: deal.id }, orderBy: [{ field: "asc" }, { after: "asc" }] });
    expect(history.map(({ field, before, after, byUserId }) => ({ field, before, after, byUserId }))).toEqual([
      { field: "amount", before: "2000.00", after: "1500.00", byUserId: world.rep.id },
      { field: "expectedCloseDate", before: "2030-01-31", after: "2030-02-28", byUserId: world.rep.id },
      { field: "expectedCloseDate", before: "2030-02-28", after: "2030-03-31", byUserId: world.rep.id },
    ]);
    expect(await rules()).toEqual(expect.arrayContaining(["CLOSE_DATE_PUSHED", "AMOUNT_CUT"]));
    // Acknowledged warnings leave the feed for that user only.
    await actOnWarning(world.ctx.rep, { opportunityId: deal.id, rule: "AMOUNT_CUT", action: "acknowledge" });
    const visible = (await listWarnings(world.ctx.rep, "mine")).filter((warning) => warning.opportunityId === deal.id).map((warning) => warning.rule);
    expect(visible).toContain("CLOSE_DATE_PUSHED");
    expect(visible).not.toContain("AMOUNT_CUT");
    const managerSees = (await listWarnings(world.ctx.manager, "team")).filter((warning) => warning.opportunityId === deal.id).map((warning) => warning.rule);
    expect(managerSees).toContain("AMOUNT_CUT");
    // The board's card badge counts the same active warnings, per caller; a rep who cannot see the deal gets nothing.
    const badge = async (ctx: typeof world.ctx.rep) =>
      (await listPipelineColumn(ctx, "P2", { limit: 50 })).items.find((item) => item.id === deal.id)?.warningCount;
    expect(await badge(world.ctx.rep)).toBe(visible.length);
    expect(await badge(world.ctx.manager)).toBe(managerSees.length);
    expect(await badge(world.ctx.otherRep)).toBeUndefined();
    // A rep who cannot see the deal cannot act on its warnings.
    await expect(actOnWarning(world.ctx.otherRep, { opportunityId: deal.id, rule: "AMOUNT_CUT", action: "snooze" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
