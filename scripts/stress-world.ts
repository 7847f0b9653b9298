// Shared by the stress and import scripts: a throw-away embedded PostgreSQL in a temp directory, migrated,
// with one organization (admin, manager, two reps in one team, an account) built by the test factories.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/infra/embedded-postgres";
import { applyMigrations } from "../lib/infra/migrate";

export async function startStressDatabase(name: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `crm-${name}-`));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_stress", isEphemeral: true });
  await applyMigrations(server.url);
  // lib/db reads DATABASE_URL when first imported, so the data layer is loaded only after this.
  process.env.DATABASE_URL = server.url;
  return {
    url: server.url,
    dir,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function buildStressWorld() {
  const { db } = await import("../lib/db");
  const { loadContext } = await import("../lib/data/users");
  const factories = await import("../tests/factories");
  const org = await factories.buildOrg(db);
  const [admin, manager, rep, rep2] = await Promise.all(
    (["ADMIN", "MANAGER", "REP", "REP"] as const).map((role) => factories.buildUser(db, org.id, { role })),
  );
  const team = await factories.buildTeam(db, org.id, { managerId: manager.id, memberIds: [rep.id, rep2.id] });
  const account = await factories.buildAccount(db, org.id, { ownerId: rep.id });
  const ctx = async (id: string) => {
    const loaded = await loadContext(id);
    if (!loaded) throw new Error(`no context for ${id}`);
    return loaded;
  };
  return {
    db, org, team, account, factories,
    admin: await ctx(admin.id), manager: await ctx(manager.id), rep: await ctx(rep.id), rep2: await ctx(rep2.id),
  };
}

export function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = Number(index >= 0 ? process.argv[index + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

export function readOption(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
