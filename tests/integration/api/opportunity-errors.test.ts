// REST API v1: every client mistake on opportunities is a problem document with the right status —
// 400 malformed JSON, 409 stale version (nothing written), 422 invalid or unknown fields — never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import * as opportunityRoute from "@/app/api/v1/opportunities/[id]/route";
import * as historyRoute from "@/app/api/v1/opportunities/[id]/history/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import { db } from "@/lib/db";
import { buildOpportunity } from "../../factories";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "./helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

const validBody = () => ({ name: "Valid deal", accountId: world.account.id, amount: "5000.00", expectedCloseDate: "2027-06-30" });

async function ownDeal(stage: "P0" | "P1" | "P2" = "P1") {
  return buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, stage, name: "Original" });
}

async function createWith(token: string, body: unknown) {
  return call(opportunitiesRoute.POST, { method: "POST", token, body });
}

describe("400 malformed JSON", () => {
  it("refuses broken, empty and truncated bodies on every write", async () => {
    const deal = await ownDeal();
    for (const body of ["{", "", "not json", '{"name": "x"'] as const) {
      expectProblem(await call(opportunitiesRoute.POST, { method: "POST", token: world.rep.token, body: body || " " }), 400);
      expectProblem(await call(opportunityRoute.PATCH, { method: "PATCH", token: world.rep.token, params: { id: deal.id }, body: body || " " }), 400);
      expectProblem(await call(stageRoute.POST, { method: "POST", token: world.rep.token, params: { id: deal.id }, body: body || " " }), 400);
    }
  });

  it("treats a JSON document that is not an object as invalid input (422)", async () => {
    for (const body of ["[]", "null", "42", '"text"']) {
      expectProblem(await call(opportunitiesRoute.POST, { method: "POST", token: world.rep.token, body }), 422);
    }
  });
});

