// Creating, editing and deleting opportunities through lib/data: team defaulting, cross-org references
// (VALIDATION), creating for others (FORBIDDEN), optimistic versions (CONFLICT, nothing written).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createOpportunity, deleteOpportunity, getOpportunity, listOpportunityPage, updateOpportunity } from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import { opportunityCreateSchema, type OpportunityCreateInput } from "@/lib/validations/opportunity";
import { buildOpportunity, buildTeam, buildUser } from "../../factories";
import { buildDataWorld, contextOf, type DataWorld, expectAppError, snapshotDeal } from "./world";

let world: DataWorld;
beforeAll(async () => {
  world = await buildDataWorld();
});

function input(overrides: Partial<OpportunityCreateInput> = {}) {
  return opportunityCreateSchema.parse({
    name: `Deal ${randomUUID().slice(0, 8)}`, accountId: world.account.id, amount: "250000.50", expectedCloseDate: "2027-03-31",
    ...overrides,
  });
}

const pathsOf = (error: { errors?: { path: string }[] }) => (error.errors ?? []).map((entry) => entry.path);

describe("createOpportunity", () => {
  it("creates a deal owned by the caller in their team, at P0, with its first history row", async () => {
    const created = await createOpportunity(world.ctx.rep, input({ productLine: "Switchgear" }));
    expect(created).toMatchObject({
      ownerId: world.users.rep.id, teamId: world.north.id, stage: "P0", probability: 0.1, amount: "250000.50",
      weightedAmount: "25000.05", currency: "CNY", expectedCloseDate: "2027-03-31", version: 1, productLine: "Switchgear",
    });
    const history = await db.stageChange.findMany({ where: { opportunityId: created.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStage: null, toStage: "P0", byUserId: world.users.rep.id });
    expect(history[0].probability.toString()).toBe("0.1");
    expect(history[0].amount.toString()).toBe("250000.5");
  });

  it("defaults the team to one of the owner's teams that the caller manages", async () => {
    const both = await buildUser(db, world.org.id, { role: "REP" });
    await db.teamMember.createMany({
      data: [world.north.id, world.south.id].map((teamId) => ({ teamId, userId: both.id, orgId: world.org.id })),
    });
    expect((await createOpportunity(world.ctx.manager2, input({ ownerId: both.id }))).teamId).toBe(world.south.id);
    expect((await createOpportunity(world.ctx.manager, input({ ownerId: both.id }))).teamId).toBe(world.north.id);
    expect((await createOpportunity(world.ctx.manager, input({ ownerId: world.users.rep2.id }))).teamId).toBe(world.north.id);
    expect((await createOpportunity(world.ctx.admin, input({ ownerId: world.users.rep3.id }))).teamId).toBe(world.south.id);
    expect((await createOpportunity(world.ctx.admin, input())).teamId).toBeNull();
  });

  it("starts a deal at a later stage or lost, with the stage module's probability", async () => {
    await db.orgListItem.create({ data: { orgId: world.org.id, list: "LOSS_REASON", key: "BUDGET_CUT", labelEn: "Budget cut", labelZh: "预算削减", order: 0 } });
    const closeOut = { primaryReason: "BUDGET_CUT", secondaryReasons: [], lessons: "Confirm the budget owner early." };
    const lost = await createOpportunity(world.ctx.rep, input({ stage: "LOST", lossReason: "Budget cut", closeOut }));
    expect(lost).toMatchObject({ stage: "LOST", probability: 0, weightedAmount: "0.00", lossReason: "Budget cut" });
    const p5 = await createOpportunity(world.ctx.rep, input({ stage: "P5", amount: "1000" }));
    expect(p5).toMatchObject({ stage: "P5", probability: 0.75, weightedAmount: "750.00" });
    const row = await db.stageChange.findFirstOrThrow({ where: { opportunityId: p5.id } });
    expect(row.probability.toString()).toBe("0.75");
  });

  it("refuses an account, owner or team of another org with VALIDATION, naming the field", async () => {
    const before = await db.opportunity.count({ where: { orgId: world.org.id } });
    const account = await expectAppError(createOpportunity(world.ctx.admin, input({ accountId: world.otherAccount.id })), "VALIDATION");
    expect(pathsOf(account)).toEqual(["accountId"]);
    const owner = await expectAppError(createOpportunity(world.ctx.admin, input({ ownerId: world.users.otherRep.id })), "VALIDATION");
    expect(pathsOf(owner)).toEqual(["ownerId"]);
    const team = await expectAppError(createOpportunity(world.ctx.admin, input({ teamId: world.otherTeam.id })), "VALIDATION");
    expect(pathsOf(team)).toEqual(["teamId"]);
    const missing = await expectAppError(createOpportunity(world.ctx.rep, input({ accountId: randomUUID() })), "VALIDATION");
    expect(pathsOf(missing)).toEqual(["accountId"]);
    expect(await db.opportunity.count({ where: { orgId: world.org.id } })).toBe(before);
  });

  it("refuses a team the owner does not belong to with VALIDATION", async () => {
    const error = await expectAppError(createOpportunity(world.ctx.admin, input({ ownerId: world.users.rep.id, teamId: world.south.id })), "VALIDATION");
    expect(pathsOf(error)).toEqual(["teamId"]);
  });

  it("forbids a rep to create for someone else, and a manager for a team they do not manage", async () => {
    await expectAppError(createOpportunity(world.ctx.rep, input({ ownerId: world.users.rep2.id })), "FORBIDDEN");
    await expectAppError(createOpportunity(world.ctx.manager, input({ ownerId: world.users.rep3.id })), "FORBIDDEN");
    const created = await createOpportunity(world.ctx.manager, input({ ownerId: world.users.rep.id }));
    expect(created.ownerId).toBe(world.users.rep.id);
  });
});

describe("updateOpportunity", () => {
  it("changes the fields given, bumps the version and keeps money exact", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    const updated = await updateOpportunity(world.ctx.rep, deal.id, { name: "Renamed", amount: "0.10", version: deal.version });
    expect(updated).toMatchObject({ name: "Renamed", amount: "0.10", weightedAmount: "0.01", version: deal.version + 1 });
    expect(updated.expectedCloseDate).toBe(deal.expectedCloseDate);
  });

  it("answers a stale version with CONFLICT carrying the current version, and writes nothing", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    await updateOpportunity(world.ctx.rep, deal.id, { name: "First edit", version: 1 });
    const before = await snapshotDeal(deal.id);
    const error = await expectAppError(updateOpportunity(world.ctx.rep, deal.id, { name: "Stale edit", amount: "1.00", version: 1 }), "CONFLICT");
    expect(error.extensions).toEqual({ currentVersion: 2 });
    expect(await snapshotDeal(deal.id)).toEqual(before);
  });

  it("lets exactly one of two concurrent edits of the same version through", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    const results = await Promise.allSettled([
      updateOpportunity(world.ctx.rep, deal.id, { name: "Edit A", version: 1 }),
      updateOpportunity(world.ctx.manager, deal.id, { name: "Edit B", version: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect((await getOpportunity(world.ctx.rep, deal.id)).version).toBe(2);
  });

  it("forbids a rep to hand a deal to someone else; a manager may, within their team", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    await expectAppError(updateOpportunity(world.ctx.rep, deal.id, { ownerId: world.users.rep2.id, version: 1 }), "FORBIDDEN");
    await expectAppError(updateOpportunity(world.ctx.manager, deal.id, { ownerId: world.users.rep3.id, version: 1 }), "FORBIDDEN");
    const moved = await updateOpportunity(world.ctx.manager, deal.id, { ownerId: world.users.rep2.id, version: 1 });
    expect(moved).toMatchObject({ ownerId: world.users.rep2.id, teamId: world.north.id, version: 2 });
    await expectAppError(getOpportunity(world.ctx.rep, deal.id), "NOT_FOUND");
  });

  it("refuses an account of another org with VALIDATION", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    const error = await expectAppError(updateOpportunity(world.ctx.rep, deal.id, { accountId: world.otherAccount.id, version: 1 }), "VALIDATION");
    expect(pathsOf(error)).toEqual(["accountId"]);
  });
});

