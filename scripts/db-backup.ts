// `npm run db:backup [-- --out FILE]` and `npm run db:restore -- FILE`
// A logical backup of the whole database (DATABASE_URL, or the embedded server under DATA_DIR) that needs
// no pg_dump of the server's major version (the embedded server is PostgreSQL 18; this machine's pg_dump is
// 15, which refuses newer servers): every table of the public schema is read inside ONE repeatable-read,
// read-only transaction — a consistent snapshot while the app keeps writing — and written as gzip'd JSON
// lines with a per-table row count and checksum. Restore applies the migrations to an EMPTY database, then
// loads every table in one transaction with foreign-key triggers held back until all rows are in, and
// verifies each table's count and checksum against the file; sequences (serial ids) continue after the
// restored rows. With a managed PostgreSQL, prefer the provider's snapshots plus pg_dump/pg_restore of the
// matching version (docs/deploy.md); this is the drill.
import { createReadStream, createWriteStream } from "node:fs";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { openDatabase } from "../lib/infra/database";
import { applyMigrations } from "../lib/infra/migrate";

const FORMAT = "keyaccount-crm-backup/1";
const BATCH = 2000;

type TableSummary = { table: string; rows: number; checksum: string };

export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return result.rows.map((row) => row.name);
}

/** Order-independent fingerprint of a table's content: md5 over its rows' text, sorted. */
export async function summariseTables(client: pg.ClientBase): Promise<TableSummary[]> {
  const summaries: TableSummary[] = [];
  for (const table of await listTables(client)) {
    const result = await client.query<{ rows: number; checksum: string | null }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS checksum FROM "${table}" t`,
    );
    summaries.push({ table, rows: result.rows[0].rows, checksum: result.rows[0].checksum ?? "" });
  }
  return summaries;
}

export async function backupDatabase(url: string, file: string): Promise<TableSummary[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const writeLine = (line: string) => new Promise<void>((resolve) => {
    if (gzip.write(`${line}\n`)) resolve();
    else gzip.once("drain", () => resolve());
  });
  const write = (value: unknown) => writeLine(JSON.stringify(value));
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    const summaries = await summariseTables(client);
    await write({ format: FORMAT, at: new Date().toISOString(), migrations: migrations.rows.map((row) => row.migration_name), tables: summaries });
    for (const { table } of summaries) {
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM "${table}" t`);
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump`);
        if (!batch.rows.length) break;
        // Rows stay PostgreSQL's own JSON text: a JavaScript round trip would round big integers and long decimals.
        await writeLine(`{"table":${JSON.stringify(table)},"rows":[${batch.rows.map((row) => row.row).join(",")}]}`);
      }
      await client.query("CLOSE dump");
    }
    await client.query("COMMIT");
    return summaries;
  } finally {
    gzip.end();
    await new Promise<void>((resolve) => out.on("close", () => resolve()));
    await client.end();
  }
}

/** Restored rows keep their ids: each sequence behind a serial or identity column moves past the largest one. */
async function resetSequences(client: pg.ClientBase): Promise<void> {
  const columns = await client.query<{ tbl: string; col: string; seq: string }>(`
    SELECT table_name AS tbl, column_name AS col, seq FROM (
      SELECT table_name, column_name, pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) AS seq
      FROM information_schema.columns WHERE table_schema = 'public'
    ) serial WHERE seq IS NOT NULL`);
  for (const { tbl, col, seq } of columns.rows) {
    await client.query(`SELECT setval($1::regclass, coalesce(max("${col}"), 0) + 1, false) FROM "${tbl}"`, [seq]);
  }
}

export async function restoreDatabase(url: string, file: string): Promise<{ tables: TableSummary[]; mismatches: string[] }> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error("The backup file is empty.");
  const header = JSON.parse(first.value) as { format: string; migrations: string[]; tables: TableSummary[] };
  if (header.format !== FORMAT) throw new Error(`Not a backup of this application (${header.format}).`);
  const applied = await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const present = await client.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`);
    const extra = header.migrations.filter((name) => !present.rows.some((row) => row.migration_name === name));
    if (extra.length) throw new Error(`The backup has migrations this code does not know: ${extra.join(", ")}`);
    for (const { table } of header.tables) {
      const existing = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      if (existing.rows[0].n > 0) throw new Error(`Restore needs an empty database; "${table}" has rows.`);
    }
    await client.query("BEGIN");
    // Rows arrive table by table, not in foreign-key order: constraints are checked by the data as a whole.
    await client.query("SET LOCAL session_replication_role = replica");
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const { table } = JSON.parse(next.value) as { table: string };
      // PostgreSQL reads the rows from the line itself, so numbers keep every digit.
      await client.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", ($1::json)->'rows')`, [next.value]);
    }
    await resetSequences(client);
    await client.query("COMMIT");
    const after = await summariseTables(client);
    const mismatches = header.tables.flatMap((expected) => {
      const actual = after.find((summary) => summary.table === expected.table);
      return actual && actual.rows === expected.rows && actual.checksum === expected.checksum
        ? [] : [`${expected.table}: expected ${expected.rows} rows/${expected.checksum}, got ${actual?.rows}/${actual?.checksum}`];
    });
    if (applied.length && !header.migrations.length) mismatches.push("no migrations recorded in the backup");
    return { tables: after, mismatches };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function main() {
  try {
    process.loadEnvFile(".env");
  } catch {
    // no .env file: defaults apply
  }
  const [command, ...rest] = process.argv.slice(2);
  const database = await openDatabase();
  try {
    if (command === "backup") {
      const outIndex = rest.indexOf("--out");
      const file = outIndex >= 0 ? rest[outIndex + 1] : `backup-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}.jsonl.gz`;
      const tables = await backupDatabase(database.url, file);
      console.log(`Backed up ${tables.reduce((sum, table) => sum + table.rows, 0).toLocaleString("en")} rows of ${tables.length} tables to ${file}.`);
    } else if (command === "restore") {
      const file = rest[0];
      if (!file) throw new Error("usage: npm run db:restore -- <backup file>   (into an empty database)");
      const { tables, mismatches } = await restoreDatabase(database.url, file);
      if (mismatches.length) throw new Error(`Restore does not match the backup:\n${mismatches.join("\n")}`);
      console.log(`Restored ${tables.reduce((sum, table) => sum + table.rows, 0).toLocaleString("en")} rows of ${tables.length} tables; every count and checksum matches.`);
    } else {
      throw new Error("usage: tsx scripts/db-backup.ts backup [--out FILE] | restore FILE");
    }
  } finally {
    await database.stop();
  }
}

if (process.argv[1]?.endsWith("db-backup.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
