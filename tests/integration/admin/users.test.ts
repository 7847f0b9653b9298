// User administration: create with an initial password, change role and teams, deactivate (sessions end,
// deals stay), reactivate, last-admin protection, and the bulk reassignment of a user's open deals.
import { beforeAll, describe, expect, it } from "vitest";
import * as reassignRoute from "@/app/api/v1/admin/users/[id]/reassign-deals/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { createUser, deactivateUser, listAdminUsers, reactivateUser, reassignOpenDeals, updateUser } from "@/lib/data/admin-users";
import { contextFromApiToken } from "@/lib/data/tokens";
import { authenticateUser, loadContext } from "@/lib/data/users";
import { db } from "@/lib/db";
import type { StageKey } from "@/lib/domain/stages";
import { buildAccount, buildOpportunity, buildOrg, buildTeam, buildUser } from "../../factories";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem, tokenFor } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

const PASSWORD = "correct-horse-battery";

describe("createUser", () => {
  it("creates a user who can sign in with the initial password, in the chosen teams", async () => {
    const ctx = await contextOf(world.admin.id);
    const user = await createUser(ctx, { name: "Ma Lin", email: "ma.lin@test.example", role: "MANAGER", teamIds: [world.north.id], password: PASSWORD });
    expect(user).toMatchObject({ name: "Ma Lin", email: "ma.lin@test.example", role: "MANAGER", isActive: true, openDealCount: 0 });
    expect(user.teams.map((team) => team.id)).toEqual([world.north.id]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(row.orgId).toBe(world.org.id);
    expect(await authenticateUser("MA.LIN@test.example", PASSWORD)).toMatchObject({ id: user.id });
  });

  it("refuses a taken email (any case, any org) with a 422 on email and writes nothing", async () => {
    const otherOrgEmail = (await db.user.findUniqueOrThrow({ where: { id: world.otherAdmin.id } })).email;
    const before = await db.user.count();
    const result = await call(usersRoute.POST, {
      method: "POST", token: world.admin.token,
      body: { name: "Dup", email: otherOrgEmail.toUpperCase(), role: "REP", password: PASSWORD },
    });
    const problem = expectProblem(result, 422);
    expect(problem.errors).toEqual([{ path: "email", message: expect.stringContaining("cannot be used") }]);
    expect(problem.detail).not.toContain(otherOrgEmail);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses passwords shorter than 12 or longer than 128 characters, and unknown teams", async () => {
    const base = { name: "Pw", email: "pw@test.example", role: "REP" };
    const short = expectProblem(await call(usersRoute.POST, { method: "POST", token: world.admin.token, body: { ...base, password: "short-11-ch" } }), 422);
    expect(short.errors).toEqual([{ path: "password", message: "At least 12 characters." }]);
    const long = expectProblem(await call(usersRoute.POST, { method: "POST", token: world.admin.token, body: { ...base, password: "x".repeat(129) } }), 422);
    expect(long.errors).toEqual([{ path: "password", message: "At most 128 characters." }]);
    const team = expectProblem(
      await call(usersRoute.POST, { method: "POST", token: world.admin.token, body: { ...base, password: PASSWORD, teamIds: [world.otherTeam.id] } }),
      422,
    );
    expect(team.errors?.[0].path).toBe("teamIds");
    expect(await db.user.findUnique({ where: { email: "pw@test.example" } })).toBeNull();
  });
});

describe("updateUser", () => {
  it("changes role and replaces the teams; the list shows the change", async () => {
    const ctx = await contextOf(world.admin.id);
    const updated = await updateUser(ctx, world.rep3.id, { role: "MANAGER", teamIds: [world.north.id, world.south.id] });
    expect(updated.role).toBe("MANAGER");
    expect(updated.teams.map((team) => team.id).sort()).toEqual([world.north.id, world.south.id].sort());
    const again = await updateUser(ctx, world.rep3.id, { role: "REP", teamIds: [world.south.id] });
    expect(again.teams.map((team) => team.id)).toEqual([world.south.id]);
    expect((await listAdminUsers(ctx)).find((user) => user.id === world.rep3.id)).toMatchObject({ role: "REP" });
  });

  it("refuses to change one's own role, to make a team's manager a rep, or to drop them from that team", async () => {
    const ctx = await contextOf(world.admin.id);
    await expect(updateUser(ctx, world.admin.id, { role: "REP" })).rejects.toMatchObject({ code: "VALIDATION", errors: [{ path: "role" }] });
    await expect(updateUser(ctx, world.manager.id, { role: "REP" })).rejects.toMatchObject({ code: "VALIDATION", errors: [{ path: "role" }] });
    await expect(updateUser(ctx, world.manager.id, { teamIds: [] })).rejects.toMatchObject({ errors: [{ path: "teamIds" }] });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.admin.id } })).role).toBe("ADMIN");
  });
});

