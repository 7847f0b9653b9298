// Bulk data for the pipeline benchmark: one org with 5 teams (a manager and 10 reps each), an admin,
// 2,000 accounts across segments and regions, and N opportunities inserted by PostgreSQL itself
// (generate_series), spread over stages, owners, teams, amounts and stage-entry times. A second, small org
// makes sure every query really filters by org. Takes an open pg client; returns the ids the bench needs.
import type pg from "pg";

/** Share of deals per stage (sums to 100); P1 holds 20 %, so 100,000 deals put 20,000 in one column. */
const STAGE_WEIGHTS: [string, number][] = [
  ["P0", 15], ["P1", 20], ["P2", 15], ["P3", 12], ["P4", 10], ["P5", 8], ["P6", 5], ["P7", 8], ["LOST", 7],
];

/** CASE expression mapping a uniform r in [0, 100) to a stage by the weights above. */
function stageCase(column: string): string {
  let upper = 0;
  const arms = STAGE_WEIGHTS.map(([stage, weight]) => {
    upper += weight;
    return `WHEN ${column} < ${upper} THEN '${stage}'`;
  });
  return `(CASE ${arms.join(" ")} END)::"Stage"`;
}

export type BenchWorld = { orgId: string; adminId: string; managerId: string; repId: string };

async function insertOrg(client: pg.Client, name: string, teams: number, repsPerTeam: number, accounts: number, deals: number) {
  const { rows: [org] } = await client.query<{ id: string }>(
    `INSERT INTO "Organization" (id, name) VALUES (gen_random_uuid(), $1) RETURNING id`, [name]);
  const tag = org.id.slice(0, 8);
  await client.query(
    `INSERT INTO "User" (id, "orgId", email, name, "passwordHash", role, "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'admin-' || $2 || '@bench.test', 'Admin', 'x', 'ADMIN'::"Role", now()
     UNION ALL
     SELECT gen_random_uuid(), $1::uuid, 'manager-' || t || '-' || $2 || '@bench.test', 'Manager ' || t, 'x', 'MANAGER'::"Role", now()
       FROM generate_series(1, $3::int) t
     UNION ALL
     SELECT gen_random_uuid(), $1::uuid, 'rep-' || t || '-' || r || '-' || $2 || '@bench.test', 'Rep ' || t || '.' || r, 'x', 'REP'::"Role", now()
       FROM generate_series(1, $3::int) t, generate_series(1, $4::int) r`,
    [org.id, tag, teams, repsPerTeam]);
  await client.query(
    `INSERT INTO "Team" (id, "orgId", name, kind, "managerId")
     SELECT gen_random_uuid(), $1::uuid, 'Team ' || t, 'REGION'::"TeamKind", (SELECT id FROM "User" WHERE email = 'manager-' || t || '-' || $2 || '@bench.test')
       FROM generate_series(1, $3::int) t`,
    [org.id, tag, teams]);
  await client.query(
    `INSERT INTO "TeamMember" ("teamId", "userId", "orgId")
     SELECT tm.id, u.id, $1::uuid FROM "Team" tm JOIN "User" u
       ON u.email LIKE 'rep-' || substring(tm.name from 6) || '-%-' || $2 || '@bench.test'
       OR u.id = tm."managerId"
     WHERE tm."orgId" = $1::uuid`,
    [org.id, tag]);
  await client.query(
    `INSERT INTO "Account" (id, "orgId", name, segment, region, "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'Account ' || a || ' ' || (ARRAY['Steel','Foods','Grid','Rail','Bank','Ports'])[1 + a % 6],
            (ARRAY['Strategic','Enterprise','Mid-market'])[1 + a % 3], (ARRAY['East','North','South','West'])[1 + a % 4], now()
       FROM generate_series(1, $2::int) a`,
    [org.id, accounts]);
  // Sellers (reps and managers) with their team, numbered so that deal i goes to seller i mod n.
  await client.query(`
    CREATE TEMP TABLE sellers AS
      SELECT row_number() OVER (ORDER BY u.email) - 1 AS n, u.id AS user_id, m."teamId" AS team_id
        FROM "User" u JOIN "TeamMember" m ON m."userId" = u.id WHERE u."orgId" = '${org.id}';
    CREATE TEMP TABLE bench_accounts AS
      SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "Account" WHERE "orgId" = '${org.id}';`);
  await client.query(
    `INSERT INTO "Opportunity" (id, "orgId", name, "accountId", "ownerId", "teamId", "productLine", amount, currency,
                                "expectedCloseDate", stage, "stageEnteredAt", "lossReason", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'Deal ' || g || ' ' || (ARRAY['Rollout','Upgrade','Renewal','Pilot','Expansion'])[1 + g % 5],
            acc.id, s.user_id, s.team_id, (ARRAY['Cloud ERP','Data Platform','Field Service','Security'])[1 + g % 4],
            round((random() * 5000000)::numeric, 2), 'CNY',
            current_date + (floor(random() * 540) - 180)::int,
            st.stage, now() - random() * interval '120 days',
            CASE WHEN st.stage = 'LOST' THEN 'Lost on price' END,
            now() - interval '130 days', now()
       FROM generate_series(0, $2::bigint - 1) g
       CROSS JOIN LATERAL (SELECT ${stageCase("(g * 7919 % 100)")} AS stage) st
       JOIN sellers s ON s.n = g % (SELECT count(*) FROM sellers)
       JOIN bench_accounts acc ON acc.n = (g * 31) % (SELECT count(*) FROM bench_accounts)`,
    [org.id, deals]);
  await client.query(`DROP TABLE sellers; DROP TABLE bench_accounts;`);
  await storeBenchScores(client, org.id);
  const { rows: [ids] } = await client.query<{ admin: string; manager: string; rep: string }>(
    `SELECT (SELECT id FROM "User" WHERE email = 'admin-' || $1 || '@bench.test') AS admin,
            (SELECT id FROM "User" WHERE email = 'manager-1-' || $1 || '@bench.test') AS manager,
            (SELECT id FROM "User" WHERE email = 'rep-1-1-' || $1 || '@bench.test') AS rep`,
    [tag]);
  return { orgId: org.id, adminId: ids.admin, managerId: ids.manager, repId: ids.rep };
}

