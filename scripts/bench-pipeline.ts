// `npx tsx --conditions=react-server scripts/bench-pipeline.ts [--count 100000|1000000] [--iterations 100] [--data-dir DIR]`
// Times the pipeline board on a database of N opportunities: starts a throw-away embedded PostgreSQL in a
// temp directory, migrates it, bulk-inserts the deals in SQL, then reports p50/p95 of the board request
// (all column totals + first pages, lib/data/pipeline) and of one column page, next to the same totals
// computed by a bare SQL aggregate, with the ratio. Goal at 100,000: board p95 ≤ 100 ms, column page
// p95 ≤ 20 ms. lib/data is 'server-only': `--conditions=react-server` resolves that marker to its empty
// module, as inside Next (the same as scripts/bench.ts). With --data-dir the database is kept there and
// reused by the next run (no second bulk insert), for EXPLAIN sessions between runs.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/infra/embedded-postgres";
import { applyMigrations } from "../lib/infra/migrate";
import { benchDataDir, percentile, readFlag } from "./bench-common";
import { type BenchWorld, insertBenchData } from "./bench-pipeline-data";

type Timing = { name: string; samples: number[] };

async function measure(name: string, iterations: number, run: (iteration: number) => Promise<unknown>): Promise<Timing> {
  for (let warmup = 0; warmup < Math.min(10, iterations); warmup += 1) await run(warmup);
  const samples: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const start = performance.now();
    await run(iteration);
    samples.push(performance.now() - start);
  }
  return { name, samples };
}

const stats = ({ samples }: Timing) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
};

function report(timings: Timing[]) {
  console.table(timings.map((timing) => {
    const { p50, p95, max } = stats(timing);
    return { query: timing.name, n: timing.samples.length, "p50 ms": p50.toFixed(2), "p95 ms": p95.toFixed(2), "max ms": max.toFixed(2) };
  }));
}

