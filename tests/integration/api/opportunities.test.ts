// REST API v1: opportunities — create, read, edit, delete, list with filters, and who sees what.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as opportunityRoute from "@/app/api/v1/opportunities/[id]/route";
import * as historyRoute from "@/app/api/v1/opportunities/[id]/history/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import { db } from "@/lib/db";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import { buildOpportunity } from "../../factories";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "./helpers";

type Page = { data: OpportunityOutput[]; nextCursor: string | null };

let world: ApiWorld;
let deals: Record<"rep" | "rep2" | "rep3" | "manager" | "other", { id: string }>;
let tag: string;

beforeAll(async () => {
  world = await buildApiWorld();
  tag = `Vis-${randomUUID().slice(0, 8)}`;
  const deal = (ownerId: string, teamId: string | null, suffix: string, orgId = world.org.id, accountId = world.account.id) =>
    buildOpportunity(db, { orgId, accountId, ownerId, teamId, name: `${tag} ${suffix}`, stage: "P2" });
  deals = {
    rep: await deal(world.rep.id, world.north.id, "rep"),
    rep2: await deal(world.rep2.id, world.north.id, "rep2"),
    rep3: await deal(world.rep3.id, world.south.id, "rep3"),
    manager: await deal(world.manager.id, world.north.id, "manager"),
    other: await deal(world.otherRep.id, world.otherTeam.id, "other", world.otherOrg.id, world.otherAccount.id),
  };
});

async function visibleNames(token: string, query = "") {
  const result = await call<Page>(opportunitiesRoute.GET, { url: `/api/v1/opportunities?q=${tag}${query}`, token });
  expect(result.status).toBe(200);
  return result.body.data.map((opportunity) => opportunity.name.replace(`${tag} `, "")).sort();
}

describe("visibility per role", () => {
  it("shows a REP their own deals only", async () => {
    expect(await visibleNames(world.rep.token)).toEqual(["rep"]);
  });

  it("shows a MANAGER their own and their managed teams' deals", async () => {
    expect(await visibleNames(world.manager.token)).toEqual(["manager", "rep", "rep2"]);
    expect(await visibleNames(world.manager2.token)).toEqual(["rep3"]);
  });

  it("shows an ADMIN the whole org and nobody anything of another org", async () => {
    expect(await visibleNames(world.admin.token)).toEqual(["manager", "rep", "rep2", "rep3"]);
    expect(await visibleNames(world.otherAdmin.token)).toEqual(["other"]);
  });

  it("answers an invisible deal exactly like a missing one (404) on every endpoint", async () => {
    const cases: [string, string][] = [
      [world.rep.token, deals.rep2.id], // another rep's deal
      [world.manager.token, deals.rep3.id], // another team's deal
      [world.admin.token, deals.other.id], // another org's deal
      [world.rep.token, randomUUID()], // nothing at all
      [world.rep.token, "not-a-uuid"],
    ];
    for (const [token, id] of cases) {
      const missing = expectProblem(await call(opportunityRoute.GET, { token, params: { id } }), 404);
      expect(missing.detail).toBe("Opportunity not found.");
      expectProblem(await call(opportunityRoute.PATCH, { method: "PATCH", token, params: { id }, body: { name: "x", version: 1 } }), 404);
      expectProblem(await call(stageRoute.POST, { method: "POST", token, params: { id }, body: { to: "P3", version: 1 } }), 404);
      expectProblem(await call(historyRoute.GET, { token, params: { id } }), 404);
      expectProblem(await call(opportunityRoute.DELETE, { method: "DELETE", token, params: { id } }), 404);
    }
    const untouched = await db.opportunity.findUniqueOrThrow({ where: { id: deals.rep2.id } });
    expect({ name: untouched.name, stage: untouched.stage, version: untouched.version, deletedAt: untouched.deletedAt })
      .toEqual({ name: `${tag} rep2`, stage: "P2", version: 1, deletedAt: null });
  });
});

describe("POST /api/v1/opportunities", () => {
  it("creates a deal for the caller (201, Location) with exact decimal weighted amount", async () => {
    const result = await call<OpportunityOutput>(opportunitiesRoute.POST, {
      method: "POST", token: world.rep.token,
      body: { name: "ERP rollout", accountId: world.account.id, amount: "123456.78", expectedCloseDate: "2027-03-31", stage: "P1", productLine: "ERP" },
    });
    expect(result.status).toBe(201);
    expect(result.headers.get("location")).toBe(`/api/v1/opportunities/${result.body.id}`);
    expect(result.body).toMatchObject({
      name: "ERP rollout", accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, productLine: "ERP",
      amount: "123456.78", currency: "CNY", expectedCloseDate: "2027-03-31", stage: "P1", probability: 0.2,
      weightedAmount: "24691.36", version: 1,
    });
    const fetched = await call<OpportunityOutput>(opportunityRoute.GET, { token: world.rep.token, params: { id: result.body.id } });
    expect(fetched.body).toEqual(result.body);
  });

  it("lets a manager create a deal for a rep of their team, but not a REP for someone else (403)", async () => {
    const body = { name: "For rep", accountId: world.account.id, amount: "10", expectedCloseDate: "2027-01-15" };
    const byManager = await call<OpportunityOutput>(opportunitiesRoute.POST, {
      method: "POST", token: world.manager.token, body: { ...body, ownerId: world.rep.id },
    });
    expect(byManager.status).toBe(201);
    expect(byManager.body).toMatchObject({ ownerId: world.rep.id, teamId: world.north.id, amount: "10.00" });

    const before = await db.opportunity.count({ where: { orgId: world.org.id } });
    expectProblem(await call(opportunitiesRoute.POST, { method: "POST", token: world.rep.token, body: { ...body, ownerId: world.rep2.id } }), 403);
    expectProblem(await call(opportunitiesRoute.POST, { method: "POST", token: world.manager.token, body: { ...body, ownerId: world.rep3.id } }), 403);
    expect(await db.opportunity.count({ where: { orgId: world.org.id } })).toBe(before);
  });
});

