import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { startEmbeddedPostgres } from "../lib/infra/embedded-postgres";
async function main() {
  const server = await startEmbeddedPostgres({ dataDir: "/tmp/fcb", databaseName: "crm_bench", isEphemeral: true });
  process.env.DATABASE_URL = server.url;
  const world = JSON.parse(readFileSync("/tmp/fcb/bench-world-100000.json", "utf8"));
  const { db } = await import("../lib/db");
  const { loadContext } = await import("../lib/data/users");
  const { aggregateVisibleDeals } = await import("../lib/data/forecast-cube");
  const { getStageTable } = await import("../lib/data/stage-config");
  const { STAGE_KEYS } = await import("../lib/domain/stages");
  const admin = (await loadContext(world.adminId))!;
  const manager = (await loadContext(world.managerId))!;
  const t = async (name: string, f: () => Promise<unknown>) => { for (let i = 0; i < 5; i++) await f(); const s = performance.now(); for (let i = 0; i < 20; i++) await f(); console.log(name, ((performance.now() - s) / 20).toFixed(2)); };
  await t("stageTable", () => getStageTable(admin));
  await t("select 1", () => db.$queryRawUnsafe("select 1"));
  await t("agg admin", () => aggregateVisibleDeals(admin, { stages: STAGE_KEYS, groupBy: [] }));
  await t("agg manager", () => aggregateVisibleDeals(manager, { stages: STAGE_KEYS, groupBy: [] }));
  await t("agg manager team quarter", () => aggregateVisibleDeals(manager, { stages: STAGE_KEYS, groupBy: ["team", "quarter"], closeFrom: "2026-10-01", closeTo: "2027-09-30" }));
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ANALYZE SELECT NULL::text AS k0, s.stage::text, NULLIF(s.category,'') AS override, SUM(s.count)::int, SUM(s.amount)::text FROM "OpportunityRollup" s WHERE s."orgId" = '${admin.orgId}'::uuid AND s.stage <> $$LOST$$ GROUP BY 1,2,3`);
  console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  await db.$disconnect(); await server.stop(); process.exit(0);
}
main();
