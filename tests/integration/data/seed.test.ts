// The demo seed, run against its own database on the test server (so its fixed emails never meet the other
// tests' data): migrated from scratch, seeded twice (the second run is a no-op), checked, then dropped.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { applyMigrations } from "@/lib/infra/migrate";
import { verifyPassword } from "@/lib/password";
import { DEMO_ORG_NAME, DEMO_PASSWORD, seedDemoData } from "@/prisma/seed";

const DEMO_LOGINS = ["admin@demo.test", "manager@demo.test", "rep@demo.test", "rep2@demo.test", "manager2@demo.test", "rep3@demo.test", "other@demo.test"];

const databaseName = `seed_check_${Date.now()}`;
let admin: pg.Client;
let client: pg.Client;
let seedUrl: string;

async function count(table: string, where = "TRUE"): Promise<number> {
  const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`);
  return Number(result.rows[0].n);
}

async function countAll() {
  const tables = ["Organization", "User", "Team", "TeamMember", "Account", "Contact", "Opportunity", "StageChange", "Activity"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await count(table); // one pg.Client runs one query at a time
  return counts;
}

beforeAll(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is not set (tests/integration/setup-env.ts provides it)");
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  seedUrl = url.toString();
  await applyMigrations(seedUrl);
  client = new pg.Client({ connectionString: seedUrl });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.end();
  await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin?.end();
});

describe("seedDemoData", () => {
  it("loads the demo orgs once; a second run changes nothing", async () => {
    await seedDemoData(seedUrl);
    const first = await countAll();
    await seedDemoData(seedUrl);
    expect(await countAll()).toEqual(first);

    expect(first.Organization).toBe(2);
    expect(first.User).toBe(7);
    expect(first.Team).toBe(2);
    const demoOrg = (await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE name = $1`, [DEMO_ORG_NAME])).rows[0].id;
    const inDemo = `"orgId" = '${demoOrg}'`;
    expect(await count("Account", inDemo)).toBeGreaterThanOrEqual(55);
    expect(await count("Account", inDemo)).toBeLessThanOrEqual(65);
    expect(await count("Opportunity", inDemo)).toBeGreaterThanOrEqual(280);
    expect(await count("Opportunity", inDemo)).toBeLessThanOrEqual(320);
    expect(await count("Opportunity", `NOT ${inDemo}`)).toBeGreaterThan(0);
    expect(await count("Account", `NOT ${inDemo}`)).toBeGreaterThan(0);
  }, 120_000);

  it("spreads deals over every stage, with loss reasons on every lost deal", async () => {
    const stages = await client.query<{ stage: string }>(`SELECT DISTINCT stage::text AS stage FROM "Opportunity"`);
    expect(stages.rows.map((row) => row.stage).sort()).toEqual([...STAGE_KEYS].sort());
    expect(await count("Opportunity", `stage = 'LOST' AND ("lossReason" IS NULL OR "lossReason" = '')`)).toBe(0);
    expect(await count("Opportunity", `stage <> 'LOST' AND "lossReason" IS NOT NULL`)).toBe(0);
  });

  it("gives every deal a history ending at its stage, and contacts to every account", async () => {
    const mismatched = await client.query(`
      SELECT o.id FROM "Opportunity" o
      WHERE o.stage <> (SELECT s."toStage" FROM "StageChange" s WHERE s."opportunityId" = o.id ORDER BY s.at DESC LIMIT 1)
         OR o.version <> (SELECT count(*) FROM "StageChange" s WHERE s."opportunityId" = o.id)`);
    expect(mismatched.rowCount).toBe(0);
    expect(await count("Account", `(SELECT count(*) FROM "Contact" c WHERE c."accountId" = "Account".id) NOT BETWEEN 2 AND 5`)).toBe(0);
    expect(await count("Activity")).toBeGreaterThan(await count("Opportunity"));
  });

  it("sets up the fixed demo teams and roles", async () => {
    const users = await client.query<{ email: string; role: string; org: string }>(
      `SELECT u.email, u.role::text AS role, o.name AS org FROM "User" u JOIN "Organization" o ON o.id = u."orgId" ORDER BY u.email`,
    );
    expect(users.rows).toEqual([
      { email: "admin@demo.test", role: "ADMIN", org: DEMO_ORG_NAME },
      { email: "manager2@demo.test", role: "MANAGER", org: DEMO_ORG_NAME },
      { email: "manager@demo.test", role: "MANAGER", org: DEMO_ORG_NAME },
      { email: "other@demo.test", role: "ADMIN", org: "Other Org Ltd." },
      { email: "rep2@demo.test", role: "REP", org: DEMO_ORG_NAME },
      { email: "rep3@demo.test", role: "REP", org: DEMO_ORG_NAME },
      { email: "rep@demo.test", role: "REP", org: DEMO_ORG_NAME },
    ]);
    const teams = await client.query<{ team: string; manager: string; members: string }>(`
      SELECT t.name AS team, m.email AS manager, string_agg(u.email, ',' ORDER BY u.email) AS members
      FROM "Team" t JOIN "User" m ON m.id = t."managerId"
      JOIN "TeamMember" tm ON tm."teamId" = t.id JOIN "User" u ON u.id = tm."userId"
      GROUP BY t.name, m.email ORDER BY t.name`);
    expect(teams.rows).toEqual([
      { team: "North", manager: "manager@demo.test", members: "manager@demo.test,rep2@demo.test,rep@demo.test" },
      { team: "South", manager: "manager2@demo.test", members: "manager2@demo.test,rep3@demo.test" },
    ]);
  });

  it("lets every demo login sign in with the demo password", async () => {
    const result = await client.query<{ email: string; passwordHash: string }>(`SELECT email, "passwordHash" FROM "User"`);
    expect(result.rows.map((row) => row.email).sort()).toEqual([...DEMO_LOGINS].sort());
    for (const row of result.rows) expect(await verifyPassword(DEMO_PASSWORD, row.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password", result.rows[0].passwordHash)).toBe(false);
  }, 60_000);
});
