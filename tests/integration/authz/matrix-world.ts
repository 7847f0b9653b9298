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

let orgScopedTables: string[] | undefined;

/**
 * Per org-scoped table, over the rows of both orgs: the row count and the newest row version (xmin — every
 * insert or update writes a new version, a delete lowers the count), plus the two organization rows.
 * ApiToken is hashed without lastUsedAt instead: using a token is bookkeeping, not a change.
 */
export async function fingerprint(world: MatrixWorld): Promise<Record<string, string>> {
  orgScopedTables ??= (
    await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'orgId' AND table_name <> 'ApiToken' ORDER BY table_name`
  ).map((row) => row.table_name);
  const selects = [
    `SELECT 'Organization' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS h FROM "Organization" WHERE id = ANY($1::uuid[])`,
    `SELECT 'ApiToken' AS t, count(*)::text || ':' || coalesce(md5(string_agg(md5((to_jsonb(r) - 'lastUsedAt')::text), '' ORDER BY r.id)), '') AS h
       FROM "ApiToken" r WHERE r."orgId" = ANY($1::uuid[])`,
    ...orgScopedTables.map(
      (table) => `SELECT '${table}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS h FROM "${table}" WHERE "orgId" = ANY($1::uuid[])`,
    ),
  ];
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(selects.join(" UNION ALL "), [world.org.id, world.otherOrg.id]);
  return Object.fromEntries(rows.map((row) => [row.t, row.h]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