describe("deactivation", () => {
  it("ends the user's sessions and tokens at once but keeps their deals; reactivation needs a new sign-in", async () => {
    const admin = await contextOf(world.admin.id);
    const user = await buildUser(db, world.org.id, { role: "REP" });
    const account = await buildAccount(db, world.org.id);
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: user.id, stage: "P3" });
    const token = await tokenFor(user.id);
    const oldVersion = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    expect(await loadContext(user.id, oldVersion)).not.toBeNull();

    const deactivated = await deactivateUser(admin, user.id);
    expect(deactivated).toMatchObject({ isActive: false, openDealCount: 1 });
    expect(await loadContext(user.id, oldVersion)).toBeNull();
    expect(await contextFromApiToken(token)).toBeNull();
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ ownerId: user.id, stage: "P3", version: 1 });

    await reactivateUser(admin, user.id);
    expect(await loadContext(user.id, oldVersion)).toBeNull();
    expect(await loadContext(user.id, oldVersion + 1)).not.toBeNull();
    expect(await contextFromApiToken(token)).toBeNull();
  });

  it("refuses to deactivate oneself", async () => {
    const admin = await contextOf(world.admin.id);
    await expect(deactivateUser(admin, world.admin.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.admin.id } })).isActive).toBe(true);
  });

  it("never leaves the org without an active admin, even when two admins remove each other at once", async () => {
    const org = await buildOrg(db);
    const one = await buildUser(db, org.id, { role: "ADMIN" });
    const two = await buildUser(db, org.id, { role: "ADMIN" });
    const [ctxOne, ctxTwo] = [await contextOf(one.id), await contextOf(two.id)];
    const outcomes = await Promise.allSettled([deactivateUser(ctxOne, two.id), deactivateUser(ctxTwo, one.id)]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: "The organization needs at least one active administrator." });
    const survivors = await db.user.findMany({ where: { orgId: org.id, role: "ADMIN", isActive: true } });
    expect(survivors).toHaveLength(1);

    // The loser's context is stale (as in a request already under way): it cannot demote the last admin either.
    const loser = survivors[0].id === one.id ? ctxTwo : ctxOne;
    await expect(updateUser(loser, survivors[0].id, { role: "MANAGER" })).rejects.toMatchObject({
      code: "VALIDATION", errors: [{ path: "role", message: "The organization needs at least one active administrator." }],
    });
    expect(await db.user.count({ where: { orgId: org.id, role: "ADMIN", isActive: true } })).toBe(1);
  });
});

describe("reassignOpenDeals", () => {
  it("moves only that user's open deals, bumps their versions, keeps stages and history", async () => {
    const admin = await contextOf(world.admin.id);
    const leaver = await buildUser(db, world.org.id, { role: "REP" });
    const heir = await buildUser(db, world.org.id, { role: "REP" });
    const bystander = await buildUser(db, world.org.id, { role: "REP" });
    const shared = await buildTeam(db, world.org.id, { memberIds: [leaver.id, heir.id] });
    const leaverOnly = await buildTeam(db, world.org.id, { memberIds: [leaver.id] });
    const account = await buildAccount(db, world.org.id);
    const deal = (ownerId: string, stage: StageKey, teamId: string | null = null) =>
      buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId, stage, teamId });
    const openInShared = await deal(leaver.id, "P3", shared.id);
    const openInOther = await deal(leaver.id, "P6", leaverOnly.id);
    const openNoTeam = await deal(leaver.id, "P0");
    const won = await deal(leaver.id, "P7");
    const lost = await deal(leaver.id, "LOST");
    const deleted = await deal(leaver.id, "P1");
    await db.opportunity.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const others = await deal(bystander.id, "P3");
    await deactivateUser(admin, leaver.id);
    const historyBefore = await db.stageChange.count({ where: { orgId: world.org.id } });

    const result = await call<{ moved: number; opportunityIds: string[] }>(reassignRoute.POST, {
      method: "POST", token: world.admin.token, params: { id: leaver.id }, body: { toUserId: heir.id },
    });
    expect(result.status).toBe(200);
    expect(result.body.moved).toBe(3);
    expect(result.body.opportunityIds.sort()).toEqual([openInShared.id, openInOther.id, openNoTeam.id].sort());

    const rows = new Map((await db.opportunity.findMany({ where: { accountId: account.id } })).map((row) => [row.id, row]));
    expect(rows.get(openInShared.id)).toMatchObject({ ownerId: heir.id, stage: "P3", version: 2, teamId: shared.id });
    // The heir is not in the leaver's other team: the deal takes the heir's team, as a single reassignment would.
    expect(rows.get(openInOther.id)).toMatchObject({ ownerId: heir.id, stage: "P6", version: 2, teamId: shared.id });
    expect(rows.get(openNoTeam.id)).toMatchObject({ ownerId: heir.id, version: 2 });
    for (const untouched of [won, lost, deleted]) expect(rows.get(untouched.id)).toMatchObject({ ownerId: leaver.id, version: 1 });
    expect(rows.get(others.id)).toMatchObject({ ownerId: bystander.id, version: 1 });
    expect(await db.stageChange.count({ where: { orgId: world.org.id } })).toBe(historyBefore);

    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: world.org.id, action: "user.reassignDeals", entityId: leaver.id } });
    expect(audit).toMatchObject({ actorId: world.admin.id, before: { ownerId: leaver.id }, after: { ownerId: heir.id } });
  });

  it("refuses an inactive, foreign or identical new owner", async () => {
    const admin = await contextOf(world.admin.id);
    const inactive = await buildUser(db, world.org.id, { isActive: false });
    await expect(reassignOpenDeals(admin, world.rep.id, inactive.id)).rejects.toMatchObject({ errors: [{ path: "toUserId" }] });
    await expect(reassignOpenDeals(admin, world.rep.id, world.otherRep.id)).rejects.toMatchObject({ errors: [{ path: "toUserId" }] });
    await expect(reassignOpenDeals(admin, world.rep.id, world.rep.id)).rejects.toMatchObject({ errors: [{ path: "toUserId" }] });
    await expect(reassignOpenDeals(admin, world.otherRep.id, world.rep.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
