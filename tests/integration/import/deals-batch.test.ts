// Deals imported a batch at a time (createOpportunitiesByExternalId) end up exactly as createOpportunity
// leaves them row by row — stage, history, gate exceptions, stored health grade, audit, forecast totals — and
// the import stays idempotent: the same file again creates nothing, a refused row is reported while the rest of
// its batch lands, a stopped import resumes without duplicates, and two runs of one file never create a deal twice.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildRejectedReport, cancelImport, createImportJob, getImportJob, startImport } from "@/lib/data/imports";
import { createOpportunity } from "@/lib/data/opportunities";
import { isAppError } from "@/lib/errors";
import type { StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import type { GateWorld } from "../gates/world";
import { buildDealImportWorld, dealCsv, IMPORT_REASON, importDeals, readRollup, rollupDelta, tag } from "./helpers";

let world: GateWorld;
let gates: Awaited<ReturnType<GateWorld["criterion"]>>[];
let emails: Awaited<ReturnType<typeof buildDealImportWorld>>["emails"];

beforeAll(async () => {
  ({ world, gates, emails } = await buildDealImportWorld());
});

const HEADER = "externalId,name,accountExternalId,amount,expectedCloseDate,stage,ownerEmail,productLine,lossReason";
const csvFile = (lines: string[]) => dealCsv(HEADER, lines);
const REASON = IMPORT_REASON;

type DealRow = { externalId: string; name: string; amount: string; closeDate: string; stage: StageKey; owner: keyof typeof emails; productLine: string; lossReason: string };

/** A varied set of deals: stages P0–P2 and LOST (some refused by the P2 gate, some not yours to give), several owners, amounts and months. */
function dealRows(t: string, count: number): DealRow[] {
  const stages: StageKey[] = ["P0", "P1", "P2", "P2", "LOST"];
  const owners: (keyof typeof emails)[] = ["rep", "rep2", "rep", "rep3"];
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${t}-${i}`, name: `Deal ${t} ${i}`, amount: `${(i * 7919) % 3_000_000}.${String(i % 100).padStart(2, "0")}`,
    closeDate: `2027-${String((i % 12) + 1).padStart(2, "0")}-15`, stage: stages[i % stages.length], owner: owners[i % owners.length],
    productLine: i % 3 === 0 ? "" : "Cloud ERP", lossReason: stages[i % stages.length] === "LOST" ? "Price" : "",
  }));
}

const toLine = (accountExternalId: string) => (row: DealRow) =>
  [row.externalId, row.name, accountExternalId, row.amount, row.closeDate, row.stage, emails[row.owner], row.productLine, row.lossReason].join(",");

const importFile = (ctx: Ctx, lines: string[], options: { batchSize?: number } = {}) => importDeals(ctx, csvFile(lines), options);
const rollup = () => readRollup(world.org.id);

/** What a deal is once created, whatever path created it (ids and instants left out). */
async function describeDeal(id: string) {
  const deal = await db.opportunity.findUniqueOrThrow({
    where: { id },
    include: { stageChanges: true, health: true, gateExceptions: { select: { criterionId: true } } },
  });
  const audits = await db.auditLog.findMany({ where: { orgId: world.org.id, entityId: id, action: "opportunity.create" }, select: { actorId: true, after: true } });
  return {
    fields: [deal.name.replace(/ (batch|single) /, " "), deal.ownerId, deal.teamId, deal.productLine, deal.amount.toString(), deal.currency,
      deal.expectedCloseDate.toISOString(), deal.stage, deal.lossReason, deal.version, deal.decisionStage, deal.forecastCategory],
    history: deal.stageChanges.map((change) => [change.fromStage, change.toStage, change.byUserId, change.amount.toString(),
      change.probability.toString(), change.lossReason, change.reason, change.at.getTime() === deal.stageEnteredAt.getTime()]),
    health: deal.health ? [deal.health.score, deal.health.grade] : null,
    exceptions: deal.gateExceptions.map((exception) => exception.criterionId),
    audits: audits.map((audit) => [audit.actorId, JSON.stringify({ ...(audit.after as object), name: deal.name.replace(/ (batch|single) /, " ") })]),
  };
}

describe("importing deals a batch at a time", () => {
  it("leaves every deal as createOpportunity does row by row, refusing the same rows for the same reasons", async () => {
    const t = tag();
    await db.account.update({ where: { id: world.account.id }, data: { externalId: `ACC-${t}` } });
    const rows = dealRows(t, 120);
    const before = await rollup();
    const job = await importFile(world.ctx.manager, rows.map((row) => toLine(`ACC-${t}`)({ ...row, name: row.name.replace(`Deal ${t}`, `Deal batch ${t}`) })));
    const afterBatch = await rollup();

    // The same rows, one createOpportunity each (what the import did before the batch form).
    const singleOutcomes = new Map<string, unknown>();
    const singleIds = new Map<string, string>();
    for (const row of rows) {
      const ownerId = world[row.owner].id;
      try {
        const created = await createOpportunity(world.ctx.manager, {
          name: row.name.replace(`Deal ${t}`, `Deal single ${t}`), accountId: world.account.id, amount: row.amount, expectedCloseDate: row.closeDate,
          stage: row.stage, ownerId, productLine: row.productLine || undefined, lossReason: row.lossReason || undefined,
        }, { externalId: `single-${row.externalId}`, stageReason: REASON });
        singleIds.set(row.externalId, created.id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        singleOutcomes.set(row.externalId, error.errors?.length ? error.errors : [{ path: "(row)", message: error.message }]);
      }
    }
    const afterSingle = await rollup();

    const rejected = await db.importRejectedRow.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: "asc" } });
    expect(job).toMatchObject({ status: "COMPLETED", createdCount: singleIds.size, rejectedCount: singleOutcomes.size });
    // Both kinds of refusal are in the sample: the P2 gate (no product line) and an owner the manager may not assign.
    expect(rejected.some((row) => JSON.stringify(row.errors).includes(gates[0].id))).toBe(true);
    expect(rejected.some((row) => JSON.stringify(row.errors).includes("You may not create deals for this owner."))).toBe(true);
    expect(new Map(rejected.map((row) => [(row.values as string[])[0], row.errors]))).toEqual(singleOutcomes);

    const imported = await db.opportunity.findMany({ where: { orgId: world.org.id, externalId: { startsWith: `${t}-` } }, select: { id: true, externalId: true } });
    expect(imported.map((deal) => deal.externalId).sort()).toEqual([...singleIds.keys()].sort());
    const described = await Promise.all(imported.map((deal) => Promise.all([describeDeal(deal.id), describeDeal(singleIds.get(deal.externalId!)!)])));
    for (const [batch, single] of described) expect(batch).toEqual(single);
    // WARN criteria became exceptions of the creation on the P2 deals, and every imported stage is audited as imported.
    expect(await db.gateException.count({ where: { criterionId: gates[1].id, opportunityId: { in: imported.map((deal) => deal.id) } } }))
      .toBe(rows.filter((row) => row.stage === "P2" && singleIds.has(row.externalId)).length);
    expect(await db.auditLog.count({ where: { orgId: world.org.id, action: "opportunity.stage.import", entityId: { in: imported.map((deal) => deal.id) } } }))
      .toBe(imported.length);

    // The forecast totals moved by the same amounts either way, and still agree with the deals themselves.
    expect(rollupDelta(before, afterBatch)).toEqual(rollupDelta(afterBatch, afterSingle));
    const live = await db.opportunity.groupBy({ by: ["stage"], where: { orgId: world.org.id, deletedAt: null }, _count: true, _sum: { amount: true } });
    const summed = await db.opportunityRollup.groupBy({ by: ["stage"], where: { orgId: world.org.id }, _sum: { count: true, amount: true } });
    expect(Object.fromEntries(summed.filter((cell) => Number(cell._sum.count) > 0).map((cell) => [cell.stage, [Number(cell._sum.count), cell._sum.amount!.toString()]])))
      .toEqual(Object.fromEntries(live.map((cell) => [cell.stage, [cell._count, cell._sum.amount!.toString()]])));
  }, 120_000);

  it("creates nothing when the same file is imported again", async () => {
    const t = tag();
    await db.account.update({ where: { id: world.account.id }, data: { externalId: `ACC-${t}` } });
    const lines = dealRows(t, 120).filter((row) => row.owner !== "rep3" && row.productLine && row.stage !== "LOST").map(toLine(`ACC-${t}`));
    const first = await importFile(world.ctx.manager, lines);
    expect(first).toMatchObject({ status: "COMPLETED", createdCount: lines.length, rejectedCount: 0 });
    const where = { orgId: world.org.id, opportunity: { externalId: { startsWith: `${t}-` } } };
    const counts = async () => [
      await db.opportunity.count({ where: { orgId: world.org.id, externalId: { startsWith: `${t}-` } } }),
      await db.stageChange.count({ where }), await db.opportunityHealth.count({ where }),
      await db.auditLog.count({ where: { orgId: world.org.id, action: { startsWith: "opportunity." }, after: { path: ["name"], string_starts_with: `Deal ${t}` } } }),
    ];
    const once = await counts();
    expect(once.slice(0, 3)).toEqual([lines.length, lines.length, lines.length]);

    const again = await importFile(world.ctx.manager, lines);
    expect(again).toMatchObject({ status: "COMPLETED", createdCount: 0, updatedCount: 0, unchangedCount: lines.length, rejectedCount: 0 });
    expect(await counts()).toEqual(once);
  });

  it("rejects a gate-refused, wrong-currency or unknown-owner row with its reason while the rest of the batch lands", async () => {
    const t = tag();
    await db.account.update({ where: { id: world.account.id }, data: { externalId: `ACC-${t}` } });
    const file = {
      name: "deals.csv", mime: "text/csv", data: new TextEncoder().encode([
        "externalId,name,accountExternalId,amount,expectedCloseDate,stage,productLine,currency,ownerEmail",
        `${t}-1,Fine,ACC-${t},100,2027-03-31,P1,,,`,
        `${t}-2,Needs design review,ACC-${t},100,2027-03-31,P3,Cloud ERP,,`,
        `${t}-3,Dollars,ACC-${t},100,2027-03-31,P1,,USD,`,
        `${t}-4,Nobody's,ACC-${t},100,2027-03-31,P1,,,nobody-${t}@example.test`,
        `${t}-5,Also fine,ACC-${t},100,2027-03-31,P2,Cloud ERP,,`,
      ].join("\r\n")),
    };
    const job = await createImportJob(world.ctx.rep, "opportunity", file);
    await startImport(world.ctx.rep, job.id, job.mapping, { runInBackground: false });
    expect(await getImportJob(world.ctx.rep, job.id)).toMatchObject({ status: "COMPLETED", createdCount: 2, rejectedCount: 3 });
    const landed = await db.opportunity.findMany({ where: { orgId: world.org.id, externalId: { startsWith: `${t}-` } }, orderBy: { externalId: "asc" } });
    expect(landed.map((deal) => [deal.externalId, deal.stage])).toEqual([[`${t}-1`, "P1"], [`${t}-5`, "P2"]]);
    const report = (await buildRejectedReport(world.ctx.rep, job.id)).replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    expect(report.map((line) => line.split(",")[0])).toEqual(["3", "4", "5"]);
    expect(report[0]).toContain("gates: Design reviewed");
    expect(report[1]).toContain("currency: Deals are recorded in the organization's currency, CNY.");
    expect(report[2]).toContain("ownerEmail: No active user has this email.");
  });

  it("refuses a new deal at LOST, as creating one does without its close-out review (an import row carries none)", async () => {
    const t = tag();
    await db.account.update({ where: { id: world.account.id }, data: { externalId: `ACC-${t}` } });
    const job = await createImportJob(world.ctx.rep, "opportunity", csvFile([`${t}-1,Lost at once,ACC-${t},100,2027-03-31,LOST,,,Price`]));
    await startImport(world.ctx.rep, job.id, job.mapping, { runInBackground: false });
    expect(await getImportJob(world.ctx.rep, job.id)).toMatchObject({ status: "COMPLETED", createdCount: 0, rejectedCount: 1 });
    const report = (await buildRejectedReport(world.ctx.rep, job.id)).replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    expect(report[0]).toContain("closeOut.primaryReason: ");
    expect(await db.opportunity.count({ where: { orgId: world.org.id, externalId: `${t}-1` } })).toBe(0);
  });

  it("resumes a stopped import to the end without duplicating a deal, its history or its audit", async () => {
    const t = tag();
    await db.account.update({ where: { id: world.account.id }, data: { externalId: `ACC-${t}` } });
    const lines = Array.from({ length: 60 }, (_, i) => `${t}-${i},Stop ${t} ${i},ACC-${t},${1000 + i},2027-05-31,P1,,,`);
    const job = await createImportJob(world.ctx.rep, "opportunity", csvFile(lines));
    const running = startImport(world.ctx.rep, job.id, job.mapping, { runInBackground: false, batchSize: 10 });
    for (let i = 0; i < 200 && (await getImportJob(world.ctx.rep, job.id)).processedRows === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await cancelImport(world.ctx.rep, job.id);
    await running;
    const stopped = await getImportJob(world.ctx.rep, job.id);
    // The runner has let go: what the progress shows is what is saved, and Resume continues from there.
    expect(stopped).toMatchObject({ status: "CANCELLED", isStopping: false });
    expect(stopped.processedRows % 10).toBe(0);
    expect(stopped.processedRows).toBeLessThan(60);
    const deals = () => db.opportunity.findMany({ where: { orgId: world.org.id, externalId: { startsWith: `${t}-` } }, select: { id: true } });
    expect((await deals()).length).toBe(stopped.processedRows);

    await startImport(world.ctx.rep, job.id, job.mapping, { runInBackground: false, batchSize: 10 });
    expect(await getImportJob(world.ctx.rep, job.id)).toMatchObject({ status: "COMPLETED", processedRows: 60, createdCount: 60, rejectedCount: 0 });
    const ids = (await deals()).map((deal) => deal.id);
    expect(ids).toHaveLength(60);
    expect(await db.stageChange.count({ where: { opportunityId: { in: ids } } })).toBe(60);
    expect(await db.auditLog.count({ where: { action: "opportunity.create", entityId: { in: ids } } })).toBe(60);
    expect(await db.auditLog.count({ where: { action: "opportunity.stage.import", entityId: { in: ids } } })).toBe(60);
  });

  it("never creates a deal twice when two imports of one file run at once", async () => {
    const t = tag();
    await db.account.update({ where: { id: world.account.id }, data: { externalId: `ACC-${t}` } });
    const lines = Array.from({ length: 150 }, (_, i) => `${t}-${i},Race ${t} ${i},ACC-${t},${1000 + i},2027-05-31,P1,,,`);
    const jobs = await Promise.all([createImportJob(world.ctx.rep, "opportunity", csvFile(lines)), createImportJob(world.ctx.rep, "opportunity", csvFile(lines))]);
    await Promise.all(jobs.map((job) => startImport(world.ctx.rep, job.id, job.mapping, { runInBackground: false, batchSize: 50 })));
    const done = await Promise.all(jobs.map((job) => getImportJob(world.ctx.rep, job.id)));
    expect(done.map((job) => job.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(done[0].createdCount + done[1].createdCount).toBe(150);
    const ids = (await db.opportunity.findMany({ where: { orgId: world.org.id, externalId: { startsWith: `${t}-` } }, select: { id: true } })).map((deal) => deal.id);
    expect(ids).toHaveLength(150);
    expect(await db.stageChange.count({ where: { opportunityId: { in: ids } } })).toBe(150);
    expect(await db.auditLog.count({ where: { action: "opportunity.create", entityId: { in: ids } } })).toBe(150);
  });
});