describe("deleteOpportunity (soft)", () => {
  it("hides the deal from every query but keeps the row and its history", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    await deleteOpportunity(world.ctx.rep, deal.id);
    await expectAppError(getOpportunity(world.ctx.rep, deal.id), "NOT_FOUND");
    await expectAppError(getOpportunity(world.ctx.admin, deal.id), "NOT_FOUND");
    const page = await listOpportunityPage(world.ctx.admin, { limit: 200, q: deal.name }, 1);
    expect(page.total).toBe(0);
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db.stageChange.count({ where: { opportunityId: deal.id } })).toBe(1);
    await expectAppError(deleteOpportunity(world.ctx.rep, deal.id), "NOT_FOUND");
  });

  it("refuses a stale expected version with CONFLICT", async () => {
    const deal = await createOpportunity(world.ctx.rep, input());
    await updateOpportunity(world.ctx.rep, deal.id, { name: "Edited", version: 1 });
    await expectAppError(deleteOpportunity(world.ctx.rep, deal.id, 1), "CONFLICT");
    expect((await getOpportunity(world.ctx.rep, deal.id)).version).toBe(2);
  });

  it("lets a manager delete a deal of their team and not one of another team", async () => {
    const ownTeam = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.users.rep2.id, teamId: world.north.id });
    await deleteOpportunity(world.ctx.manager, ownTeam.id);
    await expectAppError(deleteOpportunity(world.ctx.manager, world.deals.rep3.id), "NOT_FOUND");
    expect((await getOpportunity(world.ctx.rep3, world.deals.rep3.id)).id).toBe(world.deals.rep3.id);
  });
});

describe("contexts", () => {
  it("carries the user's teams and managed teams", async () => {
    expect(world.ctx.manager).toMatchObject({ role: "MANAGER", orgId: world.org.id, managedTeamIds: [world.north.id] });
    expect(world.ctx.manager.teamIds).toContain(world.north.id);
    expect(world.ctx.rep).toMatchObject({ role: "REP", teamIds: [world.north.id], managedTeamIds: [] });
    const team = await buildTeam(db, world.org.id, { managerId: world.users.manager.id });
    expect((await contextOf(world.users.manager.id)).managedTeamIds.sort()).toEqual([world.north.id, team.id].sort());
  });
});
