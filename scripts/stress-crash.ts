// `npm run stress:crash -- [--deals 200] [--workers 4] [--kill-after 80]`
// Crash safety through the API of the PRODUCTION server: a durable embedded PostgreSQL (fsync on) behind a
// small TCP relay (so the restarted server, on a new port, is reached at the same DATABASE_URL), one org and
// an API token; `workers` clients stream writes — create a deal (POST /api/v1/opportunities) then move it
// P0 → P1 (POST …/stage), each request with its own Idempotency-Key. After `kill-after` answers the
// PostgreSQL postmaster is killed with SIGKILL and restarted on the same data directory. Every request that
// got no 2xx is retried with the SAME key (a key whose first request died without an answer keeps answering
// 409 "in progress", as lib/data/idempotency.ts documents: the client then checks and, if the write is not
// there, sends it again under a new key). Then, read straight from the database:
//   every 2xx create is there exactly once; no name (one per key) appears twice; every deal has its creation
//   StageChange row and one row per move; stage and version agree with the history (version = 1 + moves);
//   every 2xx move has exactly one P0 → P1 row. Exits non-zero on any violation.
import { type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/infra/embedded-postgres";
import { applyMigrations } from "../lib/infra/migrate";
import { mintTokens, startAppServer, stopAppServer } from "./stress-app";
import { buildStressWorld, readFlag } from "./stress-world";

type Answer = { status: number; body: string };

/** Forwards every connection to the current PostgreSQL port; after a restart only the target changes. */
function startRelay(port: number, target: { port: number }) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    const close = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise<{ close: () => void }>((resolve) => server.listen(port, "127.0.0.1", () => resolve({
    close: () => { for (const socket of sockets) socket.destroy(); server.close(); },
  })));
}

