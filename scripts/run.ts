// `npm start` / `npm run dev`: gets a database (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR),
// applies migrations, seeds a brand-new embedded database with the demo data, builds when the build is
// missing or older than the sources, then serves Next.js on PORT (default 3000).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { openDatabase, resolveDataDir } from "../lib/infra/database";
import { applyMigrations } from "../lib/infra/migrate";
import { startServerProcess, startServerWorkers, workerCount } from "./serve-workers";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const mode = process.argv[2] === "dev" ? "dev" : "start";
/** Turbopack's incremental build cache (next build writes it; a stale one can fail a build). */
const TURBOPACK_CACHE = path.join(".next", "cache", "turbopack");
const SOURCE_DIRS = ["app", "components", "lib", "messages", "public", "prisma"];
const SOURCE_FILES = ["next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      if (target.endsWith(path.join("lib", "generated"))) return;
      for (const entry of readdirSync(target)) visit(path.join(target, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].forEach(visit);
  return newest;
}

function isBuildCurrent(): boolean {
  const marker = path.join(".next", "BUILD_ID");
  return existsSync(marker) && statSync(marker).mtimeMs >= newestSourceMtime();
}

/** One secret per data directory, so sessions survive restarts and every instance on it agrees. */
function ensureAuthSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  try {
    process.loadEnvFile(".env");
  } catch {
    // no .env: defaults apply
  }
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = Number(process.env.PORT || 3000);
  const dataDir = resolveDataDir();

  const db = await openDatabase();
  console.log(db.isEmbedded ? `PostgreSQL (embedded) ready, data in ${dataDir}` : "Using the PostgreSQL server at DATABASE_URL");
  const applied = await applyMigrations(db.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  // Only the embedded database is ever seeded automatically: when brand-new, or when it holds no organization
  // at all (a first start interrupted before the seed committed). A DATABASE_URL server never is.
  if (db.isEmbedded) {
    const { hasAnyOrganization, seedDemoData } = await import("../prisma/seed");
    if (db.isFresh || !(await hasAnyOrganization(db.url))) {
      console.log("New database: loading the demo data…");
      await seedDemoData(db.url);
    }
  }

  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: ensureAuthSecret(dataDir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
  };
  if (mode === "start" && !isBuildCurrent()) {
    console.log("Building the app (first start or changed sources)…");
    const runBuild = () => spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    let build = runBuild();
    if (build.status !== 0 && existsSync(TURBOPACK_CACHE)) {
      // Turbopack's incremental build cache can go stale across source changes (a "ModuleId not found"
      // panic was seen after files moved): one more build from scratch before giving up.
      console.log("The build failed; retrying once without Turbopack's build cache…");
      rmSync(TURBOPACK_CACHE, { recursive: true, force: true });
      build = runBuild();
    }
    if (build.status !== 0) throw new Error("next build failed");
  }

  // next itself, not an npx wrapper, so stopping this process stops the server that holds the port.
  const args = [mode, "--port", String(port)];
  const workers = mode === "start" ? workerCount() : 1;
  const next = workers > 1 ? startServerWorkers(NEXT_BIN, args, env, workers) : startServerProcess(NEXT_BIN, args, env);
  next.onReady(() => {
    console.log(`
  CRM ready at http://localhost:${port}${workers > 1 ? ` (${workers} server processes)` : ""}
  Demo logins (password Demo-Pipeline-2026):
    admin@demo.test     admin
    manager@demo.test   manager, team North   (rep@demo.test, rep2@demo.test)
    manager2@demo.test  manager, team South   (rep3@demo.test)
    other@demo.test     admin of another org
`);
  });

  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    next.stop();
    await db.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.onExit((code) => void stop(code));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
