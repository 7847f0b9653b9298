// Import: CSV and .xlsx through the domain functions, idempotent by external id, row-level errors in the
// preview and the report, stage moves recorded as imports, and a cancelled import resumed without duplicates.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/v1/imports/route";
import * as rejectedRoute from "@/app/api/v1/imports/[id]/rejected.csv/route";
import { db } from "@/lib/db";
import {
  buildRejectedReport, cancelImport, createImportJob, getImportJob, previewImport, startImport,
} from "@/lib/data/imports";
import type { ImportEntity } from "@/lib/domain/import";
import type { Ctx } from "@/lib/permissions";
import { setFileStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { buildApiWorld, contextOf, expectProblem, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
let repCtx: Ctx;
let adminCtx: Ctx;
beforeAll(async () => {
  setFileStorage(createLocalStorage(mkdtempSync(path.join(os.tmpdir(), "crm-import-"))));
  world = await buildApiWorld();
  repCtx = await contextOf(world.rep.id);
  adminCtx = await contextOf(world.admin.id);
});

const tag = () => Math.random().toString(36).slice(2, 8);
const csvFile = (name: string, lines: string[]) => ({ name, mime: "text/csv", data: new TextEncoder().encode(`${lines.join("\r\n")}\r\n`) });

async function importFile(ctx: Ctx, entity: ImportEntity, file: ReturnType<typeof csvFile>) {
  const job = await createImportJob(ctx, entity, file);
  await startImport(ctx, job.id, job.mapping, { runInBackground: false });
  return getImportJob(ctx, job.id);
}

describe("importing accounts", () => {
  it("maps the columns, creates on the first import, and on the second updates the changed row and counts the other unchanged", async () => {
    const t = tag();
    const file = csvFile("accounts.csv", [
      "External ID,Name,Industry,Key account",
      `A-${t}-1,Alpha ${t},Steel,yes`,
      `A-${t}-2,"Beta, ${t}",Power,no`,
    ]);
    const first = await importFile(repCtx, "account", file);
    expect(first).toMatchObject({ status: "COMPLETED", totalRows: 2, processedRows: 2, createdCount: 2, updatedCount: 0, unchangedCount: 0, rejectedCount: 0 });
    expect(first.mapping).toMatchObject({ externalId: 0, name: 1, industry: 2, isKeyAccount: 3 });
    const second = await importFile(repCtx, "account", csvFile("accounts.csv", [
      "External ID,Name,Industry,Key account", `A-${t}-1,Alpha ${t} renamed,Steel,yes`, `A-${t}-2,"Beta, ${t}",Power,no`,
    ]));
    expect(second).toMatchObject({ status: "COMPLETED", createdCount: 0, updatedCount: 1, unchangedCount: 1 });
    const rows = await db.account.findMany({ where: { orgId: world.org.id, externalId: { startsWith: `A-${t}` } }, orderBy: { externalId: "asc" } });
    expect(rows.map((row) => [row.name, row.isKeyAccount, row.ownerId])).toEqual([
      [`Alpha ${t} renamed`, true, world.rep.id], [`Beta, ${t}`, false, world.rep.id],
    ]);
  });

  it("reads an .xlsx file the same way", async () => {
    const t = tag();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Accounts");
    sheet.addRow(["externalId", "name", "region"]);
    sheet.addRow([`X-${t}`, `Excel ${t}`, "East"]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const job = await importFile(repCtx, "account", { name: "accounts.xlsx", mime: "application/octet-stream", data });
    expect(job).toMatchObject({ status: "COMPLETED", createdCount: 1 });
    expect(await db.account.findFirst({ where: { orgId: world.org.id, externalId: `X-${t}` } })).toMatchObject({ name: `Excel ${t}`, region: "East" });
  });
});

describe("importing deals", () => {
  it("previews row-level errors, imports the good rows, reports the rejected ones, and records stages as imported", async () => {
    const t = tag();
    const account = await db.account.create({ data: { orgId: world.org.id, name: `Import target ${t}`, externalId: `ACC-${t}` } });
    const lines = [
      "externalId,name,accountExternalId,amount,expectedCloseDate,stage,ownerEmail",
      `D-${t}-1,Deal one,ACC-${t},1000.50,2027-03-31,P2,`,
      `D-${t}-2,Deal two,ACC-${t},abc,2027-03-31,,`,
      `D-${t}-3,Deal three,NOPE-${t},10,2027-03-31,,`,
      `D-${t}-1,Deal one again,ACC-${t},5,2027-03-31,,`,
      `D-${t}-5,Deal five,ACC-${t},10,2027-02-30,P9,nobody@example.test`,
    ];
    const job = await createImportJob(repCtx, "opportunity", csvFile("deals.csv", lines));
    const preview = await previewImport(repCtx, job.id, job.mapping);
    expect(preview).toMatchObject({ totalRows: 5, validRows: 1, rejectedRows: 4, missingFields: [] });
    expect(preview.errors.map((error) => [error.row, error.errors.map((e) => e.path).sort()])).toEqual([
      [3, ["amount"]], [4, ["accountExternalId"]], [5, ["externalId"]], // Row 6's owner is not looked up: a row failing its schema stops there.
      [6, ["expectedCloseDate", "stage"]],
    ]);
    expect(await db.opportunity.count({ where: { orgId: world.org.id, externalId: { startsWith: `D-${t}` } } })).toBe(0);

    await startImport(repCtx, job.id, job.mapping, { runInBackground: false });
    expect(await getImportJob(repCtx, job.id)).toMatchObject({ status: "COMPLETED", createdCount: 1, rejectedCount: 4 });
    const deal = await db.opportunity.findFirstOrThrow({ where: { orgId: world.org.id, externalId: `D-${t}-1` }, include: { stageChanges: true } });
    expect(deal).toMatchObject({ stage: "P2", ownerId: world.rep.id, accountId: account.id });
    expect(deal.stageChanges.map((change) => change.reason)).toEqual(["Imported from deals.csv"]);
    expect(await db.auditLog.count({ where: { orgId: world.org.id, action: "opportunity.stage.import", entityId: deal.id } })).toBe(1);

    const report = await buildRejectedReport(repCtx, job.id);
    const reportLines = report.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(reportLines[0]).toBe("row,errors,externalId,name,accountExternalId,amount,expectedCloseDate,stage,ownerEmail");
    expect(reportLines.slice(1).map((line) => line.split(",")[0])).toEqual(["3", "4", "5", "6"]);
    expect(reportLines[3]).toContain("The same external id is in row 2");

    // Same file again: the stage moves through moveOpportunityToStage only when it differs; nothing is duplicated.
    const again = await importFile(repCtx, "opportunity", csvFile("deals.csv", [lines[0], `D-${t}-1,Deal one,ACC-${t},1000.50,2027-03-31,P3,`]));
    expect(again).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const moved = await db.opportunity.findFirstOrThrow({ where: { orgId: world.org.id, externalId: `D-${t}-1` }, include: { stageChanges: { orderBy: { at: "asc" } } } });
    expect(moved.stage).toBe("P3");
    expect(moved.stageChanges.map((change) => [change.fromStage, change.toStage, change.reason])).toEqual([
      [null, "P2", "Imported from deals.csv"], ["P2", "P3", "Imported from deals.csv"],
    ]);
  });

  it("refuses deals a rep may not create for someone else, row by row", async () => {
    const t = tag();
    await db.account.create({ data: { orgId: world.org.id, name: `Other owner ${t}`, externalId: `ACC2-${t}` } });
    const manager = await db.user.findUniqueOrThrow({ where: { id: world.manager.id } });
    const job = await importFile(repCtx, "opportunity", csvFile("deals.csv", [
      "externalId,name,accountExternalId,amount,expectedCloseDate,ownerEmail",
      `E-${t},Not mine,ACC2-${t},10,2027-03-31,${manager.email}`,
    ]));
    expect(job).toMatchObject({ status: "COMPLETED", createdCount: 0, rejectedCount: 1 });
  });
});

describe("stopping an import", () => {
  it("cancels at a batch boundary and resumes to the end without duplicating a row", async () => {
    const t = tag();
    const lines = ["externalId,name", ...Array.from({ length: 60 }, (_, i) => `S-${t}-${i},Stop ${t} ${i}`)];
    const job = await createImportJob(adminCtx, "account", csvFile("stop.csv", lines));
    const running = startImport(adminCtx, job.id, job.mapping, { runInBackground: false, batchSize: 10 });
    // Cancel as soon as the first batch is committed.
    for (let i = 0; i < 200 && (await getImportJob(adminCtx, job.id)).processedRows === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await cancelImport(adminCtx, job.id);
    await running;
    const stopped = await getImportJob(adminCtx, job.id);
    expect(stopped.status).toBe("CANCELLED");
    expect(stopped.processedRows).toBeLessThan(60);
    expect(stopped.processedRows % 10).toBe(0);
    expect(await db.account.count({ where: { orgId: world.org.id, externalId: { startsWith: `S-${t}-` } } })).toBe(stopped.processedRows);

    await startImport(adminCtx, job.id, job.mapping, { runInBackground: false, batchSize: 10 });
    expect(await getImportJob(adminCtx, job.id)).toMatchObject({ status: "COMPLETED", processedRows: 60, createdCount: 60 });
    expect(await db.account.count({ where: { orgId: world.org.id, externalId: { startsWith: `S-${t}-` } } })).toBe(60);
  });
});

describe("the import API", () => {
  it("uploads over multipart, hides another user's import, and serves the report to its owner", async () => {
    const form = new FormData();
    form.append("file", new File([`externalId,name\r\nAPI-${tag()},Via API\r\n`], "a.csv", { type: "text/csv" }));
    const upload = await importsRoute.POST(
      new Request("http://localhost/api/v1/imports?entity=account", { method: "POST", headers: { authorization: `Bearer ${world.rep.token}` }, body: form }),
      { params: Promise.resolve({}) },
    );
    expect(upload.status).toBe(201);
    const job = (await upload.json()) as { id: string; headers: string[] };
    expect(job.headers).toEqual(["externalId", "name"]);
    const asOther = await rejectedRoute.GET(
      new Request(`http://localhost/api/v1/imports/${job.id}/rejected.csv`, { headers: { authorization: `Bearer ${world.rep2.token}` } }),
      { params: Promise.resolve({ id: job.id }) },
    );
    expect(asOther.status).toBe(404);
    const asOwner = await rejectedRoute.GET(
      new Request(`http://localhost/api/v1/imports/${job.id}/rejected.csv`, { headers: { authorization: `Bearer ${world.rep.token}` } }),
      { params: Promise.resolve({ id: job.id }) },
    );
    expect(asOwner.status).toBe(200);
    const bad = await importsRoute.POST(
      new Request("http://localhost/api/v1/imports?entity=account", {
        method: "POST", headers: { authorization: `Bearer ${world.rep.token}` },
        body: (() => { const f = new FormData(); f.append("file", new File(["x"], "a.pdf")); return f; })(),
      }),
      { params: Promise.resolve({}) },
    );
    const text = await bad.text();
    expectProblem({ status: bad.status, body: JSON.parse(text), headers: bad.headers }, 422);
  });
});
