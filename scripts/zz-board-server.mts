// throw-away: start PG on /tmp/boardsrv2/pg and the prod app on PORT (never commit)
import { spawn } from "node:child_process";
import { startEmbeddedPostgres } from "../lib/infra/embedded-postgres";
import { applyMigrations } from "../lib/infra/migrate";
import pg from "pg";
const db = await startEmbeddedPostgres({ dataDir: "/tmp/boardsrv2/pg", databaseName: process.env.DBNAME ?? "crm" });
console.log("db", db.url);
const c0 = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, "/postgres") }); await c0.connect(); console.log((await c0.query("select datname from pg_database")).rows); await c0.end();
const c = new pg.Client({ connectionString: db.url }); await c.connect();
console.log((await c.query("select datname from pg_database")).rows.map((r) => r.datname));
console.log((await c.query("select count(*) from \"Opportunity\"").catch((e) => ({ rows: [e.message] }))).rows);
await c.end();
await applyMigrations(db.url);
const port = process.env.PORT ?? "3999";
const args = process.env.PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "node_modules/next/dist/bin/next", "start", "-p", port] : ["node_modules/tsx/dist/cli.mjs", "scripts/run.ts", "start"];
const app = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: "/tmp/boardsrv2/app", PORT: port, NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "board-bench-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" } });
const stop = async () => { app.kill("SIGTERM"); await new Promise((r) => setTimeout(r, 1500)); await db.stop(); process.exit(0); };
process.on("SIGINT", stop); process.on("SIGTERM", stop);
