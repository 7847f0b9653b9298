// `npm run bench:import -- [--rows 100000] [--entity account|opportunity] [--format csv|xlsx] [--changed 2000]`
// Times an import of N generated rows through the real import path (lib/data/imports: parse, check, write
// each batch through the batch forms of the domain functions, batch progress), on a throw-away embedded
// PostgreSQL; then imports the same file again and checks that nothing was duplicated. With --changed N (deals),
// the org then gets stage gates and a third file changes its first N rows — amounts, close dates, names and
// stage moves forward and back, some refused by a gate (changeOpportunitiesByExternalId) — and that change file
// is imported once more, which must write nothing. Prints progress and the load average while it runs.
import os from "node:os";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { buildStressWorld, readFlag, readOption, startStressDatabase } from "./stress-world";

async function main() {
  const rows = readFlag("rows", 100_000);
  const entity = readOption("entity", "account") as "account" | "opportunity";
  const format = readOption("format", "csv");
  const database = await startStressDatabase("bench-import");
  try {
    const world = await buildStressWorld();
    const { setFileStorage } = await import("../lib/storage");
    const { createLocalStorage } = await import("../lib/storage/local");
    setFileStorage(createLocalStorage(`${database.dir}/files`));
    const { createImportJob, getImportJob, startImport } = await import("../lib/data/imports");
    await world.db.account.update({ where: { id: world.account.id }, data: { externalId: "ACC-1" } });
    const header = entity === "account"
      ? ["externalId", "name", "industry", "region", "isKeyAccount"]
      : ["externalId", "name", "accountExternalId", "amount", "expectedCloseDate", "stage"];
    const stages = ["P0", "P1", "P2", "P3"];
    const makeRow = (i: number) => entity === "account"
      ? [`A-${i}`, `Account ${i}`, "Steel", i % 2 ? "East" : "North", i % 10 === 0 ? "yes" : "no"]
      : [`D-${i}`, `Deal ${i}`, "ACC-1", `${1000 + (i % 997)}.50`, "2027-06-30", stages[i % stages.length]];
    // A changed deal row, by i % 5: a new amount; a new amount and the next stage; a new close date and the next
    // stage; a new name; the stage before (back from P0 is forward to P1). P2 → P3 is refused by the P3 gate.
    const changeRow = (i: number) => {
      const [externalId, name, account, amount, closeDate, stage] = makeRow(i);
      const at = stages.indexOf(stage);
      const next = stages[Math.min(at + 1, stages.length - 1)];
      const back = at === 0 ? stages[1] : stages[at - 1];
      const bumped = `${1001 + (i % 997)}.50`;
      return [
        [externalId, name, account, bumped, closeDate, stage],
        [externalId, name, account, bumped, closeDate, next],
        [externalId, name, account, amount, "2027-09-30", next],
        [externalId, `${name} renamed`, account, amount, closeDate, stage],
        [externalId, name, account, amount, closeDate, back],
      ][i % 5];
    };
    const buildFile = async (changed: number): Promise<Uint8Array> => {
      const rowAt = (i: number) => (i < changed ? changeRow(i) : makeRow(i));
      if (format === "xlsx") {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("Import");
        sheet.addRow(header);
        for (let i = 0; i < rows; i++) sheet.addRow(rowAt(i));
        return new Uint8Array(await workbook.xlsx.writeBuffer());
      }
      const lines = [header.join(",")];
      for (let i = 0; i < rows; i++) lines.push(rowAt(i).join(","));
      return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
    };
    const data = await buildFile(0);
    console.log(`Generated ${rows.toLocaleString("en")} ${entity} rows as ${format} (${(data.byteLength / 1024 / 1024).toFixed(1)} MB).`);

    const runOnce = async (label: string, file = data) => {
      const started = performance.now();
      const job = await createImportJob(world.admin, entity, { name: `bench.${format}`, mime: "", data: file });
      const parsed = performance.now();
      const ticker = setInterval(() => {
        void getImportJob(world.admin, job.id).then((state) => {
          const seconds = (performance.now() - started) / 1000;
          console.log(`  ${label}: ${state.processedRows.toLocaleString("en")}/${state.totalRows.toLocaleString("en")} after ${seconds.toFixed(0)} s`);
        });
      }, 15_000);
      await startImport(world.admin, job.id, job.mapping, { runInBackground: false });
      clearInterval(ticker);
      const seconds = (performance.now() - started) / 1000;
      const done = await getImportJob(world.admin, job.id);
      console.log(`${label}: ${done.status} in ${seconds.toFixed(1)} s (upload+parse ${((parsed - started) / 1000).toFixed(1)} s) — ` +
        `${(rows / seconds).toFixed(0)} rows/s; created ${done.createdCount}, updated ${done.updatedCount}, rejected ${done.rejectedCount}.`);
      return done;
    };
    const load = () => os.loadavg().map((value) => value.toFixed(2)).join(" ");
    console.log(`Load average ${load()} (${os.cpus().length} cores).`);
    await runOnce("first import");
    await runOnce("same file again");
    const changed = Number(readOption("changed", "0"));
    if (entity === "opportunity" && changed > 0) {
      // Gates as an org sets them up: moves to P2 warn without a product line, moves to P3 need one (the bench's deals have none).
      for (const [stage, mode] of [["P2", "WARN"], ["P3", "BLOCK"]] as const) {
        await world.db.gateCriterion.create({
          data: { orgId: world.org.id, stage, kind: "REQUIRED_FIELDS", labelEn: "Product line", labelZh: "产品线", config: { fields: ["productLine"] }, mode, order: 1 },
        });
      }
      const changes = await buildFile(Math.min(changed, rows));
      await runOnce(`change file (${changed.toLocaleString("en")} rows change their deal)`, changes);
      const written = await fingerprint(world);
      await runOnce("same change file again", changes);
      const again = await fingerprint(world);
      console.log(`Changes written by the change file imported again: ${JSON.stringify(written) === JSON.stringify(again) ? "none" : "SOME — MISMATCH"} ` +
        `(versions ${again.versions}, history ${again.history}, field changes ${again.fieldChanges}, gate exceptions ${again.exceptions}, deal audit entries ${again.audits}).`);
    }
    console.log(`Load average ${load()}.`);
    const [{ rowsTotal, externalIds }] = entity === "account"
      ? await world.db.$queryRaw<{ rowsTotal: number; externalIds: number }[]>`
        SELECT count(*)::int AS "rowsTotal", count(DISTINCT "externalId")::int AS "externalIds" FROM "Account"
        WHERE "orgId" = ${world.org.id}::uuid AND "externalId" LIKE 'A-%'`
      : await world.db.$queryRaw<{ rowsTotal: number; externalIds: number }[]>`
        SELECT count(*)::int AS "rowsTotal", count(DISTINCT "externalId")::int AS "externalIds" FROM "Opportunity"
        WHERE "orgId" = ${world.org.id}::uuid AND "externalId" LIKE 'D-%'`;
    console.log(`Rows in the database after the imports: ${rowsTotal.toLocaleString("en")} (expected ${rows.toLocaleString("en")}); ` +
      `duplicates: ${(rowsTotal - externalIds).toLocaleString("en")}${rowsTotal === rows ? "" : " — MISMATCH"}.`);
    if (entity === "opportunity") {
      // Each imported deal: one creation history row, a stored health grade, one create audit entry (and one
      // stage-import entry when its row set a stage) — none of them doubled by the second import.
      const [history, health, audits] = await Promise.all([
        world.db.stageChange.count({ where: { orgId: world.org.id } }),
        world.db.opportunityHealth.count({ where: { orgId: world.org.id } }),
        world.db.auditLog.count({ where: { orgId: world.org.id, action: { in: ["opportunity.create", "opportunity.stage.import"] } } }),
      ]);
      console.log(`Stage history rows ${history.toLocaleString("en")}, health rows ${health.toLocaleString("en")}, deal audit entries ${audits.toLocaleString("en")}.`);
    }
    await world.db.$disconnect();
  } finally {
    await database.stop();
  }
}

/** What any write to the imported deals changes: their versions and last update, history, field history, gate exceptions, audit. */
async function fingerprint(world: Awaited<ReturnType<typeof buildStressWorld>>) {
  const [row] = await world.db.$queryRaw<{ versions: string; updatedAt: Date }[]>`
    SELECT sum("version")::text AS versions, max("updatedAt") AS "updatedAt" FROM "Opportunity" WHERE "orgId" = ${world.org.id}::uuid`;
  const where = { orgId: world.org.id };
  return {
    versions: row.versions, updatedAt: row.updatedAt.toISOString(),
    history: await world.db.stageChange.count({ where }), fieldChanges: await world.db.opportunityFieldChange.count({ where }),
    exceptions: await world.db.gateException.count({ where }),
    audits: await world.db.auditLog.count({ where: { ...where, action: { startsWith: "opportunity." } } }),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