describe("422 invalid input", () => {
  it("refuses unknown fields instead of ignoring them", async () => {
    const problem = expectProblem(await createWith(world.rep.token, { ...validBody(), probability: 0.99, orgId: world.otherOrg.id }), 422);
    expect(problem.errors).toEqual(
      expect.arrayContaining([{ path: "probability", message: "Unknown field." }, { path: "orgId", message: "Unknown field." }]),
    );
    const deal = await ownDeal();
    const patch = expectProblem(await call(opportunityRoute.PATCH, {
      method: "PATCH", token: world.rep.token, params: { id: deal.id }, body: { stage: "P7", version: 1 },
    }), 422);
    expect(patch.errors).toEqual([{ path: "stage", message: "Unknown field." }]);
    const move = expectProblem(await call(stageRoute.POST, {
      method: "POST", token: world.rep.token, params: { id: deal.id }, body: { to: "P2", version: 1, probability: 1 },
    }), 422);
    expect(move.errors).toEqual([{ path: "probability", message: "Unknown field." }]);
  });

  it("refuses amounts with more than 2 decimals, negative or non-numeric amounts", async () => {
    for (const amount of ["12.345", "-1", "1e5", "abc", 12.345, ""]) {
      const problem = expectProblem(await createWith(world.rep.token, { ...validBody(), amount }), 422);
      expect(problem.errors?.map((error) => error.path)).toEqual(["amount"]);
    }
  });

  it("refuses dates that do not exist or are not YYYY-MM-DD", async () => {
    for (const expectedCloseDate of ["2027-02-30", "2027-13-01", "0000-01-01", "31/03/2027", "2027-3-1"]) {
      const problem = expectProblem(await createWith(world.rep.token, { ...validBody(), expectedCloseDate }), 422);
      expect(problem.errors?.map((error) => error.path)).toEqual(["expectedCloseDate"]);
    }
  });

  it("reports one entry per bad field", async () => {
    const problem = expectProblem(
      await createWith(world.rep.token, { name: "", accountId: "nope", amount: "1.234", expectedCloseDate: "2027-02-30", stage: "P8" }), 422,
    );
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(["accountId", "amount", "expectedCloseDate", "name", "stage"]);
  });

  it("refuses an account, owner or team of another org", async () => {
    const account = expectProblem(await createWith(world.rep.token, { ...validBody(), accountId: world.otherAccount.id }), 422);
    expect(account.errors).toEqual([{ path: "accountId", message: expect.any(String) }]);
    const owner = expectProblem(await createWith(world.admin.token, { ...validBody(), ownerId: world.otherRep.id }), 422);
    expect(owner.errors).toEqual([{ path: "ownerId", message: expect.any(String) }]);
    const team = expectProblem(await createWith(world.manager.token, { ...validBody(), teamId: world.otherTeam.id }), 422);
    expect(team.errors).toEqual([{ path: "teamId", message: expect.any(String) }]);

    const deal = await ownDeal();
    const patchAccount = expectProblem(await call(opportunityRoute.PATCH, {
      method: "PATCH", token: world.admin.token, params: { id: deal.id }, body: { accountId: world.otherAccount.id, version: 1 },
    }), 422);
    expect(patchAccount.errors?.map((error) => error.path)).toEqual(["accountId"]);
    const patchOwner = expectProblem(await call(opportunityRoute.PATCH, {
      method: "PATCH", token: world.admin.token, params: { id: deal.id }, body: { ownerId: world.otherAdmin.id, version: 1 },
    }), 422);
    expect(patchOwner.errors?.map((error) => error.path)).toEqual(["ownerId"]);
    const patchTeam = expectProblem(await call(opportunityRoute.PATCH, {
      method: "PATCH", token: world.admin.token, params: { id: deal.id }, body: { teamId: world.otherTeam.id, version: 1 },
    }), 422);
    expect(patchTeam.errors?.map((error) => error.path)).toEqual(["teamId"]);
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
    expect({ accountId: row.accountId, ownerId: row.ownerId, teamId: row.teamId, version: row.version })
      .toEqual({ accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, version: 1 });
  });

  it("requires the close-out review for LOST, on creation as on a move", async () => {
    const created = expectProblem(await createWith(world.rep.token, { ...validBody(), stage: "LOST", lossReason: "Price" }), 422);
    expect(created.errors?.map((error) => error.path)).toEqual(["closeOut.primaryReason", "closeOut.lessons"]);
    const deal = await ownDeal();
    for (const lossReason of [undefined, "", "   "]) {
      const moved = expectProblem(await call(stageRoute.POST, {
        method: "POST", token: world.rep.token, params: { id: deal.id }, body: { to: "LOST", version: 1, lossReason },
      }), 422);
      expect(moved.errors?.map((error) => error.path)).toEqual(["closeOut.primaryReason", "closeOut.lessons"]);
    }
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe("P1");
  });

  it("refuses a version that is missing or not a positive integer", async () => {
    const deal = await ownDeal();
    for (const body of [{ name: "x" }, { name: "x", version: "1" }, { name: "x", version: 1.5 }, { name: "x", version: 0 }]) {
      const problem = expectProblem(await call(opportunityRoute.PATCH, { method: "PATCH", token: world.rep.token, params: { id: deal.id }, body }), 422);
      expect(problem.errors?.map((error) => error.path)).toEqual(["version"]);
    }
  });

  it("refuses text that PostgreSQL cannot store rather than failing with a 500", async () => {
    const problem = expectProblem(await createWith(world.rep.token, { ...validBody(), name: "bad\u0000name" }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(["name"]);
    expectProblem(await call(opportunitiesRoute.GET, { url: "/api/v1/opportunities?q=%00", token: world.rep.token }), 422);
  });
});

describe("409 stale version", () => {
  it("refuses a PATCH against an old version, carries the current version, writes nothing", async () => {
    const deal = await ownDeal();
    const first = await call(opportunityRoute.PATCH, { method: "PATCH", token: world.rep.token, params: { id: deal.id }, body: { name: "First", version: 1 } });
    expect(first.status).toBe(200);
    const stale = expectProblem(await call(opportunityRoute.PATCH, {
      method: "PATCH", token: world.manager.token, params: { id: deal.id }, body: { name: "Second", amount: "1.00", version: 1 },
    }), 409);
    expect(stale.currentVersion).toBe(2);
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
    expect({ name: row.name, amount: row.amount.toString(), version: row.version }).toEqual({ name: "First", amount: "100000", version: 2 });
  });

  it("refuses a stage move against an old version and writes no history", async () => {
    const deal = await ownDeal("P1");
    const moved = await call(stageRoute.POST, { method: "POST", token: world.rep.token, params: { id: deal.id }, body: { to: "P2", version: 1 } });
    expect(moved.status).toBe(200);
    const stale = expectProblem(await call(stageRoute.POST, {
      method: "POST", token: world.manager.token, params: { id: deal.id }, body: { to: "P3", version: 1 },
    }), 409);
    expect(stale.currentVersion).toBe(2);
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
    expect({ stage: row.stage, version: row.version }).toEqual({ stage: "P2", version: 2 });
    const history = await call<unknown[]>(historyRoute.GET, { token: world.rep.token, params: { id: deal.id } });
    expect(history.body).toHaveLength(2);
  });

  it("lets exactly one of two concurrent moves from the same version win", async () => {
    const deal = await ownDeal("P1");
    const move = (to: string) => call(stageRoute.POST, { method: "POST", token: world.rep.token, params: { id: deal.id }, body: { to, version: 1 } });
    const results = await Promise.all([move("P2"), move("P3")]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(await db.stageChange.count({ where: { opportunityId: deal.id } })).toBe(2);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).version).toBe(2);
  });
});
