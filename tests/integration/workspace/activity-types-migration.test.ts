// The activity_types migration turns the ActivityType enum into a registry-keyed string column and maps
// every activity stored under the old keys to issue 3's keys, instead of dropping or rejecting them.
// Run on a scratch database of the test server: the migrations before it, then old rows, then it.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ACTIVITY_TYPE_KEYS } from "@/lib/domain/activities";

const MIGRATIONS = path.resolve(__dirname, "../../../prisma/migrations");
const TARGET = "_activity_types";
const OLD_TO_NEW: Record<string, string> = {
  ACCOUNT_PLANNING: "SURVEY",
  PHONE_INVITATION: "PHONE_CALL",
  VISIT: "VISIT",
  FIRST_SURVEY: "SURVEY",
  FIRST_PROPOSAL: "PROPOSAL",
  TECH_EXCHANGE: "TECH_EXCHANGE",
  NEEDS_SURVEY: "NEEDS_SURVEY",
  SOLUTION_DESIGN: "SOLUTION_DESIGN",
  EVALUATION: "EVALUATION",
  NEGOTIATION: "NEGOTIATION",
  SIGNING: "SIGNING",
  TRADE_SHOW: "TRADE_SHOW",
  REFERENCE_SITE: "REFERENCE_VISIT",
  EXCHANGE_MEETING: "CUSTOMER_MEETING",
  NOTE: "CUSTOMER_MEETING",
};

const databaseName = `crm_migration_${Date.now()}`;
let admin: pg.Client;
let scratch: pg.Client;

const migrationSql = (name: string) => readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${databaseName}`;
  scratch = new pg.Client({ connectionString: url.toString() });
  await scratch.connect();
});

afterAll(async () => {
  await scratch?.end();
  await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin?.end();
});

describe("migration activity_types", () => {
  it("maps every old enum value to a registry key and keeps the rows", async () => {
    const names = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const target = names.findIndex((name) => name.endsWith(TARGET));
    expect(target).toBeGreaterThan(0);
    for (const name of names.slice(0, target)) await scratch.query(migrationSql(name));

    const [orgId, userId, accountId] = [randomUUID(), randomUUID(), randomUUID()];
    await scratch.query(`INSERT INTO "Organization" (id, name) VALUES ($1, 'Old org')`, [orgId]);
    await scratch.query(`INSERT INTO "User" (id, "orgId", email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'old@x.test', 'Old', 'x', now())`, [userId, orgId]);
    await scratch.query(`INSERT INTO "Account" (id, "orgId", name, "updatedAt") VALUES ($1, $2, 'Old account', now())`, [accountId, orgId]);
    const ids: Record<string, string> = {};
    for (const oldKey of Object.keys(OLD_TO_NEW)) {
      ids[oldKey] = randomUUID();
      await scratch.query(
        `INSERT INTO "Activity" (id, "orgId", "accountId", "userId", type, subject, notes, "occurredAt") VALUES ($1, $2, $3, $4, $5, $6, 'kept', now())`,
        [ids[oldKey], orgId, accountId, userId, oldKey, `was ${oldKey}`],
      );
    }

    await scratch.query(migrationSql(names[target]));

    const { rows } = await scratch.query<{ id: string; type: string; subject: string; notes: string }>(`SELECT id, type, subject, notes FROM "Activity"`);
    expect(rows).toHaveLength(Object.keys(OLD_TO_NEW).length);
    for (const [oldKey, newKey] of Object.entries(OLD_TO_NEW)) {
      expect(rows.find((row) => row.id === ids[oldKey])).toMatchObject({ type: newKey, subject: `was ${oldKey}`, notes: "kept" });
      expect(ACTIVITY_TYPE_KEYS).toContain(newKey);
    }
    const enumLeft = await scratch.query(`SELECT 1 FROM pg_type WHERE typname = 'ActivityType'`);
    expect(enumLeft.rowCount).toBe(0);
  });
});