describe("PATCH and DELETE /api/v1/opportunities/:id", () => {
  it("edits fields against the version read and bumps the version", async () => {
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, stage: "P1" });
    const result = await call<OpportunityOutput>(opportunityRoute.PATCH, {
      method: "PATCH", token: world.rep.token, params: { id: deal.id },
      body: { name: "Renamed", amount: "1000.5", expectedCloseDate: "2028-02-29", version: 1 },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ name: "Renamed", amount: "1000.50", weightedAmount: "200.10", expectedCloseDate: "2028-02-29", version: 2 });
  });

  it("lets a manager reassign within their team", async () => {
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id });
    const result = await call<OpportunityOutput>(opportunityRoute.PATCH, {
      method: "PATCH", token: world.manager.token, params: { id: deal.id }, body: { ownerId: world.rep2.id, version: 1 },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ownerId: world.rep2.id, teamId: world.north.id, version: 2 });
    expectProblem(await call(opportunityRoute.PATCH, {
      method: "PATCH", token: world.rep2.token, params: { id: deal.id }, body: { ownerId: world.rep.id, version: 2 },
    }), 403);
  });

  it("soft-deletes (204): the deal disappears from reads and lists", async () => {
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, name: `${tag} gone` });
    const deleted = await call(opportunityRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: deal.id } });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expectProblem(await call(opportunityRoute.GET, { token: world.rep.token, params: { id: deal.id } }), 404);
    expect(await visibleNames(world.rep.token)).not.toContain("gone");
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).deletedAt).not.toBeNull();
  });

  it("refuses a conditional delete against a stale version (409) and deletes nothing", async () => {
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id });
    const stale = expectProblem(await call(opportunityRoute.DELETE, {
      method: "DELETE", url: `/api/v1/opportunities/${deal.id}?version=7`, token: world.rep.token, params: { id: deal.id },
    }), 409);
    expect(stale.currentVersion).toBe(1);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).deletedAt).toBeNull();
  });
});

describe("GET /api/v1/opportunities filters and pagination", () => {
  it("filters by stage, owner, team and account", async () => {
    const admin = world.admin.token;
    await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep3.id, teamId: world.south.id, name: `${tag} p5`, stage: "P5" });
    expect(await visibleNames(admin, "&stage=P5")).toEqual(["p5"]);
    expect(await visibleNames(admin, `&ownerId=${world.rep2.id}`)).toEqual(["rep2"]);
    expect(await visibleNames(admin, `&teamId=${world.south.id}`)).toEqual(["p5", "rep3"]);
    expect(await visibleNames(admin, `&accountId=${world.otherAccount.id}`)).toEqual([]);
    expect(await visibleNames(admin, `&ownerId=${world.rep2.id}&stage=P5`)).toEqual([]);
  });

  it("pages newest first with a cursor, without repeats or gaps", async () => {
    const pageTag = `Page-${randomUUID().slice(0, 8)}`;
    const base = Date.now() - 60_000;
    for (let index = 0; index < 5; index += 1) {
      await buildOpportunity(db, {
        orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id,
        name: `${pageTag} ${index}`, createdAt: new Date(base + index * 1000),
      });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/opportunities?q=${pageTag}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { body: Page } = await call<Page>(opportunitiesRoute.GET, { url, token: world.rep.token });
      names.push(...page.body.data.map((opportunity) => opportunity.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(names).toEqual([4, 3, 2, 1, 0].map((index) => `${pageTag} ${index}`));
  });

  it("refuses unknown stages, bad ids, unknown parameters and forged cursors with 422", async () => {
    const forged = Buffer.from(JSON.stringify({ at: "2026-01-01T00:00:00.000Z", id: "x' OR 1=1" })).toString("base64url");
    for (const query of ["stage=P9", "ownerId=bob", "limit=201", "owner=me", `cursor=${forged}`, "cursor=%%%"]) {
      const problem = expectProblem(await call(opportunitiesRoute.GET, { url: `/api/v1/opportunities?${query}`, token: world.rep.token }), 422);
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
  });
});
