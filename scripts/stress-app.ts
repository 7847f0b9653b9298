// Shared by the stress scripts that drive the PRODUCTION server over HTTP (crash, load, instances):
// `scripts/run.ts start` on a given DATABASE_URL and port (it builds first when the build is stale), and
// API tokens for the stress world's users.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { createRequire } from "node:module";

/** `logFile`: where the server's stderr goes (default: this terminal). */
export async function startAppServer(
  databaseUrl: string, dataDir: string, port: number, env: Record<string, string> = {}, logFile?: string,
): Promise<ChildProcess> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const server = spawn(process.execPath, [tsx, "scripts/run.ts", "start"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, ...env },
    stdio: ["ignore", "ignore", logFile ? openSync(logFile, "a") : "inherit"],
  });
  const deadline = Date.now() + 15 * 60_000; // a build on a busy 2-core machine takes minutes
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const isUp = await fetch(`http://localhost:${port}/login`).then((response) => response.ok, () => false);
    if (isUp) return server;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not come up in 15 minutes");
}

export async function stopAppServer(server: ChildProcess | null): Promise<void> {
  if (!server || server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
    setTimeout(() => server.kill("SIGKILL"), 10_000).unref();
  });
}

/** Mints `count` API tokens for the given user context (through the data layer, as the UI does). */
export async function mintTokens(ctx: Parameters<typeof import("../lib/data/tokens").createApiToken>[0], count: number, label: string): Promise<string[]> {
  const { createApiToken } = await import("../lib/data/tokens");
  const tokens: string[] = [];
  for (let index = 0; index < count; index++) tokens.push((await createApiToken(ctx, { name: `${label} ${index + 1}` })).token);
  return tokens;
}
