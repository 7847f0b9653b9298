// REST API v1 of the board: GET /api/v1/pipeline and /api/v1/pipeline/:stage — shape, filters, problem
// documents for bad input — and a board move through the one stage-move path (version check, history).
import { beforeAll, describe, expect, it } from "vitest";
import * as historyRoute from "@/app/api/v1/opportunities/[id]/history/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import * as columnRoute from "@/app/api/v1/pipeline/[stage]/route";
import * as boardRoute from "@/app/api/v1/pipeline/route";
import { STAGE_KEYS } from "@/lib/domain/stages";
import type { OpportunityOutput, StageChangeOutput } from "@/lib/validations/opportunity";
import type { PipelineBoard, PipelineColumnPage } from "@/lib/validations/pipeline";
import { buildOpportunity } from "../../factories";
import { db } from "@/lib/db";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
  for (const [index, stage] of (["P1", "P1", "P1", "P2", "LOST"] as const).entries()) {
    await buildOpportunity(db, {
      orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, stage,
      name: `Board deal ${index}`, amount: "1000.10", productLine: index === 0 ? "Cloud ERP" : null,
    });
  }
});

const board = (token: string, query = "") => call<PipelineBoard>(boardRoute.GET, { url: `/api/v1/pipeline${query}`, token });
const column = (token: string, stage: string, query = "") =>
  call<PipelineColumnPage>(columnRoute.GET, { url: `/api/v1/pipeline/${stage}${query}`, token, params: { stage } });

describe("GET /api/v1/pipeline", () => {
  it("answers every stage in order with totals, the first cards and a cursor", async () => {
    const result = await board(world.rep.token, "?limit=2");
    expect(result.status).toBe(200);
    expect(result.body.columns.map((entry) => entry.stage)).toEqual([...STAGE_KEYS]);
    const p1 = result.body.columns[1];
    expect(p1).toMatchObject({ stage: "P1", count: 3, amount: "3000.30", weightedAmount: "600.06", nextCursor: expect.any(String) });
    expect(p1.items).toHaveLength(2);
    expect(result.body.columns[8]).toMatchObject({ stage: "LOST", count: 1, amount: "1000.10", weightedAmount: "0.00", nextCursor: null });
    expect(result.body.columns[0]).toMatchObject({ stage: "P0", count: 0, amount: "0.00", weightedAmount: "0.00", items: [] });

    const more = await column(world.rep.token, "P1", `?limit=2&cursor=${p1.nextCursor}`);
    expect(more.status).toBe(200);
    expect(more.body.items).toHaveLength(1);
    expect(more.body.nextCursor).toBeNull();
    expect([...p1.items, ...more.body.items].map((item) => item.name).sort()).toEqual(["Board deal 0", "Board deal 1", "Board deal 2"]);
  });

  it("filters by the query string and returns totals only with limit=0", async () => {
    const result = await board(world.rep.token, "?productLine=Cloud%20ERP&limit=0&stalledOnly=false");
    expect(result.status).toBe(200);
    expect(result.body.columns[1]).toMatchObject({ count: 1, items: [], nextCursor: null });
    expect(result.body.columns.reduce((sum, entry) => sum + entry.count, 0)).toBe(1);
  });

  it("refuses bad filters with 422 problem documents naming the field", async () => {
    const cases: [string, string][] = [
      ["?ownerId=nope", "ownerId"], ["?closeFrom=2027-02-30", "closeFrom"], ["?closeFrom=2027-03-01&closeTo=2027-01-01", "closeTo"],
      ["?scope=everyone", "scope"], ["?stalledOnly=maybe", "stalledOnly"], ["?limit=500", "limit"], ["?colour=red", "colour"],
    ];
    for (const [query, path] of cases) {
      const problem = expectProblem(await board(world.admin.token, query), 422);
      expect(problem.errors?.map((error) => error.path), query).toContain(path);
    }
    expectProblem(await column(world.admin.token, "P1", "?cursor=forged"), 422);
  });

  it("refuses a scope the role does not have (403), an unknown stage (404) and anonymous callers (401)", async () => {
    expectProblem(await board(world.rep.token, "?scope=all"), 403);
    expectProblem(await column(world.admin.token, "P8"), 404);
    expectProblem(await board(""), 401);
  });
});

describe("moving a card from the board", () => {
  it("goes through the one stage-move path: version checked, history written, totals follow", async () => {
    const before = await board(world.rep.token, "?limit=50");
    const card = before.body.columns[1].items[0];
    const moved = await call<OpportunityOutput>(stageRoute.POST, {
      method: "POST", token: world.rep.token, params: { id: card.id }, body: { to: "P2", version: card.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: "P2", version: card.version + 1 });

    const after = await board(world.rep.token, "?limit=50");
    expect(after.body.columns[1].count).toBe(before.body.columns[1].count - 1);
    expect(after.body.columns[2].count).toBe(before.body.columns[2].count + 1);
    expect(after.body.columns[2].items[0].id).toBe(card.id); // newest in the stage first: the moved card is on top

    const history = await call<StageChangeOutput[]>(historyRoute.GET, { token: world.rep.token, params: { id: card.id } });
    expect(history.body.at(-1)).toMatchObject({ fromStage: "P1", toStage: "P2", byUserId: world.rep.id });

    const stale = await call(stageRoute.POST, {
      method: "POST", token: world.rep.token, params: { id: card.id }, body: { to: "P3", version: card.version },
    });
    expect(expectProblem(stale, 409).currentVersion).toBe(card.version + 1);
    const refused = await call(stageRoute.POST, {
      method: "POST", token: world.rep.token, params: { id: card.id }, body: { to: "LOST", version: card.version + 1 },
    });
    // The LOST gate: no close-out review yet.
    expect(expectProblem(refused, 422).errors?.map((error) => error.path)).toEqual(["closeOut.primaryReason", "closeOut.lessons"]);
  });
});
