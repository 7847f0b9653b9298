// `npx tsx --conditions=react-server scripts/bench-forecast.ts [--count 1000000] [--iterations 100] [--data-dir DIR]`
// (also the last step of `npm run bench`, so `npm run bench -- --count 1000000` sizes it).
// Times the two aggregates issue 8 sets a goal for, on N opportunities (with their history in the summary
// cubes, which the triggers fill during the bulk insert): (a) a manager's forecast, team × quarter over a
// year (lib/data/forecast getForecast), and (b) the board's column totals (lib/data/pipeline
// getPipelineTotals) for the admin and the manager — each next to the same aggregate in raw SQL over the
// base table on the same database, with the ratio, after checking that both give the same figures.
// Goal at 1,000,000: both p95 ≤ 50 ms.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/infra/embedded-postgres";
import { applyMigrations } from "../lib/infra/migrate";
import { benchDataDir, percentile, readFlag } from "./bench-common";
import { type BenchWorld, insertBenchData } from "./bench-pipeline-data";

async function measure(iterations: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let warmup = 0; warmup < Math.min(10, iterations); warmup += 1) await run();
  const samples: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

async function main() {
  const count = readFlag("count", 100_000);
  const iterations = readFlag("iterations", 100);
  const { dir, keptDir } = benchDataDir("crm-bench-forecast-");
  const worldFile = path.join(dir, `bench-world-${count}.json`);
  const server = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_bench", isEphemeral: true });
  const client = new pg.Client({ connectionString: server.url });
  try {
    await applyMigrations(server.url);
    await client.connect();
    const started = performance.now();
    let world: BenchWorld;
    if (keptDir && existsSync(worldFile)) {
      world = JSON.parse(readFileSync(worldFile, "utf8")) as BenchWorld;
    } else {
      world = await insertBenchData(client, count);
      if (keptDir) writeFileSync(worldFile, JSON.stringify(world));
      console.log(`Inserted ${count.toLocaleString("en")} opportunities (cubes filled by the triggers) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    const { rows: [cubes] } = await client.query<{ cube: string; rollup: string }>(
      `SELECT (SELECT count(*) FROM "OpportunityCube")::text AS cube, (SELECT count(*) FROM "OpportunityRollup")::text AS rollup`);
    console.log(`Summary rows: fine cube ${cubes.cube}, rollup ${cubes.rollup}.`);

    process.env.DATABASE_URL = server.url;
    const { db } = await import("../lib/db");
    const { loadContext } = await import("../lib/data/users");
    const { getForecast } = await import("../lib/data/forecast");
    const { getPipelineTotals } = await import("../lib/data/pipeline");
    const { DEFAULT_STAGE_TABLE, STAGE_KEYS } = await import("../lib/domain/stages");
    const [admin, manager] = await Promise.all([loadContext(world.adminId), loadContext(world.managerId)]);
    if (!admin || !manager) throw new Error("bench users have no context");

    const today = new Date();
    const quarterStart = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1));
    const from = quarterStart.toISOString().slice(0, 10);
    const to = new Date(Date.UTC(quarterStart.getUTCFullYear() + 1, quarterStart.getUTCMonth(), 0)).toISOString().slice(0, 10);
    const probabilities = STAGE_KEYS.map((key) => `WHEN '${key}' THEN ${DEFAULT_STAGE_TABLE[key].probability}`).join(" ");

    // (a) The same forecast in raw SQL over the base table: the manager's visibility, P0–P7, the year.
    const rawForecast = () => client.query<{ team: string | null; quarter: string; count: number; amount: string; weighted: string }>(
      `SELECT o."teamId"::text AS team, to_char(o."expectedCloseDate", 'YYYY-"Q"Q') AS quarter, count(*)::int AS count,
              sum(o.amount)::text AS amount, round(sum(o.amount * CASE o.stage::text ${probabilities} END), 2)::text AS weighted
         FROM "Opportunity" o
        WHERE o."orgId" = $1 AND o."deletedAt" IS NULL AND o.stage <> 'LOST'
          AND o."expectedCloseDate" BETWEEN $2::date AND $3::date
          AND (o."ownerId" = $4 OR o."teamId" = ANY($5::uuid[])
               OR o.id = ANY(ARRAY(SELECT "opportunityId" FROM "OpportunityTeamMember" WHERE "orgId" = $1 AND "userId" = $4)))
        GROUP BY 1, 2`, [world.orgId, from, to, manager.userId, manager.managedTeamIds]);
    // (b) The board totals in raw SQL (as scripts/bench-pipeline.ts).
    const rawTotals = () => client.query<{ stage: string; count: number; amount: string; weighted: string }>(
      `SELECT stage::text, count(*)::int AS count, sum(amount)::text AS amount,
              round(sum(amount) * CASE stage::text ${probabilities} END, 2)::text AS weighted
         FROM "Opportunity" WHERE "orgId" = $1 AND "deletedAt" IS NULL GROUP BY stage`, [world.orgId]);

    const forecast = await getForecast(manager, { from, to, groupBy: ["team", "quarter"] });
    const raw = (await rawForecast()).rows;
    const rawByKey = new Map(raw.map((row) => [`${row.team ?? ""}|${row.quarter}`, row]));
    for (const row of forecast.rows) {
      const expected = rawByKey.get(row.key);
      if (!expected || expected.count !== row.count || expected.amount !== row.amount || expected.weighted !== row.weightedAmount) {
        throw new Error(`forecast cell ${row.key} differs from the raw SQL: ${JSON.stringify(row)} vs ${JSON.stringify(expected)}`);
      }
    }
    if (raw.length !== forecast.rows.length) throw new Error("forecast and raw SQL differ in their cells");
    console.log(`Manager forecast ${from} … ${to}, team × quarter: ${forecast.rows.length} cells, total ${forecast.total.weightedAmount} weighted — equal to the raw SQL.`);
    const totals = await getPipelineTotals(admin, {});
    const rawStages = new Map((await rawTotals()).rows.map((row) => [row.stage, row]));
    for (const column of totals) {
      const expected = rawStages.get(column.stage);
      if (column.count !== (expected?.count ?? 0) || column.amount !== (expected?.amount ?? "0.00") || column.weightedAmount !== (expected?.weighted ?? "0.00")) {
        throw new Error(`board totals of ${column.stage} differ from the raw SQL`);
      }
    }

    console.log(`Timing ${iterations} iterations each (after 10 warm-ups)…`);
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ["(a) manager forecast, team × quarter, 1 year", () => getForecast(manager, { from, to, groupBy: ["team", "quarter"] }), rawForecast],
      ["(b) board column totals, admin", () => getPipelineTotals(admin, {}), rawTotals],
      ["(b) board column totals, manager", () => getPipelineTotals(manager, {}), rawTotals],
    ];
    const results = [];
    for (const [name, fast, slow] of cases) {
      const fastSamples = await measure(iterations, fast);
      const rawSamples = await measure(Math.max(10, Math.floor(iterations / 4)), slow);
      results.push({
        query: name, "p50 ms": percentile(fastSamples, 50).toFixed(2), "p95 ms": percentile(fastSamples, 95).toFixed(2),
        "raw SQL p50 ms": percentile(rawSamples, 50).toFixed(2), "raw SQL p95 ms": percentile(rawSamples, 95).toFixed(2),
        "ratio (p95)": `${(percentile(fastSamples, 95) / percentile(rawSamples, 95)).toFixed(3)}×`,
        "goal p95 ≤ 50 ms": percentile(fastSamples, 95) <= 50 ? "met" : "NOT met",
      });
    }
    console.log(`${count.toLocaleString("en")} opportunities:`);
    console.table(results);
    await db.$disconnect();
  } finally {
    await client.end().catch(() => {});
    await server.stop();
    if (!keptDir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
