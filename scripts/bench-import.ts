// `npm run bench:import -- [--rows 100000] [--entity account|opportunity] [--format csv|xlsx] [--changed 2000]`
// Times an import of N generated rows through the real import path (lib/data/imports: parse, check, write
// each batch through the batch forms of the domain functions, batch progress), on a throw-away embedded
// PostgreSQL; then imports the same file again and checks that nothing was duplicated. With --changed N (deals),
// a third file changes the amount of its first N rows: those go row by row through updateOpportunity. Prints
// progress while it runs.
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
    const makeRow = (i: number, bump: number) => entity === "account"
      ? [`A-${i}`, `Account ${i}`, "Steel", i % 2 ? "East" : "North", i % 10 === 0 ? "yes" : "no"]
      : [`D-${i}`, `Deal ${i}`, "ACC-1", `${1000 + (i % 997) + bump}.50`, "2027-06-30", stages[i % stages.length]];
    const buildFile = async (changed: number): Promise<Uint8Array> => {
      const rowAt = (i: number) => makeRow(i, i < changed ? 1 : 0);
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
    await runOnce("first import");
    await runOnce("same file again");
    const changed = Number(readOption("changed", "0"));
    if (entity === "opportunity" && changed > 0) await runOnce(`again with ${changed} amounts changed`, await buildFile(Math.min(changed, rows)));
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
