// Import rows that change existing deals, applied a batch at a time (changeOpportunitiesByExternalId), leave
// every deal exactly as updateOpportunity then moveOpportunityToStage leave it row by row — fields, version,
// stage, history, gate exceptions and used approvals, field history, stored health, audit, forecast totals —
// refuse the same rows for the same reasons (a deal the importer cannot see as not found), write nothing when
// the same file comes again, apply a row whole or not at all, and never overwrite an edit made meanwhile.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelImport, createImportJob, getImportJob, startImport } from "@/lib/data/imports";
import { moveOpportunityToStage, updateOpportunity } from "@/lib/data/opportunities";
import {
  changeOpportunitiesByExternalId, type DealChange, findDealsByExternalId, importedDealPatch,
} from "@/lib/data/opportunity-batch-update";
import { type FieldError, isAppError } from "@/lib/errors";
import type { StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import { buildOpportunity } from "../../factories";
import { buildDealImportWorld, dealCsv, type DealImportWorld, IMPORT_REASON, importDeals, readRollup, rollupDelta, tag } from "./helpers";

let imports: DealImportWorld;
beforeAll(async () => {
  imports = await buildDealImportWorld();
});

const HEADER = "externalId,name,accountExternalId,amount,expectedCloseDate,stage,ownerEmail,productLine,lossReason,currency";
const CREATED_AT = new Date(Date.now() - 3 * 86_400_000);

type Owner = keyof DealImportWorld["emails"];
/** A deal as it starts, and what its import row says of it. */
type Case = {
  start: { stage: StageKey; productLine: string | null; owner?: Owner; team?: "north" | "south"; ticked?: boolean; approved?: boolean; reviewed?: boolean; deleted?: boolean };
  row: { name?: string; amount?: string; closeDate?: string; stage?: StageKey; owner?: Owner; productLine?: string; lossReason?: string; currency?: string };
};

/** Ten kinds of change (fields, moves forward, back and to LOST, each gate met and unmet), then the odd ones. */
function cases(count: number): Case[] {
  const kinds: ((i: number) => Case)[] = [
    (i) => ({ start: { stage: "P1", productLine: "Cloud ERP" }, row: { name: `Renamed ${i}` } }),
    (i) => ({ start: { stage: "P1", productLine: "Cloud ERP" }, row: { amount: `${120000 + i}.25`, closeDate: "2027-09-30" } }),
    () => ({ start: { stage: "P1", productLine: null }, row: { stage: "P2", productLine: "Cloud ERP" } }),
    () => ({ start: { stage: "P1", productLine: "Cloud ERP", approved: true }, row: { stage: "P2", amount: "90000.00" } }),
    () => ({ start: { stage: "P1", productLine: null }, row: { stage: "P2" } }),
    () => ({ start: { stage: "P2", productLine: "Cloud ERP", ticked: true }, row: { stage: "P3", closeDate: "2027-03-31" } }),
    () => ({ start: { stage: "P2", productLine: "Cloud ERP" }, row: { stage: "P3" } }),
    () => ({ start: { stage: "P2", productLine: "Cloud ERP", reviewed: true }, row: { stage: "LOST", lossReason: "Price", amount: "1.00" } }),
    () => ({ start: { stage: "P1", productLine: "Cloud ERP" }, row: { stage: "LOST", lossReason: "Price" } }),
    () => ({ start: { stage: "P2", productLine: "Cloud ERP" }, row: { stage: "P1", owner: "rep2" } }),
  ];
  return [
    ...Array.from({ length: count }, (_, i) => kinds[i % kinds.length](i)),
    { start: { stage: "P1", productLine: "Cloud ERP", owner: "rep3", team: "south" }, row: { name: "Not yours" } },
    { start: { stage: "P1", productLine: "Cloud ERP", deleted: true }, row: { amount: "5.00" } },
    { start: { stage: "P1", productLine: "Cloud ERP" }, row: { owner: "rep3", amount: "7.00" } },
    { start: { stage: "P1", productLine: "Cloud ERP" }, row: { currency: "USD" } },
    { start: { stage: "P1", productLine: "Cloud ERP" }, row: {} },
  ];
}

/** Builds one deal of `item` as it starts (ticks, approvals and reviews included) under `externalId`. */
async function buildCase(item: Case, externalId: string, name: string) {
  const { start } = item;
  const ownerId = imports.world[start.owner ?? "rep"].id;
  const deal = await buildOpportunity(db, {
    orgId: imports.world.org.id, accountId: imports.world.account.id, ownerId, teamId: imports.world[start.team ?? "north"].id, name, stage: start.stage,
    productLine: start.productLine, createdAt: CREATED_AT,
  });
  await db.opportunity.update({ where: { id: deal.id }, data: { externalId, ...(start.deleted ? { deletedAt: new Date() } : {}) } });
  if (start.ticked) await db.checklistTick.create({ data: { orgId: imports.world.org.id, criterionId: imports.gates[2].id, opportunityId: deal.id, tickedById: ownerId } });
  if (start.approved) {
    await db.approvalRequest.create({ data: { orgId: imports.world.org.id, opportunityId: deal.id, toStage: "P2", requestedById: ownerId, status: "APPROVED" } });
  }
  if (start.reviewed) {
    await db.closeOutReview.create({
      data: { opportunityId: deal.id, orgId: imports.world.org.id, outcome: "LOST", primaryReason: "PRICE", lessons: "Quote earlier.", authorId: ownerId },
    });
  }
  return deal;
}

/** The import row of `item` for a deal built by buildCase: every column, the deal's values where the row changes nothing. */
function lineOf(item: Case, externalId: string, name: string, accountExternalId: string): string {
  const { row, start } = item;
  return [externalId, row.name ?? name, accountExternalId, row.amount ?? "100000.00", row.closeDate ?? "2027-06-30", row.stage ?? start.stage,
    imports.emails[row.owner ?? start.owner ?? "rep"], row.productLine ?? "", row.lossReason ?? "", row.currency ?? ""].join(",");
}

function changeOf(item: Case, name: string): DealChange {
  const { row, start } = item;
  return {
    name: row.name ?? name, accountId: imports.world.account.id, amount: row.amount ?? "100000.00", expectedCloseDate: row.closeDate ?? "2027-06-30",
    stage: row.stage ?? start.stage, ownerId: imports.world[row.owner ?? start.owner ?? "rep"].id, productLine: row.productLine,
    lossReason: row.lossReason, currency: row.currency,
  };
}

const errorsOf = (error: unknown): FieldError[] => {
  if (!isAppError(error)) throw error;
  return error.errors?.length ? error.errors : [{ path: "(row)", message: error.message }];
};

/** What the import did before its batch form: updateOpportunity, then moveOpportunityToStage, each its own transaction. */
async function applyRowByRow(ctx: Ctx, id: string, change: DealChange): Promise<FieldError[] | null> {
  const deal = await db.opportunity.findUniqueOrThrow({ where: { id } });
  if (deal.deletedAt) return [{ path: "externalId", message: "This deal is in the recycle bin; restore it first." }];
  const patch = importedDealPatch(deal, change);
  let version = deal.version;
  try {
    if (Object.keys(patch).length) version = (await updateOpportunity(ctx, id, { ...patch, version })).version;
    if (change.stage && change.stage !== deal.stage) {
      await moveOpportunityToStage(ctx, id, { to: change.stage, version, lossReason: change.lossReason ?? null, reason: IMPORT_REASON });
    }
    return null;
  } catch (error) {
    return errorsOf(error);
  }
}

const importFile = (ctx: Ctx, lines: string[], options: { batchSize?: number } = {}) => importDeals(ctx, dealCsv(HEADER, lines), options);
const rollup = () => readRollup(imports.world.org.id);

/** Everything a change of a deal writes, ids and instants left out. */
async function describeDeal(id: string) {
  const deal = await db.opportunity.findUniqueOrThrow({
    where: { id },
    include: {
      stageChanges: { orderBy: [{ at: "asc" }, { id: "asc" }] }, health: true, gateExceptions: { select: { criterionId: true } },
      fieldChanges: { orderBy: { field: "asc" } }, approvalRequests: { select: { status: true } },
    },
  });
  const audits = await db.auditLog.findMany({
    where: { orgId: imports.world.org.id, entityId: id, action: { in: ["opportunity.update", "opportunity.stageMove"] } },
    select: { actorId: true, action: true, before: true, after: true }, orderBy: { action: "desc" },
  });
  return {
    fields: [deal.name, deal.accountId, deal.ownerId, deal.teamId, deal.productLine, deal.amount.toString(), deal.currency,
      deal.expectedCloseDate.toISOString(), deal.stage, deal.lossReason, deal.version, deal.deletedAt === null],
    history: deal.stageChanges.map((change) => [change.fromStage, change.toStage, change.byUserId, change.amount.toString(),
      change.probability.toString(), change.lossReason, change.reason, change.at.getTime() === deal.stageEnteredAt.getTime()]),
    health: deal.health ? [deal.health.score, deal.health.grade] : null,
    exceptions: deal.gateExceptions.map((exception) => exception.criterionId),
    approvals: deal.approvalRequests.map((request) => request.status),
    fieldChanges: deal.fieldChanges.map((change) => [change.field, change.before, change.after, change.byUserId]),
    audits: audits.map((audit) => [audit.actorId, audit.action, audit.before, audit.after]),
  };
}

describe("importing changes to existing deals a batch at a time", () => {
  it("leaves every deal as updateOpportunity and moveOpportunityToStage do row by row, refusing the same rows for the same reasons", async () => {
    const t = tag();
    await db.account.update({ where: { id: imports.world.account.id }, data: { externalId: `ACC-${t}` } });
    const all = cases(100);
    const pairs = [];
    for (const [i, item] of all.entries()) {
      const name = `Deal ${t} ${i}`;
      pairs.push({ item, name, batch: await buildCase(item, `${t}-${i}`, name), single: await buildCase(item, `single-${t}-${i}`, name) });
    }
    const before = await rollup();
    const job = await importFile(imports.world.ctx.manager, pairs.map(({ item, name }, i) => lineOf(item, `${t}-${i}`, name, `ACC-${t}`)), { batchSize: 40 });
    const afterBatch = await rollup();
    const single = new Map<number, FieldError[]>();
    for (const [i, { item, name, single: deal }] of pairs.entries()) {
      const errors = await applyRowByRow(imports.world.ctx.manager, deal.id, changeOf(item, name));
      if (errors) single.set(i + 2, errors);
    }
    const afterSingle = await rollup();

    const rejected = await db.importRejectedRow.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: "asc" } });
    expect(new Map(rejected.map((row) => [row.rowNumber, row.errors]))).toEqual(single);
    // The last case, a row repeating the deal as it is, changes nothing: counted unchanged, not updated.
    expect(job).toMatchObject({ status: "COMPLETED", createdCount: 0, updatedCount: all.length - single.size - 1, unchangedCount: 1, rejectedCount: single.size });
    // Every kind of refusal is in the sample, each with its own reason.
    const reasons = JSON.stringify(rejected.map((row) => row.errors));
    for (const reason of [imports.gates[0].id, imports.gates[2].id, "closeOut.primaryReason", "Opportunity not found.", "recycle bin",
      "You may not assign this deal to that owner or team.", "Deals are recorded in the organization's currency"]) {
      expect(reasons).toContain(reason);
    }

    for (const { batch, single: twin } of pairs) expect(await describeDeal(batch.id)).toEqual(await describeDeal(twin.id));
    const moved = pairs.filter(({ item }, i) => item.row.stage && item.row.stage !== item.start.stage && !single.has(i + 2));
    expect(moved.length).toBeGreaterThan(30);
    expect(await db.auditLog.count({ where: { action: "opportunity.stage.import", entityId: { in: pairs.map(({ batch }) => batch.id) } } })).toBe(moved.length);
    expect(rollupDelta(before, afterBatch)).toEqual(rollupDelta(afterBatch, afterSingle));
  }, 120_000);

  it("changes nothing when the same change file is imported again", async () => {
    const t = tag();
    await db.account.update({ where: { id: imports.world.account.id }, data: { externalId: `ACC-${t}` } });
    const all = cases(40);
    const deals = [];
    for (const [i, item] of all.entries()) deals.push(await buildCase(item, `${t}-${i}`, `Deal ${t} ${i}`));
    const lines = all.map((item, i) => lineOf(item, `${t}-${i}`, `Deal ${t} ${i}`, `ACC-${t}`));
    const first = await importFile(imports.world.ctx.manager, lines);
    const ids = deals.map((deal) => deal.id);
    const state = async () => ({
      deals: await db.opportunity.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
      health: await db.opportunityHealth.findMany({ where: { opportunityId: { in: ids } }, orderBy: { opportunityId: "asc" } }),
      history: await db.stageChange.count({ where: { opportunityId: { in: ids } } }),
      fieldChanges: await db.opportunityFieldChange.count({ where: { opportunityId: { in: ids } } }),
      exceptions: await db.gateException.count({ where: { opportunityId: { in: ids } } }),
      audits: await db.auditLog.count({ where: { entityId: { in: ids } } }),
      dealCount: await db.opportunity.count({ where: { orgId: imports.world.org.id, externalId: { startsWith: `${t}-` } } }),
    });
    const once = await state();
    const again = await importFile(imports.world.ctx.manager, lines);
    expect(first.updatedCount).toBeGreaterThan(0);
    expect(again).toMatchObject({
      status: "COMPLETED", createdCount: 0, updatedCount: 0, unchangedCount: first.updatedCount + first.unchangedCount, rejectedCount: first.rejectedCount,
    });
    expect(await state()).toEqual(once);
  }, 60_000);

  it("applies a row whole or not at all: a refused move leaves the row's field changes out too, while the rest of the batch lands", async () => {
    const t = tag();
    const items: Case[] = [
      { start: { stage: "P2", productLine: "Cloud ERP" }, row: { stage: "P3", amount: "5.00", name: "Refused" } },
      { start: { stage: "P2", productLine: "Cloud ERP", ticked: true }, row: { stage: "P3", amount: "6.00", name: "Moved" } },
      { start: { stage: "P1", productLine: "Cloud ERP" }, row: { amount: "7.00" } },
    ];
    const deals = [];
    for (const [i, item] of items.entries()) deals.push(await buildCase(item, `${t}-${i}`, `Deal ${t} ${i}`));
    const existing = await findDealsByExternalId(imports.world.ctx.manager, items.map((_, i) => `${t}-${i}`));
    const outcomes = await db.$transaction((tx) => changeOpportunitiesByExternalId(tx, imports.world.ctx.manager, items.map((item, i) => ({
      deal: existing.get(`${t}-${i}`)!, change: changeOf(item, `Deal ${t} ${i}`),
    })), { stageReason: IMPORT_REASON }));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["rejected", "updated", "updated"]);
    const after = await db.opportunity.findMany({ where: { id: { in: deals.map((deal) => deal.id) } } });
    const byId = new Map(after.map((deal) => [deal.id, deal]));
    expect([byId.get(deals[0].id)!.name, byId.get(deals[0].id)!.amount.toString(), byId.get(deals[0].id)!.stage, byId.get(deals[0].id)!.version])
      .toEqual([`Deal ${t} 0`, "100000", "P2", 1]);
    expect(await db.opportunityFieldChange.count({ where: { opportunityId: deals[0].id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: deals[0].id } })).toBe(0);
    expect([byId.get(deals[1].id)!.name, byId.get(deals[1].id)!.amount.toString(), byId.get(deals[1].id)!.stage, byId.get(deals[1].id)!.version])
      .toEqual(["Moved", "6", "P3", 3]);
    expect([byId.get(deals[2].id)!.amount.toString(), byId.get(deals[2].id)!.version]).toEqual(["7", 2]);
  });

  it("runs two change files over the same deals at once, in opposite orders: both complete, every row whole, each write counted once", async () => {
    const t = tag();
    await db.account.update({ where: { id: imports.world.account.id }, data: { externalId: `ACC-${t}` } });
    const start: Case["start"] = { stage: "P1", productLine: "Cloud ERP" };
    const deals = [];
    for (let i = 0; i < 60; i++) deals.push(await buildCase({ start, row: {} }, `${t}-${i}`, `Deal ${t} ${i}`));
    // File A renames every deal "A i" at amount 100+i; file B, listing the deals backwards, "B i" at 200+i, each in
    // one batch (a batch locks its deals in id order, whatever the file's order).
    const fileOf = (label: string, base: number, order: number[]) => order.map((i) =>
      lineOf({ start, row: { name: `${label} ${i}`, amount: `${base + i}.00` } }, `${t}-${i}`, `Deal ${t} ${i}`, `ACC-${t}`));
    const forwards = deals.map((_, i) => i);
    const [a, b] = await Promise.all([
      importFile(imports.world.ctx.manager, fileOf("A", 100, forwards), { batchSize: 60 }),
      importFile(imports.world.ctx.manager, fileOf("B", 200, [...forwards].reverse()), { batchSize: 60 }),
    ]);
    for (const job of [a, b]) {
      expect(job).toMatchObject({ status: "COMPLETED", createdCount: 0, error: null });
      expect(job.updatedCount + job.unchangedCount + job.rejectedCount).toBe(60);
    }
    // A row refused is refused because the other file changed its deal after this batch read it: a conflict.
    const refusals = await db.importRejectedRow.findMany({ where: { jobId: { in: [a.id, b.id] } } });
    for (const row of refusals) expect(JSON.stringify(row.errors)).toMatch(/changed by someone else|version/i);

    const after = await db.opportunity.findMany({ where: { id: { in: deals.map((deal) => deal.id) } }, orderBy: { externalId: "asc" } });
    for (const deal of after) {
      const i = Number(deal.externalId!.split("-").at(-1));
      // Whole rows only: a deal carries one file's name and that same file's amount, or is untouched.
      expect([[`A ${i}`, `${100 + i}`], [`B ${i}`, `${200 + i}`], [`Deal ${t} ${i}`, "100000"]]).toContainEqual([deal.name, deal.amount.toString()]);
    }
    // Every row counted as updated wrote once: one version step and one audit entry each.
    const steps = after.reduce((sum, deal) => sum + deal.version - 1, 0);
    expect(steps).toBe(a.updatedCount + b.updatedCount);
    expect(await db.auditLog.count({ where: { action: "opportunity.update", entityId: { in: deals.map((deal) => deal.id) } } })).toBe(steps);
    expect(steps).toBeGreaterThanOrEqual(60);
  }, 60_000);

  it("runs a batch again when PostgreSQL ends it to break a deadlock with another writer", async () => {
    const t = tag();
    await db.account.update({ where: { id: imports.world.account.id }, data: { externalId: `ACC-${t}` } });
    const item: Case = { start: { stage: "P1", productLine: "Cloud ERP" }, row: { amount: "555.00" } };
    const deals: Awaited<ReturnType<typeof buildCase>>[] = [];
    for (let i = 0; i < 3; i++) deals.push(await buildCase(item, `${t}-${i}`, `Deal ${t} ${i}`));
    const job = await createImportJob(imports.world.ctx.manager, "opportunity", dealCsv(HEADER, deals.map((_, i) => lineOf(item, `${t}-${i}`, `Deal ${t} ${i}`, `ACC-${t}`))));
    // Another writer holds deal 1, waits until the batch (which holds the import's row) waits for it, then
    // writes the import's row itself: a deadlock. Its longer deadlock_timeout makes the batch the one ended.
    const isBatchWaiting = async () => (await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%' AND query LIKE '%"Opportunity"%'`)[0].n > 0;
    const other = db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL deadlock_timeout = '10s'`;
      await tx.$queryRaw`SELECT "id" FROM "Opportunity" WHERE "id" = ${deals[1].id}::uuid FOR UPDATE`;
      for (let i = 0; i < 500 && !(await isBatchWaiting()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await tx.importJob.update({ where: { id: job.id }, data: { error: null } });
    });
    await startImport(imports.world.ctx.manager, job.id, job.mapping, { runInBackground: false });
    await other;
    expect(await getImportJob(imports.world.ctx.manager, job.id)).toMatchObject({ status: "COMPLETED", updatedCount: 3, rejectedCount: 0, error: null });
    expect(await db.opportunity.count({ where: { id: { in: deals.map((deal) => deal.id) }, amount: "555", version: 2 } })).toBe(3);
  }, 30_000);

  it("resumes a stopped change file to the end, each deal changed once", async () => {
    const t = tag();
    await db.account.update({ where: { id: imports.world.account.id }, data: { externalId: `ACC-${t}` } });
    const item: Case = { start: { stage: "P0", productLine: "Cloud ERP" }, row: { amount: "321.00", stage: "P1" } };
    const deals = [];
    for (let i = 0; i < 60; i++) deals.push(await buildCase(item, `${t}-${i}`, `Deal ${t} ${i}`));
    const job = await createImportJob(imports.world.ctx.rep, "opportunity", dealCsv(HEADER, deals.map((_, i) => lineOf(item, `${t}-${i}`, `Deal ${t} ${i}`, `ACC-${t}`))));
    const running = startImport(imports.world.ctx.rep, job.id, job.mapping, { runInBackground: false, batchSize: 10 });
    for (let i = 0; i < 200 && (await getImportJob(imports.world.ctx.rep, job.id)).processedRows === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await cancelImport(imports.world.ctx.rep, job.id);
    await running;
    const stopped = await getImportJob(imports.world.ctx.rep, job.id);
    expect(stopped.status).toBe("CANCELLED");
    expect(stopped.processedRows).toBeLessThan(60);
    const ids = deals.map((deal) => deal.id);
    // What the progress shows is exactly what is written: whole batches, every row of them whole.
    const changed = () => db.opportunity.count({ where: { id: { in: ids }, stage: "P1", amount: "321", version: 3 } });
    expect(await changed()).toBe(stopped.processedRows);
    expect(await db.opportunity.count({ where: { id: { in: ids }, version: 1 } })).toBe(60 - stopped.processedRows);

    await startImport(imports.world.ctx.rep, job.id, job.mapping, { runInBackground: false, batchSize: 10 });
    expect(await getImportJob(imports.world.ctx.rep, job.id)).toMatchObject({ status: "COMPLETED", processedRows: 60, updatedCount: 60, rejectedCount: 0 });
    expect(await changed()).toBe(60);
    expect(await db.stageChange.count({ where: { opportunityId: { in: ids } } })).toBe(120);
    expect(await db.auditLog.count({ where: { action: "opportunity.update", entityId: { in: ids } } })).toBe(60);
    expect(await db.auditLog.count({ where: { action: "opportunity.stageMove", entityId: { in: ids } } })).toBe(60);
  });

  it("refuses a deal the importer cannot see as not found, revealing nothing of it and changing nothing", async () => {
    const t = tag();
    await db.account.update({ where: { id: imports.world.account.id }, data: { externalId: `ACC-${t}` } });
    const hidden: Case = { start: { stage: "P1", productLine: "Cloud ERP", owner: "rep3", team: "south" }, row: { name: "Taken over", stage: "P0" } };
    const deal = await buildCase(hidden, `${t}-0`, `Secret ${t}`);
    const job = await importFile(imports.world.ctx.rep, [lineOf(hidden, `${t}-0`, `Secret ${t}`, `ACC-${t}`)]);
    expect(job).toMatchObject({ status: "COMPLETED", createdCount: 0, updatedCount: 0, rejectedCount: 1 });
    const [rejected] = await db.importRejectedRow.findMany({ where: { jobId: job.id } });
    expect(rejected.errors).toEqual([{ path: "(row)", message: "Opportunity not found." }]);
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ name: `Secret ${t}`, stage: "P1", version: 1 });
    expect(await db.auditLog.count({ where: { entityId: deal.id } })).toBe(0);
  });

  it("never overwrites an edit made after the batch read the deal: the row is refused as a conflict and the edit stays", async () => {
    const t = tag();
    const items: Case[] = [
      { start: { stage: "P1", productLine: "Cloud ERP" }, row: { amount: "11.00", stage: "P0" } },
      { start: { stage: "P1", productLine: "Cloud ERP" }, row: { amount: "12.00" } },
    ];
    const deals = [];
    for (const [i, item] of items.entries()) deals.push(await buildCase(item, `${t}-${i}`, `Deal ${t} ${i}`));
    const existing = await findDealsByExternalId(imports.world.ctx.manager, items.map((_, i) => `${t}-${i}`));
    await updateOpportunity(imports.world.ctx.rep, deals[0].id, { productLine: "Edited meanwhile", version: 1 });
    const outcomes = await db.$transaction((tx) => changeOpportunitiesByExternalId(tx, imports.world.ctx.manager, items.map((item, i) => ({
      deal: existing.get(`${t}-${i}`)!, change: changeOf(item, `Deal ${t} ${i}`),
    })), { stageReason: IMPORT_REASON }));
    expect(outcomes[0]).toEqual({ kind: "rejected", errors: [{ path: "(row)", message: "This opportunity was changed by someone else. Reload and try again." }] });
    expect(outcomes[1]).toEqual({ kind: "updated" });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: deals[0].id } }))
      .toMatchObject({ productLine: "Edited meanwhile", amount: expect.objectContaining({}), stage: "P1", version: 2 });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: deals[0].id } })).amount.toString()).toBe("100000");
  });

  it("holds the batch's deals locked: an edit racing the batch waits for it, then gets a 409 instead of overwriting it", async () => {
    const t = tag();
    const item: Case = { start: { stage: "P1", productLine: "Cloud ERP" }, row: { amount: "13.00" } };
    const deal = await buildCase(item, `${t}-0`, `Deal ${t} 0`);
    const existing = await findDealsByExternalId(imports.world.ctx.manager, [`${t}-0`]);
    let racing: Promise<unknown> | undefined;
    await db.$transaction(async (tx) => {
      await changeOpportunitiesByExternalId(tx, imports.world.ctx.manager, [{ deal: existing.get(`${t}-0`)!, change: changeOf(item, `Deal ${t} 0`) }], { stageReason: IMPORT_REASON });
      racing = updateOpportunity(imports.world.ctx.rep, deal.id, { amount: "99.00", version: 1 }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const error = await racing;
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    const after = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
    expect([after.amount.toString(), after.version]).toEqual(["13", 2]);
  });
});
