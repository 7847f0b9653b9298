// Optimistic concurrency under contention (fewer repetitions than `npm run stress:concurrency`): concurrent
// stage moves with one version → one wins, the rest 409, one history row; concurrent edits of different
// fields → one 409, never a silent lost update.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { moveOpportunityToStage, updateOpportunity } from "@/lib/data/opportunities";
import { isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import { buildOpportunity } from "../../factories";
import { buildApiWorld, contextOf, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
let rep: Ctx;
let manager: Ctx;
beforeAll(async () => {
  world = await buildApiWorld();
  [rep, manager] = await Promise.all([contextOf(world.rep.id), contextOf(world.manager.id)]);
});

const isConflict = (result: PromiseSettledResult<unknown>) =>
  result.status === "rejected" && isAppError(result.reason) && result.reason.code === "CONFLICT";

describe("concurrent writes to one deal", () => {
  it("lets exactly one of 20 same-version stage moves through, 5 times, with one history row each", async () => {
    for (let round = 0; round < 5; round++) {
      const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id });
      const results = await Promise.allSettled(Array.from({ length: 20 }, () =>
        moveOpportunityToStage(rep, deal.id, { to: "P1", version: deal.version, lossReason: null, reason: null })));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.filter(isConflict)).toHaveLength(19);
      expect(await db.stageChange.count({ where: { opportunityId: deal.id, toStage: "P1" } })).toBe(1);
      expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).version).toBe(deal.version + 1);
    }
  });

  it("never loses an edit of another field silently: the second writer gets 409 and its retry keeps both", async () => {
    for (let round = 0; round < 5; round++) {
      const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id });
      const results = await Promise.allSettled([
        updateOpportunity(rep, deal.id, { name: `Renamed ${round}`, version: deal.version }),
        updateOpportunity(manager, deal.id, { amount: "777.00", version: deal.version }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.filter(isConflict)).toHaveLength(1);
      const loser = results.findIndex(isConflict);
      const current = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
      await (loser === 0
        ? updateOpportunity(rep, deal.id, { name: `Renamed ${round}`, version: current.version })
        : updateOpportunity(manager, deal.id, { amount: "777.00", version: current.version }));
      const final = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
      expect([final.name, final.amount.toFixed(2)]).toEqual([`Renamed ${round}`, "777.00"]);
    }
  });
});
