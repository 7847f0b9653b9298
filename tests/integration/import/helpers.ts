// Shared by the deal import tests: the gate world they import into, running an import to its end, and the
// org's forecast rollup compared before and after (the summary the board totals read, kept by statement triggers).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { createImportJob, getImportJob, startImport } from "@/lib/data/imports";
import type { Ctx } from "@/lib/permissions";
import { setFileStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { buildGateWorld, type GateWorld } from "../gates/world";

/**
 * The gate world (team North: manager, rep, rep2; team South: rep3) with three criteria — P2 needs a product
 * line (BLOCK) and warns without the project's initiation (APPROVAL, WARN); P3 needs "Design reviewed" ticked
 * (CHECKLIST) — and the reps' emails, which import rows name owners by.
 */
export async function buildDealImportWorld(): Promise<{ world: GateWorld; gates: Awaited<ReturnType<GateWorld["criterion"]>>[]; emails: Record<"rep" | "rep2" | "rep3", string> }> {
  setFileStorage(createLocalStorage(mkdtempSync(path.join(os.tmpdir(), "crm-deal-import-"))));
  const world = await buildGateWorld();
  const gates = [
    await world.criterion({ stage: "P2", kind: "REQUIRED_FIELDS", config: { fields: ["productLine"] } }),
    await world.criterion({ stage: "P2", kind: "APPROVAL", mode: "WARN", label: { en: "Project initiation", "zh-CN": "立项" } }),
    await world.criterion({ stage: "P3", kind: "CHECKLIST", label: { en: "Design reviewed", "zh-CN": "方案已评审" } }),
  ];
  const users = await db.user.findMany({ where: { id: { in: [world.rep.id, world.rep2.id, world.rep3.id] } }, select: { id: true, email: true } });
  const emailOf = (id: string) => users.find((user) => user.id === id)!.email;
  return { world, gates, emails: { rep: emailOf(world.rep.id), rep2: emailOf(world.rep2.id), rep3: emailOf(world.rep3.id) } };
}

export type DealImportWorld = Awaited<ReturnType<typeof buildDealImportWorld>>;

/** A short random tag keeping each test's external ids and names apart. */
export const tag = () => Math.random().toString(36).slice(2, 8);
/** The reason an import of deals.csv records on the stage history rows it writes. */
export const IMPORT_REASON = "Imported from deals.csv";
/** deals.csv with `header` and `lines`. */
export const dealCsv = (header: string, lines: string[]) => ({
  name: "deals.csv", mime: "text/csv", data: new TextEncoder().encode(`${[header, ...lines].join("\r\n")}\r\n`),
});

type ImportFile = { name: string; mime: string; data: Uint8Array };

/** Uploads `file` as a deal import, runs it in the foreground with its detected mapping, and returns the job. */
export async function importDeals(ctx: Ctx, file: ImportFile, options: { batchSize?: number } = {}) {
  const job = await createImportJob(ctx, "opportunity", file);
  await startImport(ctx, job.id, job.mapping, { runInBackground: false, ...options });
  return getImportJob(ctx, job.id);
}

type Rollup = Map<string, { count: number; amount: string }>;

/** The org's forecast rollup per cell. */
export async function readRollup(orgId: string): Promise<Rollup> {
  const rows = await db.opportunityRollup.findMany({ where: { orgId } });
  return new Map(rows.map((row) => [
    [row.ownerId, row.teamId, row.stage, row.closeMonth.toISOString(), row.category].join("|"),
    { count: Number(row.count), amount: row.amount.toString() },
  ]));
}

/** The cells that moved from `before` to `after`, with how much (count and amount). */
export function rollupDelta(before: Rollup, after: Rollup) {
  const delta = new Map<string, string>();
  for (const [key, cell] of after) {
    const old = before.get(key) ?? { count: 0, amount: "0" };
    if (cell.count !== old.count || cell.amount !== old.amount) delta.set(key, `${cell.count - old.count} ${(Number(cell.amount) - Number(old.amount)).toFixed(2)}`);
  }
  return [...delta.entries()].sort();
}
