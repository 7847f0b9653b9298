// THE stage move (moveOpportunityToStage): version check, domain rules, new stage and its StageChange row
// written together in one transaction — or nothing at all.
import { beforeAll, describe, expect, it } from "vitest";
import { getOpportunity, listStageHistory, moveOpportunityToStage } from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import { buildOpportunity } from "../../factories";
import { buildDataWorld, type DataWorld, expectAppError, snapshotDeal } from "./world";
import { writeLostReview } from "../analysis/lost-review";

let world: DataWorld;
beforeAll(async () => {
  world = await buildDataWorld();
});

async function newDeal(amount = "123456.78") {
  return buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.users.rep.id, teamId: world.north.id, amount });
}

describe("moveOpportunityToStage", () => {
  it("writes the stage and a history row with from, to, by, amount and the probability in force", async () => {
    const deal = await newDeal();
    const moved = await moveOpportunityToStage(world.ctx.rep, deal.id, { to: "P3", version: 1 });
    expect(moved).toMatchObject({ stage: "P3", probability: 0.3, weightedAmount: "37037.03", version: 2, lossReason: null });

    const rows = await db.stageChange.findMany({ where: { opportunityId: deal.id }, orderBy: { at: "asc" } });
    expect(rows).toHaveLength(2);
    const move = rows[1];
    expect(move).toMatchObject({ fromStage: "P0", toStage: "P3", byUserId: world.users.rep.id, orgId: world.org.id, lossReason: null });
    expect(move.amount.toString()).toBe("123456.78");
    expect(move.probability.toString()).toBe("0.3");
    expect(move.at.toISOString()).toBe(moved.stageEnteredAt);
  });

  it("records the manager, not the owner, when a manager moves a rep's deal", async () => {
    const deal = await newDeal();
    await moveOpportunityToStage(world.ctx.manager, deal.id, { to: "P1", version: 1, reason: "Need confirmed at the site visit" });
    const history = await listStageHistory(world.ctx.rep, deal.id);
    expect(history.map(({ fromStage, toStage, byUserId }) => ({ fromStage, toStage, byUserId }))).toEqual([
      { fromStage: null, toStage: "P0", byUserId: world.users.rep.id },
      { fromStage: "P0", toStage: "P1", byUserId: world.users.manager.id },
    ]);
    expect(history[1]).toMatchObject({ probability: 0.2, amount: "123456.78", reason: "Need confirmed at the site visit" });
  });

  it("refuses LOST without its close-out review and writes nothing", async () => {
    const deal = await newDeal();
    const before = await snapshotDeal(deal.id);
    for (const lossReason of [undefined, null, "   "]) {
      const error = await expectAppError(moveOpportunityToStage(world.ctx.rep, deal.id, { to: "LOST", version: 1, lossReason }), "VALIDATION");
      expect(error.errors?.map((entry) => entry.path)).toEqual(["closeOut.primaryReason", "closeOut.lessons"]);
    }
    expect(await snapshotDeal(deal.id)).toEqual(before);
  });

  it("moves to LOST with its reason at probability 0, and clears the reason when the deal is revived", async () => {
    const deal = await newDeal();
    await writeLostReview(deal.id, world.users.rep.id);
    const lost = await moveOpportunityToStage(world.ctx.rep, deal.id, { to: "LOST", version: 1, lossReason: "Lost on price" });
    expect(lost).toMatchObject({ stage: "LOST", probability: 0, weightedAmount: "0.00", lossReason: "Lost on price" });
    const lostRow = await db.stageChange.findFirstOrThrow({ where: { opportunityId: deal.id, toStage: "LOST" } });
    expect(lostRow.lossReason).toBe("Lost on price");
    expect(lostRow.probability.toString()).toBe("0");
    const revived = await moveOpportunityToStage(world.ctx.rep, deal.id, { to: "P2", version: 2 });
    expect(revived).toMatchObject({ stage: "P2", lossReason: null, probability: 0.25 });
  });

  it("refuses a move to the current stage", async () => {
    const deal = await newDeal();
    const error = await expectAppError(moveOpportunityToStage(world.ctx.rep, deal.id, { to: "P0", version: 1 }), "VALIDATION");
    expect(error.errors?.map((entry) => entry.path)).toEqual(["to"]);
  });

  it("answers a stale version with CONFLICT and the current version, changing zero rows", async () => {
    const deal = await newDeal();
    await moveOpportunityToStage(world.ctx.rep, deal.id, { to: "P1", version: 1 });
    const before = await snapshotDeal(deal.id);
    const error = await expectAppError(moveOpportunityToStage(world.ctx.rep, deal.id, { to: "P4", version: 1 }), "CONFLICT");
    expect(error.extensions).toEqual({ currentVersion: 2 });
    expect(await snapshotDeal(deal.id)).toEqual(before);
  });

  it("lets exactly one of two concurrent moves with the same version win", async () => {
    for (let round = 0; round < 5; round += 1) {
      const deal = await newDeal();
      const results = await Promise.allSettled([
        moveOpportunityToStage(world.ctx.rep, deal.id, { to: "P1", version: 1 }),
        moveOpportunityToStage(world.ctx.manager, deal.id, { to: "P2", version: 1 }),
      ]);
      const fulfilled = results.filter((result) => result.status === "fulfilled");
      const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toMatchObject({ code: "CONFLICT", extensions: { currentVersion: 2 } });

      const after = await snapshotDeal(deal.id);
      expect(after.version).toBe(2);
      expect(after.historyCount).toBe(2);
      const winner = (fulfilled[0] as PromiseFulfilledResult<{ stage: string }>).value.stage;
      expect(after.stage).toBe(winner);
      const history = await listStageHistory(world.ctx.rep, deal.id);
      expect(history.at(-1)?.toStage).toBe(winner);
    }
  });

  it("walks a deal through the whole pipeline with one history row per move, oldest first", async () => {
    const deal = await newDeal("1000.00");
    let version = 1;
    for (const to of ["P1", "P2", "P3", "P4", "P5", "P6", "P7"] as const) {
      version = (await moveOpportunityToStage(world.ctx.rep, deal.id, { to, version })).version;
    }
    const history = await listStageHistory(world.ctx.rep, deal.id);
    expect(history.map((row) => row.toStage)).toEqual(["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"]);
    expect(history.map((row) => row.probability)).toEqual([0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 0.9, 1]);
    const final = await getOpportunity(world.ctx.rep, deal.id);
    expect(final).toMatchObject({ stage: "P7", version: 8, weightedAmount: "1000.00" });
  });

  it("refuses to move a soft-deleted deal", async () => {
    await expectAppError(moveOpportunityToStage(world.ctx.admin, world.deals.deleted.id, { to: "P1", version: 1 }), "NOT_FOUND");
  });
});
