// Applies prisma/migrations/*/migration.sql with Prisma's own schema engine compiled to WebAssembly,
// keeping the standard `_prisma_migrations` table — so `prisma migrate deploy` stays interchangeable
// wherever the native engine can be downloaded (it cannot be here; see DEVELOPERS.md).
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
const SCHEMA_FILE = path.resolve(process.cwd(), "prisma/schema.prisma");
const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
type EngineModule = {
  SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: object) => Promise<Engine> };
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
};

let enginePromise: Promise<EngineModule> | undefined;

// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do without a flag,
// so the module is instantiated by hand with the package's own JS glue.
async function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as EngineModule;
    const wasmModule = await WebAssembly.compile(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(wasmModule, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return enginePromise;
}

async function withEngine<T>(databaseUrl: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const glue = await loadEngineModule();
  const schema = readFileSync(SCHEMA_FILE, "utf8");
  // Our own pool, closed below: the adapter's default pool would keep the process alive for ~10 s.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await glue.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

export function readMigrationsList() {
  const directories = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file) ? { tag: "ok", value: readFileSync(file, "utf8") } : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}

/** Applies every pending migration; idempotent. Returns the names applied by this call. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * SQL that takes the schema of the last migration (prisma/migrations/schema.snapshot.prisma, written with
 * each migration) to prisma/schema.prisma; "" when they match. The wasm engine can neither open a shadow
 * database nor describe a live one through the pg adapter, so the diff is schema-to-schema.
 */
export async function diffSchemaAgainstMigrations(databaseUrl: string): Promise<{ sql: string; schema: string }> {
  const schema = readFileSync(SCHEMA_FILE, "utf8");
  const snapshot = existsSync(SNAPSHOT_FILE) ? readFileSync(SNAPSHOT_FILE, "utf8") : null;
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: snapshot ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: snapshot }] } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? "";
    return { sql: sql.includes("This is an empty migration") ? "" : sql, schema };
  });
}

export function writeSchemaSnapshot(schema: string) {
  writeFileSync(SNAPSHOT_FILE, schema);
}
