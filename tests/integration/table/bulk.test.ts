// Bulk stage move: each row goes through the one stage move with its own version and gets its own result —
// moved, or refused and why (stale version, not visible, loss reason missing) — and only moved rows get
// a history row. The REST route answers the same, and refuses malformed requests as a whole.
import { beforeAll, describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/v1/opportunities/bulk-stage/route";
import { moveOpportunitiesInBulk } from "@/lib/data/bulk";
import { db } from "@/lib/db";
import type { BulkStageMoveResponse } from "@/lib/validations/opportunity-table";
import { buildOpportunity } from "../../factories";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "../api/helpers";
import { contextOf } from "../data/world";
import { writeLostReview } from "../analysis/lost-review";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

const deal = (ownerId: string, teamId: string | null, name?: string) =>
  buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId, teamId, stage: "P1", name });

async function historyCounts(ids: string[]) {
  const rows = await db.stageChange.groupBy({ by: ["opportunityId"], where: { opportunityId: { in: ids } }, _count: true });
  return Object.fromEntries(ids.map((id) => [id, rows.find((row) => row.opportunityId === id)?._count ?? 0]));
}

describe("moveOpportunitiesInBulk", () => {
  it("reports per row: moved, stale version refused with conflict, invisible deal not found; history only for the moved", async () => {
    const ctx = await contextOf(world.rep.id);
    const [fresh, stale, ofRep2] = [await deal(world.rep.id, world.north.id), await deal(world.rep.id, world.north.id), await deal(world.rep2.id, world.north.id)];
    await db.opportunity.update({ where: { id: stale.id }, data: { version: 2 } }); // someone else changed it meanwhile
    const ids = [fresh.id, stale.id, ofRep2.id];
    const before = await historyCounts(ids);

    const results = await moveOpportunitiesInBulk(ctx, {
      to: "P2", reason: "Budget approved",
      items: [{ id: fresh.id, version: 1 }, { id: stale.id, version: 1 }, { id: ofRep2.id, version: 1 }],
    });

    expect(results.map((result) => result.id)).toEqual(ids); // in the order sent
    expect(results[0]).toMatchObject({ status: "moved", opportunity: { id: fresh.id, stage: "P2", version: 2 } });
    expect(results[1]).toMatchObject({ status: "refused", code: "CONFLICT", currentVersion: 2 });
    expect(results[1].opportunity).toBeUndefined();
    expect(results[2]).toMatchObject({ status: "refused", code: "NOT_FOUND" });
    const after = await historyCounts(ids);
    expect(after).toEqual({ [fresh.id]: before[fresh.id] + 1, [stale.id]: before[stale.id], [ofRep2.id]: before[ofRep2.id] });
    const change = await db.stageChange.findFirstOrThrow({ where: { opportunityId: fresh.id, toStage: "P2" } });
    expect(change).toMatchObject({ fromStage: "P1", byUserId: world.rep.id, reason: "Budget approved" });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: stale.id } })).stage).toBe("P1");
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: ofRep2.id } })).stage).toBe("P1");
  });

  it("refuses LOST on every row without its close-out review (validation), and moves once each has one", async () => {
    const ctx = await contextOf(world.rep.id);
    const [first, second] = [await deal(world.rep.id, world.north.id), await deal(world.rep.id, world.north.id)];
    const items = [{ id: first.id, version: 1 }, { id: second.id, version: 1 }];
    const refused = await moveOpportunitiesInBulk(ctx, { to: "LOST", items });
    const missing = "Pick the primary loss reason.; Write the lessons learned.";
    expect(refused).toMatchObject([
      { id: first.id, status: "refused", code: "VALIDATION", message: missing },
      { id: second.id, status: "refused", code: "VALIDATION", message: missing },
    ]);
    expect(await historyCounts([first.id, second.id])).toEqual({ [first.id]: 1, [second.id]: 1 });
    await writeLostReview(first.id, world.rep.id);
    await writeLostReview(second.id, world.rep.id);

    const moved = await moveOpportunitiesInBulk(ctx, { to: "LOST", lossReason: "Competitor won on price", items });
    expect(moved.map((result) => result.status)).toEqual(["moved", "moved"]);
    const rows = await db.opportunity.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(rows.map((row) => [row.stage, row.lossReason])).toEqual([["LOST", "Competitor won on price"], ["LOST", "Competitor won on price"]]);
    expect(await historyCounts([first.id, second.id])).toEqual({ [first.id]: 2, [second.id]: 2 });
  });

  it("refuses a move to the stage a deal is already in, per row, and lets a manager move the team's deals", async () => {
    const manager = await contextOf(world.manager.id);
    const [ofRep, ofRep3] = [await deal(world.rep.id, world.north.id), await deal(world.rep3.id, world.south.id)];
    const results = await moveOpportunitiesInBulk(manager, {
      to: "P1", items: [{ id: ofRep.id, version: 1 }],
    });
    expect(results[0]).toMatchObject({ status: "refused", code: "VALIDATION", message: "The deal is already in P1." });
    const moved = await moveOpportunitiesInBulk(manager, { to: "P3", items: [{ id: ofRep.id, version: 1 }, { id: ofRep3.id, version: 1 }] });
    expect(moved.map((result) => [result.status, result.code])).toEqual([["moved", undefined], ["refused", "NOT_FOUND"]]);
  });
});

