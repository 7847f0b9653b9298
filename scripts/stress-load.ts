// `npm run stress:load -- [--duration 60] [--connections 10] [--deals 300] [--tokens 60] [--warmup 20] [--only "GET /forecast"]`
// A mixed read/write load with autocannon against the PRODUCTION server (`scripts/run.ts start`, built when
// stale) on a throw-away embedded PostgreSQL holding one org, a rep with `deals` deals and `tokens` API
// tokens of that rep. Each connection cycles through what the app's own screens ask for (6 reads, 2 writes):
//   GET /api/v1/pipeline?limit=0 (the board's column totals, as components/pipeline/board-api.ts asks),
//   GET /api/v1/pipeline/:stage (a column's first page of cards), GET /api/v1/forecast?rollingMonths=3,
//   GET /api/v1/opportunities (a list page), GET …/:id (a deal, twice), POST …/:id/activities (log an
//   activity), PATCH …/:id (a field edit with the version last read).
// Edits take a deal nobody else is editing from a shared queue and put it back with the version the answer
// carries, so a 409 would be a real lost-update guard firing, not the load script racing itself.
// API tokens are limited to 100 requests per 10 s each (lib/data/rate-limits.ts): the requests go round-robin
// over the token pool, enough for `tokens` × 10 req/s, so the limit is not what is measured (the output
// says so, and counts any 429). Reports throughput, p50/p95/p99 and non-2xx answers against the goal
// (200 req/s, p95 ≤ 100 ms, 0 errors), and the CPU time each request costs in the app server, PostgreSQL and
// the load generator (from /proc, so it holds on a busy shared machine); the numbers are reported, not asserted, except that any non-2xx
// answer or connection error makes the exit code non-zero.
import { type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../lib/infra/embedded-postgres";
import { mintTokens, startAppServer, stopAppServer } from "./stress-app";
import { buildStressWorld, percentile, readFlag, readOption, startStressDatabase } from "./stress-world";

type Context = Record<string, unknown>;
type LoadRequest = {
  /** Which kind of request (for --only); autocannon ignores it. */
  label: string;
  method: string; path: string; headers?: Record<string, string>; body?: string;
  setupRequest?: (request: LoadRequest, context: Context) => LoadRequest;
  onResponse?: (status: number, body: string, context: Context) => void;
};
type Histogram = { average: number; mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number; total: number };
type Result = {
  requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number;
  non2xx: number; statusCodeStats: Record<string, { count: number }>; duration: number; "1xx": number; "2xx": number; "3xx": number; "4xx": number; "5xx": number;
};
type Instance = { on: (event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void) => void };
type Autocannon = (options: Record<string, unknown>, callback: (error: Error | null, result: Result) => void) => Instance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// CPU time of process trees from /proc (Linux; 0 elsewhere): what each request costs, whatever else the shared
// machine is doing — the throughput ceiling on 2 cores is 2000 ms / (CPU ms per request).
const CLOCK_TICK_MS = 10;
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}
function treeCpuMs(root: number, skip: ReadonlySet<number> = new Set()): number {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (skip.has(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime + stime, plus cutime + cstime: the time of children that already exited (PostgreSQL backends end
      // when the pool drops an idle connection; without these, their work would vanish from the count).
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * CLOCK_TICK_MS;
    } catch {
      // the process ended meanwhile
    }
    stack.push(...childrenOf(pid));
  }
  return total;
}
function cpuSample(serverPid: number) {
  const own = process.cpuUsage();
  return {
    server: treeCpuMs(serverPid),
    // Everything else this script started: the embedded PostgreSQL (postmaster and its backends).
    database: childrenOf(process.pid).filter((pid) => pid !== serverPid).reduce((sum, pid) => sum + treeCpuMs(pid), 0),
    loadGenerator: (own.user + own.system) / 1000,
  };
}

async function main() {
  const duration = readFlag("duration", 60);
  const connections = readFlag("connections", 10);
  const dealCount = readFlag("deals", 300);
  const tokenCount = readFlag("tokens", 60);
  const warmupSeconds = readFlag("warmup", 20);
  const only = readOption("only", "");
  const database = await startStressDatabase("stress-load");
  let server: ChildProcess | null = null;
  try {
    const world = await buildStressWorld();
    const deals: { id: string; version: number }[] = [];
    for (let index = 0; index < dealCount; index++) {
      const deal = await world.factories.buildOpportunity(world.db, {
        orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.userId, teamId: world.team.id,
        stage: (["P0", "P1", "P2", "P3", "P4"] as const)[index % 5],
      });
      deals.push({ id: deal.id, version: deal.version });
    }
    // Scored as createOpportunity leaves a deal (the factory writes the rows directly): otherwise the server's
    // daily rescoring job would score every deal at start-up, inside the measured window.
    const { refreshDealHealth } = await import("../lib/data/health");
    await world.db.$transaction((tx) => refreshDealHealth(tx, world.org.id, deals.map((deal) => deal.id)));
    const tokens = await mintTokens(world.rep, tokenCount, "load");
    await world.db.$disconnect();
    const port = await findFreePort();
    server = await startAppServer(database.url, path.join(database.dir, "app"), port);
    console.log(`Production server on port ${port}; ${dealCount} deals, ${tokenCount} API tokens ` +
      `(limit 100 requests / 10 s per token → the pool allows ${tokenCount * 10} req/s, so the limit is not what is measured).`);

    let tokenTurn = 0;
    let dealTurn = 0;
    const bearer = () => `Bearer ${tokens[tokenTurn++ % tokens.length]}`;
    const someDeal = () => deals[dealTurn++ % deals.length];
    const free = [...deals];
    const byStatus = new Map<string, number>();
    const note = (label: string) => (status: number) => {
      const key = `${label} ${status}`;
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    };
    const read = (label: string, pathFor: () => string): LoadRequest => ({
      label, method: "GET", path: "/",
      setupRequest: (request) => ({ ...request, path: pathFor(), headers: { authorization: bearer() } }),
      onResponse: note(label),
    });
    let edits = 0;
    const stages = ["P0", "P1", "P2", "P3", "P4"];
    let stageTurn = 0;
    const mix: LoadRequest[] = [
      read("GET /pipeline?limit=0", () => "/api/v1/pipeline?limit=0"),
      read("GET /pipeline/:stage", () => `/api/v1/pipeline/${stages[stageTurn++ % stages.length]}`),
      read("GET /forecast", () => "/api/v1/forecast?rollingMonths=3"),
      read("GET /opportunities", () => "/api/v1/opportunities?limit=25"),
      read("GET /opportunities/:id", () => `/api/v1/opportunities/${someDeal().id}`),
      {
        label: "POST /opportunities/:id/activities", method: "POST", path: "/",
        setupRequest: (request) => ({
          ...request, path: `/api/v1/opportunities/${someDeal().id}/activities`,
          headers: { authorization: bearer(), "content-type": "application/json" },
          body: JSON.stringify({ type: "TECH_EXCHANGE", occurredAt: new Date().toISOString(), subject: "Load test exchange" }),
        }),
        onResponse: note("POST /opportunities/:id/activities"),
      },
      read("GET /opportunities/:id", () => `/api/v1/opportunities/${someDeal().id}`),
      {
        label: "PATCH /opportunities/:id", method: "PATCH", path: "/",
        setupRequest: (request, context) => {
          const deal = free.shift()!;
          context.deal = deal;
          return {
            ...request, path: `/api/v1/opportunities/${deal.id}`,
            headers: { authorization: bearer(), "content-type": "application/json" },
            body: JSON.stringify({ name: `Load edit ${++edits}`, version: deal.version }),
          };
        },
        onResponse: (status, body, context) => {
          note("PATCH /opportunities/:id")(status);
          const deal = context.deal as { id: string; version: number };
          if (status === 200) deal.version = (JSON.parse(body) as { version: number }).version;
          free.push(deal);
        },
      },
    ];

    // --only "<text>": just the requests whose label contains it, to see what one kind costs.
    const requests = only ? mix.filter((request) => request.label.includes(only)) : mix;
    if (!requests.length) throw new Error(`--only "${only}" matches none of: ${mix.map((request) => request.label).join(", ")}`);

    // A warm-up at full load, not counted: every server process compiles its hot code, and each of their pooled
    // connections prepares its statements. Its rate is printed, so a cold server's figure is not hidden.
    const warmup = await new Promise<Result>((resolve, reject) => autocannon({ url: `http://localhost:${port}`, connections, duration: warmupSeconds, requests },
      (error, result) => (error ? reject(error) : resolve(result))));
    console.log(`Warm-up: ${warmupSeconds} s at ${(warmup["2xx"] / warmup.duration).toFixed(1)} req/s (not counted).`);
    byStatus.clear();
    console.log(`Running ${duration} s with ${connections} connections…`);
    const latencies: number[] = [];
    // Answers per 10-s window, so a run can show whether the rate holds (a shared machine varies).
    const windows: number[][] = [];
    const startedAt = performance.now();
    const cpuBefore = cpuSample(server.pid!);
    const result = await new Promise<Result>((resolve, reject) => {
      const instance = autocannon({ url: `http://localhost:${port}`, connections, duration, requests, timeout: 30 },
        (error, outcome) => (error ? reject(error) : resolve(outcome)));
      instance.on("response", (_client, _status, _bytes, ms) => {
        latencies.push(ms);
        (windows[Math.floor((performance.now() - startedAt) / 10_000)] ??= []).push(ms);
      });
    });

    const cpuAfter = cpuSample(server.pid!);
    const total = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
    const rate = total / result.duration;
    latencies.sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
    console.log(`Requests: ${total} in ${result.duration.toFixed(1)} s → ${rate.toFixed(1)} req/s (goal ≥ 200).`);
    console.log(`Latency (${latencies.length} answers): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
      `max ${latencies.at(-1)?.toFixed(1)} ms (goal p95 ≤ 100 ms).`);
    // Whole windows only: the last answers arrive just after the run's end.
    console.log(`Per 10 s: ${windows.slice(0, Math.floor(duration / 10)).map((window) => `${(window.length / 10).toFixed(0)} req/s p95 ` +
      `${percentile(window.sort((a, b) => a - b), 95).toFixed(0)} ms`).join("; ")}.`);
    console.log(`Answers: ${[...byStatus].sort().map(([key, count]) => `${key}: ${count}`).join("; ")}`);
    const throttled = [...byStatus].filter(([key]) => key.endsWith(" 429")).reduce((sum, [, count]) => sum + count, 0);
    console.log(`Errors: ${result.non2xx} non-2xx (${throttled} of them 429), ${result.errors} connection errors, ${result.timeouts} timeouts (goal 0).`);
    const perRequest = (key: keyof typeof cpuAfter) => (cpuAfter[key] - cpuBefore[key]) / Math.max(1, total);
    const [serverMs, databaseMs, generatorMs] = [perRequest("server"), perRequest("database"), perRequest("loadGenerator")];
    const cpuMs = serverMs + databaseMs + generatorMs;
    console.log(`CPU per request: app server ${serverMs.toFixed(1)} ms, PostgreSQL ${databaseMs.toFixed(1)} ms, load generator ` +
      `${generatorMs.toFixed(1)} ms — ${cpuMs.toFixed(1)} ms in all, so ${os.cpus().length} idle cores would top out near ` +
      `${cpuMs > 0 ? ((os.cpus().length * 1000) / cpuMs).toFixed(0) : "?"} req/s.`);
    console.log(`Machine: ${os.cpus().length} cores, load average over the last minute ${os.loadavg()[0].toFixed(1)} (other work included).`);
    const isMet = rate >= 200 && p95 <= 100 && result.non2xx === 0 && result.errors === 0;
    console.log(isMet ? "Goal met." : "Goal NOT met (see the figures above; the machine is shared).");
    if (result.non2xx || result.errors) process.exitCode = 1;
  } finally {
    await stopAppServer(server);
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
