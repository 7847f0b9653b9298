// Backup and restore round trip (the code behind `npm run db:backup` / `npm run db:restore`): every table's
// row count and content checksum in a freshly restored database equal the source's.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { backupDatabase, restoreDatabase, summariseTables } from "@/scripts/db-backup";
import { buildApiWorld } from "../api/helpers";
import { buildContact, buildOpportunity } from "../../factories";

const dir = mkdtempSync(path.join(os.tmpdir(), "crm-backup-"));
const sourceUrl = process.env.DATABASE_URL!;
const restoredName = `crm_restore_${Date.now()}`;
const restoredUrl = (() => {
  const url = new URL(sourceUrl);
  url.pathname = `/${restoredName}`;
  return url.toString();
})();

afterAll(async () => {
  const admin = new pg.Client({ connectionString: sourceUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("restores every table into an empty database with the same counts and checksums", async () => {
    const world = await buildApiWorld();
    await buildContact(db, world.org.id, world.account.id, { name: "Backup 联系人, \"quoted\"" });
    await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, amount: "12345678.90" });
    // A number JavaScript cannot hold exactly, and a table with a serial id.
    await db.$executeRaw`
      INSERT INTO "AuditLog" ("id", "orgId", "action", "entityType", "entityId", "after")
      VALUES (gen_random_uuid(), ${world.org.id}::uuid, 'backup.check', 'Backup', '*', '{"n": 12345678901234567890.123456789}'::jsonb)`;
    await db.signInFailure.create({ data: { email: "backup@backup.test" } });
    const file = path.join(dir, "backup.jsonl.gz");
    const backedUp = await backupDatabase(sourceUrl, file);
    expect(backedUp.find((table) => table.table === "Opportunity")?.rows).toBeGreaterThan(0);

    const admin = new pg.Client({ connectionString: sourceUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${restoredName}"`);
    await admin.end();
    const { tables, mismatches } = await restoreDatabase(restoredUrl, file);
    expect(mismatches).toEqual([]);
    expect(tables).toEqual(backedUp);

    const restored = new pg.Client({ connectionString: restoredUrl });
    await restored.connect();
    try {
      // Recomputed independently of the restore's own check.
      expect(await summariseTables(restored)).toEqual(backedUp);
      const exact = await restored.query<{ n: string }>(`SELECT "after"->>'n' AS n FROM "AuditLog" WHERE "action" = 'backup.check'`);
      expect(exact.rows).toEqual([{ n: "12345678901234567890.123456789" }]);
      // A working database: new rows get fresh serial ids after the restored ones.
      await expect(restored.query(`INSERT INTO "SignInFailure" ("email") VALUES ('after-restore@backup.test')`)).resolves.toBeDefined();
    } finally {
      await restored.end();
    }
    await expect(restoreDatabase(restoredUrl, file)).rejects.toThrow(/empty database/);
  });
});
