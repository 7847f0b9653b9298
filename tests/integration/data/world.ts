// A small world for the data-layer tests, built fresh per test file in its own org (the run shares one
// database, so every assertion is scoped to this world's org and records):
//   org A: admin; team North (manager; rep, rep2); team South (manager2; rep3)
//   org B: otherAdmin, otherRep
// One deal per person (admin's without a team), one in org B, and one soft-deleted deal of rep.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { loadContext } from "@/lib/data/users";
import type { AppErrorCode } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import { buildAccount, buildOpportunity, buildOrg, buildTeam, buildUser } from "../../factories";

export async function contextOf(userId: string): Promise<Ctx> {
  const ctx = await loadContext(userId);
  if (!ctx) throw new Error(`no context for user ${userId}`);
  return ctx;
}

export async function buildDataWorld() {
  const org = await buildOrg(db);
  const otherOrg = await buildOrg(db);
  const [admin, manager, rep, rep2, manager2, rep3, otherAdmin, otherRep] = await Promise.all([
    buildUser(db, org.id, { role: "ADMIN" }),
    buildUser(db, org.id, { role: "MANAGER" }),
    buildUser(db, org.id, { role: "REP" }),
    buildUser(db, org.id, { role: "REP" }),
    buildUser(db, org.id, { role: "MANAGER" }),
    buildUser(db, org.id, { role: "REP" }),
    buildUser(db, otherOrg.id, { role: "ADMIN" }),
    buildUser(db, otherOrg.id, { role: "REP" }),
  ]);
  const north = await buildTeam(db, org.id, { name: `North ${org.id}`, managerId: manager.id, memberIds: [rep.id, rep2.id] });
  const south = await buildTeam(db, org.id, { name: `South ${org.id}`, managerId: manager2.id, memberIds: [rep3.id] });
  const otherTeam = await buildTeam(db, otherOrg.id, { managerId: otherAdmin.id, memberIds: [otherRep.id] });
  const account = await buildAccount(db, org.id, { ownerId: rep.id, name: `Account of ${org.id}` });
  const southAccount = await buildAccount(db, org.id, { ownerId: rep3.id });
  const otherAccount = await buildAccount(db, otherOrg.id, { ownerId: otherRep.id });

  const deal = (ownerId: string, teamId: string | null, accountId = account.id, orgId = org.id) =>
    buildOpportunity(db, { orgId, accountId, ownerId, teamId, amount: "100000.00" });
  const deals = {
    rep: await deal(rep.id, north.id),
    rep2: await deal(rep2.id, north.id),
    manager: await deal(manager.id, north.id),
    rep3: await deal(rep3.id, south.id, southAccount.id),
    manager2: await deal(manager2.id, south.id, southAccount.id),
    admin: await deal(admin.id, null),
    other: await deal(otherRep.id, otherTeam.id, otherAccount.id, otherOrg.id),
    deleted: await deal(rep.id, north.id),
  };
  await db.opportunity.update({ where: { id: deals.deleted.id }, data: { deletedAt: new Date() } });

  const ctx = {
    admin: await contextOf(admin.id),
    manager: await contextOf(manager.id),
    rep: await contextOf(rep.id),
    rep2: await contextOf(rep2.id),
    manager2: await contextOf(manager2.id),
    rep3: await contextOf(rep3.id),
    otherAdmin: await contextOf(otherAdmin.id),
    otherRep: await contextOf(otherRep.id),
  };
  return {
    org, otherOrg, north, south, otherTeam, account, southAccount, otherAccount, deals, ctx,
    users: { admin, manager, rep, rep2, manager2, rep3, otherAdmin, otherRep },
  };
}

export type DataWorld = Awaited<ReturnType<typeof buildDataWorld>>;

/** Awaits a data-layer call that must fail with an AppError of `code`; returns the error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode) {
  const error = await promise.then(
    () => {
      throw new Error(`expected AppError ${code}, but the call succeeded`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toMatchObject({ name: "AppError", code });
  return error as { code: AppErrorCode; message: string; errors?: { path: string; message: string }[]; extensions?: Record<string, unknown> };
}

/** The row exactly as stored plus its history count: proof that a refused call wrote nothing. */
export async function snapshotDeal(id: string) {
  const [row, historyCount] = await Promise.all([
    db.opportunity.findUniqueOrThrow({ where: { id } }),
    db.stageChange.count({ where: { opportunityId: id } }),
  ]);
  return { ...row, amount: row.amount.toString(), historyCount };
}
