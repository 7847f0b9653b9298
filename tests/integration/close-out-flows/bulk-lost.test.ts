// Bulk move to LOST with a close-out review: the review travels with the request and is written for each
// deal inside that deal's own move transaction, so a refused row (stale version, not visible, incomplete
// review) keeps neither the move nor the review, and the others move with theirs. The REST route answers the
// same; a review with a move that is not to LOST is refused as a whole. Also the reasons a review form offers
// when it is about no one stored deal.
import { beforeAll, describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/v1/opportunities/bulk-stage/route";
import * as optionsRoute from "@/app/api/v1/close-out-reasons/options/route";
import { moveOpportunitiesInBulk } from "@/lib/data/bulk";
import { db } from "@/lib/db";
import type { BulkStageMoveResponse } from "@/lib/validations/opportunity-table";
import { buildOpportunity } from "../../factories";
import { call, contextOf, expectProblem, type ApiWorld } from "../api/helpers";
import { buildCloseOutWorld, completeReview } from "./world";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildCloseOutWorld();
});

const deal = (ownerId: string, teamId: string | null) =>
  buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId, teamId, stage: "P2" });

const stateOf = async (id: string) => ({
  deal: await db.opportunity.findUniqueOrThrow({ where: { id }, select: { stage: true, version: true, lossReason: true } }),
  review: await db.closeOutReview.findUnique({ where: { opportunityId: id }, select: { outcome: true, primaryReason: true, secondaryReasons: true, lessons: true, authorId: true } }),
  changes: await db.stageChange.findMany({ where: { opportunityId: id }, select: { toStage: true, lossReason: true } }),
});

describe("bulk move to LOST with a close-out review", () => {
  it("writes the review for each moved deal in its own move; a stale or invisible row keeps neither move nor review", async () => {
    const ctx = await contextOf(world.rep.id);
    const [first, second, stale, ofOtherTeam] = [
      await deal(world.rep.id, world.north.id), await deal(world.rep.id, world.north.id),
      await deal(world.rep.id, world.north.id), await deal(world.rep3.id, world.south.id),
    ];
    await db.opportunity.update({ where: { id: stale.id }, data: { version: 2 } });
    const before = { stale: await stateOf(stale.id), other: await stateOf(ofOtherTeam.id) };

    const results = await moveOpportunitiesInBulk(ctx, {
      to: "LOST", closeOut: completeReview(),
      items: [first, second, stale, ofOtherTeam].map((row) => ({ id: row.id, version: 1 })),
    });

    expect(results.map((result) => [result.status, result.code])).toEqual([
      ["moved", undefined], ["moved", undefined], ["refused", "CONFLICT"], ["refused", "NOT_FOUND"],
    ]);
    for (const moved of [first, second]) {
      expect(await stateOf(moved.id)).toMatchObject({
        deal: { stage: "LOST", version: 2, lossReason: "Price" }, // the primary reason's label, as the move records it
        review: { outcome: "LOST", primaryReason: "PRICE", secondaryReasons: ["BUDGET_CUT"], lessons: "Qualify the budget before the demo.", authorId: world.rep.id },
        changes: expect.arrayContaining([{ toStage: "LOST", lossReason: "Price" }]),
      });
    }
    expect(await stateOf(stale.id)).toEqual(before.stale);
    expect(await stateOf(ofOtherTeam.id)).toEqual(before.other);
  });

  it("refuses every row with the same missing parts when the review is incomplete, writing nothing", async () => {
    const ctx = await contextOf(world.rep.id);
    const rows = [await deal(world.rep.id, world.north.id), await deal(world.rep.id, world.north.id)];
    const results = await moveOpportunitiesInBulk(ctx, {
      to: "LOST", closeOut: completeReview({ primaryReason: "COMPETITOR_RELATIONSHIP", secondaryReasons: [], winnerCompetitor: null }),
      items: rows.map((row) => ({ id: row.id, version: 1 })),
    });
    for (const result of results) {
      expect(result).toMatchObject({ status: "refused", code: "VALIDATION", message: "Name the competitor who won (the primary reason is the competition)." });
    }
    for (const row of rows) expect(await stateOf(row.id)).toMatchObject({ deal: { stage: "P2", version: 1 }, review: null });
  });

  it("refuses a reason that is not an active item of the org's loss reasons, on each row", async () => {
    const ctx = await contextOf(world.rep.id);
    const row = await deal(world.rep.id, world.north.id);
    const [result] = await moveOpportunitiesInBulk(ctx, { to: "LOST", closeOut: completeReview({ primaryReason: "RETIRED", secondaryReasons: [] }), items: [{ id: row.id, version: 1 }] });
    expect(result).toMatchObject({ status: "refused", code: "VALIDATION", message: "Pick a reason from the list." });
    expect(await stateOf(row.id)).toMatchObject({ deal: { stage: "P2" }, review: null });
  });

  it("POST /api/v1/opportunities/bulk-stage carries the review; a review with a move not to LOST is a 422 on closeOut", async () => {
    const rows = [await deal(world.rep.id, world.north.id), await deal(world.rep.id, world.north.id)];
    const items = rows.map((row) => ({ id: row.id, version: 1 }));
    const wrongTarget = expectProblem(await call(bulkRoute.POST, { method: "POST", token: world.rep.token, body: { to: "P3", closeOut: completeReview(), items } }), 422);
    expect(wrongTarget.errors).toEqual([{ path: "closeOut", message: "A close-out review goes only with a move to LOST." }]);
    const incomplete = expectProblem(await call(bulkRoute.POST, { method: "POST", token: world.rep.token, body: { to: "LOST", closeOut: { primaryReason: "PRICE" }, items } }), 422);
    expect(incomplete.errors?.map((error) => error.path)).toEqual(["closeOut.lessons"]);

    const response = await call<BulkStageMoveResponse>(bulkRoute.POST, { method: "POST", token: world.rep.token, body: { to: "LOST", closeOut: completeReview(), items } });
    expect(response.status).toBe(200);
    expect(response.body.results.map((result) => [result.id, result.status, result.opportunity?.stage])).toEqual(rows.map((row) => [row.id, "moved", "LOST"]));
    expect(await db.closeOutReview.count({ where: { opportunityId: { in: rows.map((row) => row.id) }, outcome: "LOST" } })).toBe(2);
  });
});

describe("GET /api/v1/close-out-reasons/options", () => {
  it("lists the org's active win and loss reasons in the reader's language, for any signed-in member", async () => {
    const response = await call<{ reasons: { WON: { value: string; label: string }[]; LOST: { value: string; label: string }[] } }>(optionsRoute.GET, { token: world.rep.token });
    expect(response.status).toBe(200);
    expect(response.body.reasons.LOST).toEqual([
      { value: "PRICE", label: "Price" }, { value: "COMPETITOR_RELATIONSHIP", label: "Competitor relationship" }, { value: "BUDGET_CUT", label: "Budget cut" },
    ]);
    expect(response.body.reasons.WON).toEqual([{ value: "SOLUTION_FIT", label: "Solution fit" }]);
    const other = await call<{ reasons: { LOST: unknown[] } }>(optionsRoute.GET, { token: world.otherRep.token });
    expect(other.body.reasons.LOST).toEqual([]); // another org's lists stay theirs
    expect((await call(optionsRoute.GET, {})).status).toBe(401);
  });
});
