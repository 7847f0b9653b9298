// The demo data (issue 2, "Demo data"): loaded into a fresh embedded database by `npm start`, or on request
// by `npm run db:seed` / `db:reset` — never silently into a DATABASE_URL server. Idempotent: when the demo
// org exists it does nothing. Everything is written in one transaction, so an interrupted seed leaves
// nothing behind and is simply redone on the next start.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createDefaultGates } from "../lib/data/gate-defaults";
import { seedGateDemoDeals } from "./seed-gates";
import { seedOrgLists } from "./seed-lists";
import { seedDecisionCycle } from "./seed-decision-cycle";
import { seedAnalysis } from "./seed-analysis";
import { seedForecast } from "./seed-forecast";
import { hashPassword } from "../lib/password";
import { buildOrg, buildTeam, buildUser, type DbClient } from "../tests/factories";
import {
  DEMO_ACCOUNTS, DEMO_ORG_NAME, DEMO_PASSWORD, DEMO_USERS, type DemoUserKey, OTHER_ACCOUNTS, OTHER_ADMIN, OTHER_ORG_NAME,
  REGION_TEAM, TEAM_SELLERS, type TeamKey,
} from "./seed-catalog";
import {
  type AccountInput, createRandom, type DealPlan, planAccountActivities, planAccounts, planContacts, planDeals,
  type PlannedAccount, type PlannedContact, type Random,
} from "./seed-plan";
import { seedBuyingCenter } from "./seed-buying-center";

const PRNG_SEED = 20_260_101;
const DEMO_DEAL_COUNT = 300;
const OTHER_DEAL_COUNT = 8;
const BATCH_SIZE = 500;
// Serialises concurrent seeds (say `npm start` and `npm run db:seed` on the same database).
const SEED_LOCK_KEY = 727_001;

export { DEMO_ORG_NAME, DEMO_PASSWORD };

function openClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

/** Whether the database holds any organization at all (an empty one is seeded by `npm start`). */
export async function hasAnyOrganization(databaseUrl: string): Promise<boolean> {
  const db = openClient(databaseUrl);
  try {
    return (await db.organization.count()) > 0;
  } finally {
    await db.$disconnect();
  }
}

async function createInBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) await write(rows.slice(start, start + BATCH_SIZE));
}

async function writeAccounts(tx: DbClient, accounts: PlannedAccount[], contacts: PlannedContact[]) {
  await createInBatches(accounts, (batch) =>
    tx.account.createMany({
      data: batch.map(({ id, orgId, name, industry, segment, region, isKeyAccount, ownerId }) => ({
        id, orgId, name, industry, segment, region, isKeyAccount, ownerId,
      })),
    }),
  );
  await createInBatches(contacts, (batch) => tx.contact.createMany({ data: batch }));
}

async function writeDeals(tx: DbClient, plan: DealPlan) {
  await createInBatches(plan.opportunities, (batch) => tx.opportunity.createMany({ data: batch }));
  await createInBatches(plan.stageChanges, (batch) => tx.stageChange.createMany({ data: batch }));
  await createInBatches(plan.activities, (batch) => tx.activity.createMany({ data: batch.map(({ contactIds: _contactIds, ...row }) => row) }));
  const presence = plan.activities.flatMap((activity) =>
    activity.contactIds.map((contactId) => ({ activityId: activity.id, contactId, orgId: activity.orgId })),
  );
  await createInBatches(presence, (batch) => tx.activityContact.createMany({ data: batch }));
}

function accountInputs(
  rows: typeof DEMO_ACCOUNTS, orgId: string,
  assign: (region: string) => { teamId: string | null; rotation: string[] },
): AccountInput[] {
  const turns = new Map<string | null, number>();
  return rows.map(([name, short, industry, region]) => {
    const { teamId, rotation } = assign(region);
    const turn = turns.get(teamId) ?? 0;
    turns.set(teamId, turn + 1);
    return { orgId, name, short, industry, region, ownerId: rotation[turn % rotation.length], teamId, sellerIds: [...new Set(rotation)] };
  });
}

