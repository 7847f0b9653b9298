// REST API v1: stage moves and history — one write path, the probability in force recorded with each
// move, exact decimal weighted amounts.
import { beforeAll, describe, expect, it } from "vitest";
import * as opportunityRoute from "@/app/api/v1/opportunities/[id]/route";
import * as historyRoute from "@/app/api/v1/opportunities/[id]/history/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import type { OpportunityOutput, StageChangeOutput } from "@/lib/validations/opportunity";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "./helpers";
import { writeLostReview } from "../analysis/lost-review";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

async function createDeal(token: string, body: Record<string, unknown>) {
  const result = await call<OpportunityOutput>(opportunitiesRoute.POST, {
    method: "POST", token, body: { name: "Stage walk", accountId: world.account.id, expectedCloseDate: "2027-09-30", ...body },
  });
  expect(result.status).toBe(201);
  return result.body;
}

async function move(token: string, id: string, body: Record<string, unknown>) {
  return call<OpportunityOutput>(stageRoute.POST, { method: "POST", token, params: { id }, body });
}

describe("POST /api/v1/opportunities/:id/stage", () => {
  it("moves a deal, bumps its version and recomputes probability and weighted amount from the stage module", async () => {
    const deal = await createDeal(world.rep.token, { amount: "123456.78", stage: "P1" });
    expect(deal).toMatchObject({ probability: 0.2, weightedAmount: "24691.36", version: 1 });
    const moved = await move(world.rep.token, deal.id, { to: "P4", version: 1, reason: "Senior sponsor met" });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: "P4", probability: 0.5, weightedAmount: "61728.39", version: 2, amount: "123456.78" });
  });

  it("rounds each record's weighted amount half-up to 2 places in exact decimal", async () => {
    const deal = await createDeal(world.rep.token, { amount: "0.15", stage: "P0" });
    expect(deal.weightedAmount).toBe("0.02"); // 0.015 → 0.02; (0.15 * 0.1).toFixed(2) in floats is "0.01"
    const big = await createDeal(world.rep.token, { amount: "99999999999999.99", stage: "P5" });
    expect(big.weightedAmount).toBe("74999999999999.99"); // 74999999999999.9925; floats give "…98"
  });

  it("records LOST with its loss reason and a zero probability", async () => {
    const deal = await createDeal(world.rep.token, { amount: "500.00", stage: "P3" });
    await writeLostReview(deal.id, world.rep.id);
    const lost = await move(world.rep.token, deal.id, { to: "LOST", version: 1, lossReason: "Competitor cheaper" });
    expect(lost.body).toMatchObject({ stage: "LOST", lossReason: "Competitor cheaper", probability: 0, weightedAmount: "0.00" });
  });

  it("refuses a move to the stage the deal is already in (422)", async () => {
    const deal = await createDeal(world.rep.token, { amount: "1.00", stage: "P2" });
    const problem = expectProblem(await move(world.rep.token, deal.id, { to: "P2", version: 1 }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(["to"]);
  });

  it("lets a manager move a deal of their team", async () => {
    const deal = await createDeal(world.rep2.token, { amount: "10.00" });
    const moved = await move(world.manager.token, deal.id, { to: "P1", version: 1 });
    expect(moved.status).toBe(200);
    expectProblem(await move(world.manager2.token, deal.id, { to: "P2", version: 2 }), 404);
  });
});

describe("GET /api/v1/opportunities/:id/history", () => {
  it("lists every change oldest first with who, when, the amount and the probability then in force", async () => {
    const deal = await createDeal(world.rep.token, { amount: "123456.78", stage: "P1" });
    await move(world.rep.token, deal.id, { to: "P2", version: 1 });
    const edited = await call<OpportunityOutput>(opportunityRoute.PATCH, {
      method: "PATCH", token: world.rep.token, params: { id: deal.id }, body: { amount: "200000.00", version: 2 },
    });
    expect(edited.body.version).toBe(3);
    await move(world.manager.token, deal.id, { to: "P4", version: 3, reason: "Budget confirmed" });
    await writeLostReview(deal.id, world.rep.id);
    await move(world.rep.token, deal.id, { to: "LOST", version: 4, lossReason: "Project cancelled" });

    const history = await call<StageChangeOutput[]>(historyRoute.GET, { token: world.rep.token, params: { id: deal.id } });
    expect(history.status).toBe(200);
    expect(history.body.map(({ fromStage, toStage, byUserId, amount, probability }) => ({ fromStage, toStage, byUserId, amount, probability }))).toEqual([
      { fromStage: null, toStage: "P1", byUserId: world.rep.id, amount: "123456.78", probability: 0.2 },
      { fromStage: "P1", toStage: "P2", byUserId: world.rep.id, amount: "123456.78", probability: 0.25 },
      { fromStage: "P2", toStage: "P4", byUserId: world.manager.id, amount: "200000.00", probability: 0.5 },
      { fromStage: "P4", toStage: "LOST", byUserId: world.rep.id, amount: "200000.00", probability: 0 },
    ]);
    const times = history.body.map((change) => Date.parse(change.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(history.body[2].reason).toBe("Budget confirmed");
    expect(history.body[3].lossReason).toBe("Project cancelled");
  });
});
