// Fixtures of the authorization matrix: two orgs, the eight actors, fresh target records per call (so one
// actor's successful write never changes what the next actor meets), a fingerprint of every org-scoped
// row of both orgs (a refusal must leave it identical), and callers for route handlers and server actions.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { encodeCursor } from "@/lib/data/pagination";
import { createApiToken } from "@/lib/data/tokens";
import { loadContext } from "@/lib/data/users";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import { buildAccount, buildOpportunity, buildOrg, buildTeam, buildUser } from "../../factories";

export const ACTORS = [
  "anonymous", "ownerRep", "sameTeamRep", "otherTeamRep", "teamManager", "otherTeamManager", "admin", "otherOrgAdmin",
] as const;
export type Actor = (typeof ACTORS)[number];

/** Every user of the world signs in with this password (the change-password endpoints need it). */
export const KNOWN_PASSWORD = "matrix-known-passphrase";

/** A one-row account import file (columns: external id, name) with a fresh external id. */
export const importCsv = () => `externalId,name\nM-${randomUUID().slice(0, 8)},Imported account\n`;

type Person = { id: string; orgId: string; token: string; ctx: Ctx };

export async function buildMatrixWorld() {
  const passwordHash = await bcrypt.hash(KNOWN_PASSWORD, 4);
  const org = await buildOrg(db);
  const otherOrg = await buildOrg(db);
  const make = (orgId: string, role: "REP" | "MANAGER" | "ADMIN") => buildUser(db, orgId, { role, passwordHash });
  const [ownerRep, sameTeamRep, otherTeamRep, teamManager, otherTeamManager, admin, otherOrgAdmin, spareRep] = await Promise.all([
    make(org.id, "REP"), make(org.id, "REP"), make(org.id, "REP"), make(org.id, "MANAGER"), make(org.id, "MANAGER"),
    make(org.id, "ADMIN"), make(otherOrg.id, "ADMIN"), make(org.id, "REP"),
  ]);
  const north = await buildTeam(db, org.id, { managerId: teamManager.id, memberIds: [ownerRep.id, sameTeamRep.id, spareRep.id] });
  const south = await buildTeam(db, org.id, { managerId: otherTeamManager.id, memberIds: [otherTeamRep.id] });
  const otherTeam = await buildTeam(db, otherOrg.id, { memberIds: [otherOrgAdmin.id] });
  const account = await buildAccount(db, org.id, { ownerId: ownerRep.id });
  const otherAccount = await buildAccount(db, otherOrg.id, { ownerId: otherOrgAdmin.id });
  const person = async (user: { id: string; orgId: string }): Promise<Person> => {
    const ctx = (await loadContext(user.id))!;
    return { id: user.id, orgId: user.orgId, ctx, token: (await createApiToken(ctx, { name: "matrix" })).token };
  };
  const people: Record<Exclude<Actor, "anonymous">, Person> = {
    ownerRep: await person(ownerRep), sameTeamRep: await person(sameTeamRep), otherTeamRep: await person(otherTeamRep),
    teamManager: await person(teamManager), otherTeamManager: await person(otherTeamManager), admin: await person(admin),
    otherOrgAdmin: await person(otherOrgAdmin),
  };
  return { org, otherOrg, north, south, otherTeam, account, otherAccount, spareRep, people };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;

/** Builders of fresh targets: each call makes new rows, owned by the owner rep in team North (org A). */
export function fixtures(world: MatrixWorld, actor: Actor) {
  const owner = world.people.ownerRep;
  const ownOrgId = actor === "otherOrgAdmin" ? world.otherOrg.id : world.org.id;
  const f = {
    world,
    actor,
    /** The org the actor acts in (org A for the anonymous caller). */
    ownOrgId,
    ownAccountId: actor === "otherOrgAdmin" ? world.otherAccount.id : world.account.id,
    deal: () => buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: owner.id, teamId: world.north.id }),
    account: () => buildAccount(db, world.org.id, { ownerId: owner.id }),
    activity: async (opportunityId: string) =>
      db.activity.create({
        data: {
          orgId: world.org.id, accountId: world.account.id, opportunityId, userId: owner.id, type: "VISIT", occurredAt: new Date(), subject: "Visit",
        },
      }),
    file: async (opportunityId: string) => {
      const { uploadOpportunityFile } = await import("@/lib/data/files");
      return uploadOpportunityFile(owner.ctx, opportunityId, { name: "evidence.txt", mime: "text/plain", data: new TextEncoder().encode("evidence") });
    },
    /** Far from the moves the matrix makes (P0 → P1), so it never gates them. */
    criterion: () => db.gateCriterion.create({ data: { orgId: world.org.id, stage: "P6", kind: "CHECKLIST", labelEn: "Check", labelZh: "检查" } }),
    approval: async () => {
      const deal = await f.deal();
      return db.approvalRequest.create({ data: { orgId: world.org.id, opportunityId: deal.id, toStage: "P6", requestedById: owner.id } });
    },
    ownerToken: () => createApiToken(owner.ctx, { name: "target" }),
    /** A contact on the account of the world's deals (so it can join a deal's buying center). */
    contact: (accountId = world.account.id) => db.contact.create({ data: { orgId: world.org.id, accountId, name: `Contact ${randomUUID().slice(0, 8)}` } }),
    keyAccount: () => buildAccount(db, world.org.id, { ownerId: owner.id, isKeyAccount: true }),
    /** A deal of the owner rep in the recycle bin. */
    deletedDeal: async () => {
      const deal = await f.deal();
      return db.opportunity.update({ where: { id: deal.id }, data: { deletedAt: new Date() } });
    },
    /** A signed (P7) deal and a win reason to review it with; `reviewed` also saves its close-out review. */
    signedDeal: async (reviewed = false) => {
      const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: owner.id, teamId: world.north.id, stage: "P7" });
      const reason = await db.orgListItem.create({
        data: { orgId: world.org.id, list: "WIN_REASON", key: `W${randomUUID().slice(0, 8).toUpperCase()}`, labelEn: "Price", labelZh: "价格", order: 0 },
      });
      if (reviewed) {
        const { saveCloseOutReview } = await import("@/lib/data/close-out");
        await saveCloseOutReview(owner.ctx, deal.id, { outcome: "WON", primaryReason: reason.key, secondaryReasons: [], winnerCompetitor: null, lessons: "Lessons", toRepeat: null });
      }
      return { id: deal.id, reason: reason.key };
    },
    /** An account import the owner rep uploaded (pending: mapped, not started). */
    importJob: async () => {
      const { createImportJob } = await import("@/lib/data/imports");
      return createImportJob(owner.ctx, "account", { name: "accounts.csv", mime: "text/csv", data: new TextEncoder().encode(importCsv()) });
    },
    user: (overrides: { isActive?: boolean } = {}) => buildUser(db, world.org.id, { role: "REP", ...overrides }),
    team: () => buildTeam(db, world.org.id),
    listItem: (orgId = world.org.id) =>
      db.orgListItem.create({ data: { orgId, list: "SEGMENT", key: `K${randomUUID().slice(0, 8).toUpperCase()}`, labelEn: "Segment", labelZh: "细分", order: 0 } }),
    listIds: async (orgId: string) => (await db.orgListItem.findMany({ where: { orgId, list: "SEGMENT" }, select: { id: true } })).map((item) => item.id),
    cursor: () => encodeCursor({ at: new Date().toISOString(), id: randomUUID() }),
    unique: () => randomUUID().slice(0, 8),
  };
  return f;
}