async function main() {
  const count = readFlag("count", 100_000);
  const iterations = readFlag("iterations", 100);
  const { dir, keptDir } = benchDataDir("crm-bench-pipeline-");
  const worldFile = path.join(dir, `bench-world-${count}.json`);
  const server = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_bench", isEphemeral: true });
  const client = new pg.Client({ connectionString: server.url });
  try {
    await applyMigrations(server.url);
    await client.connect();
    let started = performance.now();
    let world: BenchWorld;
    if (keptDir && existsSync(worldFile)) {
      world = JSON.parse(readFileSync(worldFile, "utf8")) as BenchWorld;
      console.log(`Reusing the ${count.toLocaleString("en")} opportunities in ${dir}.`);
    } else {
      world = await insertBenchData(client, count);
      if (keptDir) writeFileSync(worldFile, JSON.stringify(world));
      console.log(`Inserted ${count.toLocaleString("en")} opportunities in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }

    // lib/db reads DATABASE_URL when first imported, so the data layer is loaded only now.
    process.env.DATABASE_URL = server.url;
    const { db } = await import("../lib/db");
    const { loadContext } = await import("../lib/data/users");
    const { getPipelineBoard, listPipelineColumn } = await import("../lib/data/pipeline");
    const { DEFAULT_STAGE_TABLE, STAGE_KEYS } = await import("../lib/domain/stages");
    const [admin, manager, rep] = await Promise.all([world.adminId, world.managerId, world.repId].map((id) => loadContext(id)));
    if (!admin || !manager || !rep) throw new Error("bench users have no context");

    // Cursors deep into the biggest column, to time pages far from the top as well as the first.
    const cursors: string[] = [];
    let cursor = (await getPipelineBoard(admin, { limit: 50 })).columns[1].nextCursor;
    for (let page = 0; page < 200 && cursor; page += 1) {
      cursors.push(cursor);
      cursor = (await listPipelineColumn(admin, "P1", { limit: 50, cursor })).nextCursor;
    }

    const probabilities = STAGE_KEYS.map((key) => `WHEN '${key}' THEN ${DEFAULT_STAGE_TABLE[key].probability}`).join(" ");
    const rawAggregate = () => client.query<{ stage: string; count: number; amount: string; weighted: string }>(
      `SELECT stage::text, count(*)::int AS count, sum(amount)::text AS amount,
              round(sum(amount) * CASE stage::text ${probabilities} END, 2)::text AS weighted
         FROM "Opportunity" WHERE "orgId" = $1 AND "deletedAt" IS NULL GROUP BY stage`, [world.orgId]);

    started = performance.now();
    const board = await getPipelineBoard(admin, { limit: 50 });
    console.log(`First board request: ${(performance.now() - started).toFixed(1)} ms.`);
    const raw = new Map((await rawAggregate()).rows.map((row) => [row.stage, row]));
    const mismatches = board.columns.filter((column) => {
      const row = raw.get(column.stage);
      return column.count !== (row?.count ?? 0) || column.amount !== (row?.amount ?? "0.00") || column.weightedAmount !== (row?.weighted ?? "0.00");
    });
    if (mismatches.length) throw new Error(`board totals differ from the raw aggregate in ${mismatches.map((column) => column.stage).join(", ")}`);
    console.table(board.columns.map(({ stage, count, amount, weightedAmount, items }) => ({ stage, count, amount, weightedAmount, cards: items.length })));

    console.log(`Timing ${iterations} iterations each (after 10 warm-ups)…`);
    const boardTiming = await measure("board, admin: totals + 9 first pages", iterations, () => getPipelineBoard(admin, { limit: 50 }));
    const rawTiming = await measure("raw SQL aggregate (same totals)", iterations, () => rawAggregate());
    const pageTiming = await measure("column page, admin, P1 (deep cursors)", iterations, (i) =>
      listPipelineColumn(admin, "P1", { limit: 50, cursor: cursors[i % cursors.length] }));
    const timings = [
      boardTiming, rawTiming, pageTiming,
      await measure("column page, admin, P1 first page", iterations, () => listPipelineColumn(admin, "P1", { limit: 50 })),
      await measure("board, manager (one team)", iterations, () => getPipelineBoard(manager, { limit: 50 })),
      await measure("board, rep (mine)", iterations, () => getPipelineBoard(rep, { limit: 50 })),
      await measure("board, admin, stalledOnly", iterations, () => getPipelineBoard(admin, { limit: 50, stalledOnly: true })),
      await measure("board, admin, segment + region", iterations, () =>
        getPipelineBoard(admin, { limit: 50, segment: "Strategic", region: "East" })),
      await measure("board, admin, q=\"steel\"", iterations, () => getPipelineBoard(admin, { limit: 50, q: "steel" })),
      // A deal number: a few deals match, so the cost is finding them, not summing thousands.
      await measure("board, admin, q=\"4242\"", iterations, () => getPipelineBoard(admin, { limit: 50, q: "4242" })),
      await measure("column page, admin, P1, q=\"4242\"", iterations, () => listPipelineColumn(admin, "P1", { limit: 50, q: "4242" })),
      await measure("column page, manager, P1 first page", iterations, () => listPipelineColumn(manager, "P1", { limit: 50 })),
      // A scrollbar dragged to the middle of the column: the page at that position (?offset=), not a walk.
      await measure("column page, admin, P1 middle (offset)", iterations, () =>
        listPipelineColumn(admin, "P1", { limit: 50, offset: Math.floor(board.columns[1].count / 2) })),
      await measure("column page, admin, P1 middle, 200 (offset)", iterations, () =>
        listPipelineColumn(admin, "P1", { limit: 200, offset: Math.floor(board.columns[1].count / 2) })),
    ];
    report(timings);
    const boardP95 = stats(boardTiming).p95;
    const rawP95 = stats(rawTiming).p95;
    const pageP95 = stats(pageTiming).p95;
    console.log(`Board p95 ${boardP95.toFixed(1)} ms vs raw aggregate p95 ${rawP95.toFixed(1)} ms: ratio ${(boardP95 / rawP95).toFixed(2)}×.`);
    const verdict = (isMet: boolean) => (count > 100_000 ? "(the goal is set at 100,000)" : isMet ? "met" : "NOT met");
    console.log(`Goal at 100,000: board p95 ≤ 100 ms — ${verdict(boardP95 <= 100)}; column page p95 ≤ 20 ms — ${verdict(pageP95 <= 20)}.`);
    await db.$disconnect();
  } finally {
    await client.end().catch(() => {});
    await server.stop();
    if (!keptDir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  // The migration engine's connection pool idles for a few seconds before closing; don't wait for it.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