describe("POST /api/v1/opportunities/bulk-stage", () => {
  const post = (token: string | null, body: unknown) =>
    call<BulkStageMoveResponse>(bulkRoute.POST, { method: "POST", url: "/api/v1/opportunities/bulk-stage", token, body });

  it("answers 200 with one result per item, including other orgs' deals as not found", async () => {
    const mine = await deal(world.rep.id, world.north.id);
    const foreign = await buildOpportunity(db, { orgId: world.otherOrg.id, accountId: world.otherAccount.id, ownerId: world.otherRep.id, teamId: world.otherTeam.id });
    const result = await post(world.rep.token, { to: "P4", items: [{ id: mine.id, version: 1 }, { id: foreign.id, version: 1 }] });
    expect(result.status).toBe(200);
    expect(result.body.results).toMatchObject([
      { id: mine.id, status: "moved", opportunity: { stage: "P4", version: 2, probability: 0.5 } },
      { id: foreign.id, status: "refused", code: "NOT_FOUND" },
    ]);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: foreign.id } })).stage).toBe("P0");
  });

  it("refuses malformed requests as a whole: no items, more than 500, duplicates, bad ids, unknown fields", async () => {
    const mine = await deal(world.rep.id, world.north.id);
    const tooMany = Array.from({ length: 501 }, () => ({ id: crypto.randomUUID(), version: 1 }));
    const cases: [unknown, string][] = [
      [{ to: "P2", items: [] }, "items"],
      [{ to: "P2", items: tooMany }, "items"],
      [{ to: "P2", items: [{ id: mine.id, version: 1 }, { id: mine.id, version: 1 }] }, "items"],
      [{ to: "P2", items: [{ id: "nope", version: 1 }] }, "items.0.id"],
      [{ to: "P2", items: [{ id: mine.id }] }, "items.0.version"],
      [{ to: "P9", items: [{ id: mine.id, version: 1 }] }, "to"],
      [{ to: "P2", items: [{ id: mine.id, version: 1 }], colour: "red" }, "colour"],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await post(world.rep.token, body), 422);
      expect(problem.errors?.map((error) => error.path), path).toContain(path);
    }
    expectProblem(await post(world.rep.token, "{not json"), 400);
    expectProblem(await post(null, { to: "P2", items: [{ id: mine.id, version: 1 }] }), 401);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: mine.id } })).version).toBe(1);
  });

  it("accepts 500 items in one request", async () => {
    const items = Array.from({ length: 500 }, () => ({ id: crypto.randomUUID(), version: 1 }));
    const result = await post(world.admin.token, { to: "P2", items });
    expect(result.status).toBe(200);
    expect(result.body.results).toHaveLength(500);
    expect(new Set(result.body.results.map((row) => row.code))).toEqual(new Set(["NOT_FOUND"]));
  });
});