export type Fixtures = ReturnType<typeof fixtures>;

/**
 * Counts row changes per table with row-level triggers on every org-scoped table (and Organization), so a
 * call's effect is one cheap read. Row locks fire no trigger; ApiToken's lastUsedAt alone is bookkeeping
 * (using a token), not a change. Test-only: installed for this file's run and removed after it.
 */
export async function installChangeCounters(): Promise<() => Promise<void>> {
  const tables = (
    await db.$queryRaw<{ table_name: string }[]>`
      SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'orgId' ORDER BY table_name`
  ).map((row) => row.table_name);
  await db.$executeRawUnsafe(`CREATE TABLE matrix_changes (tbl text PRIMARY KEY, n bigint NOT NULL)`);
  await db.$executeRawUnsafe(`
    CREATE FUNCTION matrix_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'ApiToken' AND TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'lastUsedAt') = (to_jsonb(NEW) - 'lastUsedAt') THEN
        RETURN NULL;
      END IF;
      INSERT INTO matrix_changes (tbl, n) VALUES (TG_TABLE_NAME, 1) ON CONFLICT (tbl) DO UPDATE SET n = matrix_changes.n + 1;
      RETURN NULL;
    END $$`);
  for (const table of [...tables, "Organization"]) {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER matrix_count_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION matrix_count_change()`,
    );
  }
  return async () => {
    for (const table of [...tables, "Organization"]) await db.$executeRawUnsafe(`DROP TRIGGER matrix_count_change ON "${table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION matrix_count_change()`);
    await db.$executeRawUnsafe(`DROP TABLE matrix_changes`);
  };
}

/** Changes counted so far, per table. */
export async function fingerprint(): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<{ tbl: string; n: bigint }[]>(`SELECT tbl, n FROM matrix_changes`);
  return Object.fromEntries(rows.map((row) => [row.tbl, String(row.n)]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