/**
 * A stored health score for every bench deal that has none. The deals are inserted around the data layer,
 * so without it the daily health job would score tens of thousands of them right after the app starts —
 * background work the measurements would pay for. The value is a placeholder no benchmark reads: a middling
 * score and grade C, the lowest grade.
 */
async function storeBenchScores(client: pg.Client, orgId: string): Promise<void> {
  await client.query(
    `INSERT INTO "OpportunityHealth" ("opportunityId", "orgId", score, grade, "computedAt")
     SELECT o.id, o."orgId", 50, 'C', now() FROM "Opportunity" o
      WHERE o."orgId" = $1::uuid AND NOT EXISTS (SELECT 1 FROM "OpportunityHealth" h WHERE h."opportunityId" = o.id)`,
    [orgId]);
}

export async function insertBenchData(client: pg.Client, count: number): Promise<BenchWorld> {
  const world = await insertOrg(client, "Bench Org", 5, 10, 2_000, count);
  await insertOrg(client, "Other Org", 1, 3, 50, 1_000);
  // A few hundred soft-deleted deals, which every query must skip.
  await client.query(`UPDATE "Opportunity" SET "deletedAt" = now() WHERE "orgId" = $1 AND random() < 0.003`, [world.orgId]);
  await client.query("VACUUM ANALYZE");
  return { orgId: world.orgId, adminId: world.adminId, managerId: world.managerId, repId: world.repId };
}

/**
 * Tops one owner's column up to exactly `count` deals (the browser bench's big column): new deals in
 * `stage`, on the owner's team, spread over the org's accounts, newest entry first as on the board.
 */
export async function fillColumnForOwner(client: pg.Client, orgId: string, ownerId: string, stage: string, count: number): Promise<void> {
  const { rows: [{ existing }] } = await client.query<{ existing: number }>(
    `SELECT count(*)::int AS existing FROM "Opportunity"
      WHERE "orgId" = $1 AND "ownerId" = $2 AND stage = $3::"Stage" AND "deletedAt" IS NULL`, [orgId, ownerId, stage]);
  await client.query(
    `INSERT INTO "Opportunity" (id, "orgId", name, "accountId", "ownerId", "teamId", "productLine", amount, currency,
                                "expectedCloseDate", stage, "stageEnteredAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'Column deal ' || g || ' ' || (ARRAY['Rollout','Upgrade','Renewal','Pilot'])[1 + g % 4],
            accs.ids[1 + (g * 31) % cardinality(accs.ids)], $2::uuid, (SELECT "teamId" FROM "TeamMember" WHERE "userId" = $2::uuid LIMIT 1),
            (ARRAY['Cloud ERP','Data Platform','Field Service','Security'])[1 + g % 4],
            round((random() * 5000000)::numeric, 2), 'CNY', current_date + (floor(random() * 540) - 180)::int,
            $3::"Stage", now() - random() * interval '40 days', now() - interval '50 days', now()
       FROM generate_series(1, $4::int) g
      CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM "Account" WHERE "orgId" = $1::uuid) accs`,
    [orgId, ownerId, stage, Math.max(0, count - existing)]);
  await storeBenchScores(client, orgId);
  await client.query(`ANALYZE "Opportunity"`);
}