async function seedDemoOrg(tx: DbClient, random: Random, passwordHash: string, now: number) {
  const org = await buildOrg(tx, { name: DEMO_ORG_NAME, baseCurrency: "CNY" });
  // The default gates apply to future moves; the seeded deals already sit in their stages.
  await createDefaultGates(tx, org.id);
  await seedOrgLists(tx, org.id);
  const users = {} as Record<DemoUserKey, string>;
  for (const [key, user] of Object.entries(DEMO_USERS) as [DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]][]) {
    users[key] = (await buildUser(tx, org.id, { ...user, passwordHash, locale: "en" })).id;
  }
  const teams = {} as Record<TeamKey, string>;
  for (const [teamName, { manager, rotation }] of Object.entries(TEAM_SELLERS) as [TeamKey, (typeof TEAM_SELLERS)[TeamKey]][]) {
    const team = await buildTeam(tx, org.id, {
      name: teamName, kind: "REGION", managerId: users[manager], memberIds: rotation.map((key) => users[key]),
    });
    teams[teamName] = team.id;
  }

  const accounts = planAccounts(random, accountInputs(DEMO_ACCOUNTS, org.id, (region) => {
    const team = REGION_TEAM[region];
    return { teamId: teams[team], rotation: TEAM_SELLERS[team].rotation.map((key) => users[key]) };
  }));
  const contacts = planContacts(random, accounts);
  await writeAccounts(tx, accounts, contacts);
  const deals = planDeals(random, { accounts, contacts, count: DEMO_DEAL_COUNT, currency: "CNY", now });
  deals.activities.push(...planAccountActivities(random, accounts, contacts, now));
  await writeDeals(tx, deals);
  await seedBuyingCenter(tx, org.id, now);
  await seedDecisionCycle(tx, org.id, now);
  await seedAnalysis(tx, org.id, { rep: users.rep, manager: users.manager }, now);
  await seedGateDemoDeals(tx, { orgId: org.id, repId: users.rep, managerId: users.manager, now });
  await seedForecast(tx, { orgId: org.id, setById: users.admin, userIds: Object.values(users).filter((id) => id !== users.admin), teamIds: Object.values(teams), deals: deals.opportunities, now });
  return { accounts: accounts.length, contacts: contacts.length, ...countDeals(deals) };
}

async function seedOtherOrg(tx: DbClient, random: Random, passwordHash: string, now: number) {
  const org = await buildOrg(tx, { name: OTHER_ORG_NAME, baseCurrency: "CNY" });
  await createDefaultGates(tx, org.id);
  await seedOrgLists(tx, org.id);
  const admin = await buildUser(tx, org.id, { ...OTHER_ADMIN, passwordHash, locale: "en" });
  const accounts = planAccounts(random, accountInputs(OTHER_ACCOUNTS, org.id, () => ({ teamId: null, rotation: [admin.id] })));
  const contacts = planContacts(random, accounts);
  await writeAccounts(tx, accounts, contacts);
  await writeDeals(tx, planDeals(random, { accounts, contacts, count: OTHER_DEAL_COUNT, currency: "CNY", now }));
}

function countDeals(plan: DealPlan) {
  return { opportunities: plan.opportunities.length, stageChanges: plan.stageChanges.length, activities: plan.activities.length };
}

export async function seedDemoData(databaseUrl: string): Promise<void> {
  const db = openClient(databaseUrl);
  try {
    // bcrypt is deliberately slow: hash once, outside the transaction, and share it among the demo users.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = Date.now();
    const random = createRandom(PRNG_SEED);
    const summary = await db.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})::text AS locked`);
        if (await tx.organization.findFirst({ where: { name: DEMO_ORG_NAME }, select: { id: true } })) return null;
        const demo = await seedDemoOrg(tx, random, passwordHash, now);
        await seedOtherOrg(tx, random, passwordHash, now);
        return demo;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!summary) {
      console.log(`Demo data already present ("${DEMO_ORG_NAME}" exists): nothing to do.`);
      return;
    }
    console.log(
      `Seeded "${DEMO_ORG_NAME}": ${summary.accounts} accounts, ${summary.contacts} contacts, ${summary.opportunities} opportunities, ` +
        `${summary.stageChanges} stage changes, ${summary.activities} activities; plus "${OTHER_ORG_NAME}".`,
    );
  } finally {
    await db.$disconnect();
  }
}