async function main() {
  const deals = readFlag("deals", 200);
  const workers = readFlag("workers", 4);
  const killAfter = readFlag("kill-after", 80);
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-stress-crash-"));
  chmodSync(dir, 0o755);
  let database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_crash", isEphemeral: false });
  const target = { port: Number(new URL(database.url).port) };
  const relayPort = await findFreePort();
  const relay = await startRelay(relayPort, target);
  const relayed = new URL(database.url);
  relayed.port = String(relayPort);
  const url = relayed.toString();
  let server: ChildProcess | null = null;
  const violations: string[] = [];
  try {
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const world = await buildStressWorld();
    // API tokens are limited to 100 requests / 10 s each: a pool of the rep's tokens, round-robin (keys are the
    // user's, so a retry through another token of the same user still meets its key); a 429 waits and resends.
    const tokens = await mintTokens(world.rep, 20, "crash");
    let turn = 0;
    await world.db.$disconnect();
    const appPort = await findFreePort();
    const serverLog = path.join(os.tmpdir(), `crm-stress-crash-server-${process.pid}.log`);
    server = await startAppServer(url, path.join(dir, "app"), appPort, {}, serverLog);
    const base = `http://localhost:${appPort}/api/v1`;
    console.log(`Production server on port ${appPort} (its log: ${serverLog}); PostgreSQL (durable) behind a relay on ${relayPort}.`);

    let throttled = 0;
    const send = async (pathname: string, key: string, body: unknown): Promise<Answer> => {
      for (;;) {
        try {
          const response = await fetch(`${base}${pathname}`, {
            method: "POST",
            headers: { authorization: `Bearer ${tokens[turn++ % tokens.length]}`, "content-type": "application/json", "idempotency-key": key },
            body: JSON.stringify(body), signal: AbortSignal.timeout(30_000),
          });
          if (response.status === 429) {
            throttled++;
            await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get("retry-after") ?? 1)));
            continue;
          }
          return { status: response.status, body: await response.text() };
        } catch (error) {
          return { status: 0, body: String(error) };
        }
      }
    };
    const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

    type Deal = { index: number; name: string; createKey: string; create: Answer; id?: string; version?: number; moveKey?: string; move?: Answer };
    const all: Deal[] = [];
    let answers = 0;
    let crashed = false;
    let crashPromise: Promise<void> | null = null;
    const crash = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows: [{ setting }] } = await client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'data_directory'");
      await client.end();
      const pid = Number(readFileSync(path.join(setting, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      console.log(`kill -9 postmaster ${pid} after ${answers} answers.`);
      // Orphaned backends notice their postmaster's death and exit; until then the old shared memory is busy.
      for (let tries = 0; tries < 60; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        try {
          database = await startEmbeddedPostgres({ dataDir: dir, databaseName: "crm_crash", isEphemeral: false });
          break;
        } catch (error) {
          if (tries === 59) throw error;
        }
      }
      target.port = Number(new URL(database.url).port);
      console.log(`PostgreSQL restarted on the same data directory (port ${target.port}).`);
    };
    const body = (deal: Deal) => ({
      name: deal.name, accountId: world.account.id, amount: `${1000 + deal.index}.00`, expectedCloseDate: "2027-06-30", stage: "P0",
    });
    const move = (deal: Deal) => send(`/opportunities/${deal.id}/stage`, deal.moveKey!, { to: "P1", version: deal.version });
    const noteCreated = (deal: Deal) => {
      const created = JSON.parse(deal.create.body) as { id: string; version: number };
      deal.id = created.id;
      deal.version = created.version;
    };

    let next = 0;
    const count = () => {
      answers++;
      if (!crashed && answers >= killAfter) {
        crashed = true;
        crashPromise = crash();
      }
    };
    await Promise.all(Array.from({ length: workers }, async () => {
      while (next < deals) {
        const deal: Deal = { index: next, name: `Crash deal ${next} ${randomUUID().slice(0, 8)}`, createKey: randomUUID(), create: { status: -1, body: "" } };
        next++;
        all.push(deal);
        deal.create = await send("/opportunities", deal.createKey, body(deal));
        count();
        if (!ok(deal.create)) continue;
        noteCreated(deal);
        deal.moveKey = randomUUID();
        deal.move = await move(deal);
        count();
      }
    }));
    if (crashPromise) await crashPromise;
    const firstCreates = all.filter((deal) => ok(deal.create)).length;
    const firstMoves = all.filter((deal) => deal.move && ok(deal.move)).length;
    const failedAtFirst = all.filter((deal) => !ok(deal.create)).length + all.filter((deal) => deal.move && !ok(deal.move)).length;
    console.log(`Stream: ${all.length} creates (${firstCreates} 2xx), ${all.filter((deal) => deal.move).length} moves (${firstMoves} 2xx), ${failedAtFirst} without 2xx.`);
    const firstOkCreates = new Set(all.filter((deal) => ok(deal.create)).map((deal) => deal.index));
    const firstOkMoves = new Set(all.filter((deal) => deal.move && ok(deal.move)).map((deal) => deal.index));

    // Retries, after the restart: same key until an answer; a 409 "in progress" means: check, then a new key.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    let replayed = 0;
    let inProgress = 0;
    let rekeyed = 0;
    const retry = async (pathname: string, key: string, payload: () => unknown): Promise<Answer> => {
      let answer: Answer = { status: 0, body: "" };
      for (let attempt = 0; attempt < 20; attempt++) {
        answer = await send(pathname, key, payload());
        if (answer.status !== 0 && answer.status < 500) return answer;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      return answer;
    };
    for (const deal of all) {
      if (!ok(deal.create)) {
        let answer = await retry("/opportunities", deal.createKey, () => body(deal));
        if (answer.status === 409) {
          inProgress++;
          const { rows } = await check.query<{ id: string; version: number }>(`SELECT id, version FROM "Opportunity" WHERE name = $1`, [deal.name]);
          if (rows.length) answer = { status: 200, body: JSON.stringify(rows[0]) };
          else { rekeyed++; deal.createKey = randomUUID(); answer = await retry("/opportunities", deal.createKey, () => body(deal)); }
        }
        deal.create = answer;
        if (!ok(answer)) { violations.push(`create ${deal.index}: still ${answer.status} after retries: ${answer.body.slice(0, 200)}`); continue; }
        noteCreated(deal);
      } else if (deal.move && ok(deal.move)) {
        // A replay of an answered key changes nothing and returns the stored answer.
        const again = await send(`/opportunities/${deal.id}/stage`, deal.moveKey!, { to: "P1", version: deal.version });
        if (again.status === deal.move.status && again.body === deal.move.body) replayed++;
        else violations.push(`move ${deal.index}: replay answered ${again.status}, not the stored ${deal.move.status}`);
      }
      if (!deal.move || !ok(deal.move)) {
        deal.moveKey ??= randomUUID();
        let answer = await retry(`/opportunities/${deal.id}/stage`, deal.moveKey, () => ({ to: "P1", version: deal.version }));
        if (answer.status === 409) {
          inProgress++;
          const { rows } = await check.query(`SELECT 1 FROM "StageChange" WHERE "opportunityId" = $1 AND "fromStage" = 'P0' AND "toStage" = 'P1'`, [deal.id]);
          if (rows.length) answer = { status: 200, body: "{}" };
          else { rekeyed++; deal.moveKey = randomUUID(); answer = await retry(`/opportunities/${deal.id}/stage`, deal.moveKey, () => ({ to: "P1", version: deal.version })); }
        }
        deal.move = answer;
        if (!ok(answer)) violations.push(`move ${deal.index}: still ${answer.status} after retries: ${answer.body.slice(0, 200)}`);
      }
    }

    // Verification, straight from the database.
    const names = all.map((deal) => deal.name);
    const { rows: opportunities } = await check.query<{ id: string; name: string; stage: string; version: number }>(
      `SELECT id, name, stage, version FROM "Opportunity" WHERE "orgId" = $1`, [world.org.id]);
    const byName = new Map<string, number>();
    for (const row of opportunities) byName.set(row.name, (byName.get(row.name) ?? 0) + 1);
    const missing = all.filter((deal) => firstOkCreates.has(deal.index) && byName.get(deal.name) !== 1);
    const duplicates = names.filter((name) => (byName.get(name) ?? 0) > 1);
    const { rows: history } = await check.query<{ opportunityId: string; fromStage: string | null; toStage: string }>(
      `SELECT "opportunityId", "fromStage", "toStage" FROM "StageChange" WHERE "opportunityId" = ANY($1::uuid[]) ORDER BY at, id`,
      [opportunities.map((row) => row.id)]);
    const changes = new Map<string, typeof history>();
    for (const row of history) changes.set(row.opportunityId, [...(changes.get(row.opportunityId) ?? []), row]);
    let halfApplied = 0;
    for (const row of opportunities) {
      const rows = changes.get(row.id) ?? [];
      const creation = rows.filter((change) => change.fromStage === null).length;
      const moves = rows.filter((change) => change.fromStage !== null);
      const isConsistent = creation === 1 && row.version === 1 + moves.length && row.stage === (moves.at(-1)?.toStage ?? "P0");
      if (!isConsistent) {
        halfApplied++;
        violations.push(`deal ${row.name}: stage ${row.stage}, version ${row.version}, ${creation} creation rows, ${moves.length} moves`);
      }
    }
    const movedIds = new Map(all.map((deal) => [deal.id, deal]));
    let missingMoves = 0;
    for (const deal of all.filter((entry) => firstOkMoves.has(entry.index))) {
      const moves = (changes.get(deal.id!) ?? []).filter((change) => change.fromStage === "P0" && change.toStage === "P1").length;
      if (moves !== 1) { missingMoves++; violations.push(`deal ${deal.name}: the 2xx move has ${moves} history rows`); }
    }
    if (missing.length) violations.push(`${missing.length} creates answered 2xx are missing or not exactly once`);
    if (duplicates.length) violations.push(`${duplicates.length} duplicated deals: ${duplicates.slice(0, 5).join(", ")}`);
    const strays = opportunities.filter((row) => !movedIds.has(row.id) && !names.includes(row.name)).length;
    if (strays) violations.push(`${strays} deals not created by this stream`);
    await check.end();

    console.log(`Retries: ${inProgress} answered 409 "in progress" (checked: ${rekeyed} not applied, re-sent under a new key); ` +
      `${replayed} answered moves replayed with their key → identical answer; ${throttled} 429s waited out.`);
    console.log(`Verified: ${opportunities.length} deals for ${all.length} create keys; ${firstOkCreates.size} first-try 2xx creates, ` +
      `${missing.length} missing; ${duplicates.length} duplicates; ${halfApplied} half-applied (history/version/stage disagree); ` +
      `${firstOkMoves.size} first-try 2xx moves, ${missingMoves} without exactly one history row.`);
    if (violations.length) {
      console.error(`FAIL (${violations.length}):\n${violations.slice(0, 20).join("\n")}`);
      process.exitCode = 1;
    } else {
      console.log("PASS: every 2xx write is there exactly once, retried keys made no duplicates, nothing half-applied.");
    }
  } finally {
    await stopAppServer(server);
    relay.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
