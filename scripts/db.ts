// Database commands: `migrate`, `new-migration <name>`, `seed`, `reset`. Works on DATABASE_URL when set,
// else on the embedded PostgreSQL under DATA_DIR (joining it when `npm start` is already running).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/infra/database";
import { applyMigrations, diffSchemaAgainstMigrations, writeSchemaSnapshot } from "../lib/infra/migrate";

async function resetSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
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
  const [command, name] = process.argv.slice(2);
  const db = await openDatabase();
  try {
    if (command === "migrate") {
      const applied = await applyMigrations(db.url);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    } else if (command === "new-migration") {
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration:new -- <snake_case_name>");
      await applyMigrations(db.url);
      const { sql, schema } = await diffSchemaAgainstMigrations(db.url);
      if (!sql.trim()) {
        console.log("prisma/schema.prisma matches the migrations: nothing to write.");
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join("prisma/migrations", `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), sql);
      writeSchemaSnapshot(schema);
      console.log(`Wrote ${dir}/migration.sql`);
      await applyMigrations(db.url);
    } else if (command === "seed" || command === "reset") {
      if (command === "reset") await resetSchema(db.url);
      await applyMigrations(db.url);
      const { seedDemoData } = await import("../prisma/seed");
      await seedDemoData(db.url);
      console.log("Demo data loaded.");
    } else {
      throw new Error("usage: tsx scripts/db.ts migrate|new-migration <name>|seed|reset");
    }
  } finally {
    await db.stop();
  }
}

// Exit explicitly: the wasm schema engine keeps timers alive for several seconds after its work is done.
main().then(() => process.exit(0), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
