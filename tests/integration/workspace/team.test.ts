// The virtual project team of a deal (METHOD.md §5) through GET|PUT /api/v1/opportunities/:id/team and the
// data layer: replaced as a whole, shares exact decimals totalling exactly 100, members active users of
// the caller's org, and only for callers who may edit the deal.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import * as teamRoute from "@/app/api/v1/opportunities/[id]/team/route";
import { getOpportunityTeam, replaceOpportunityTeam } from "@/lib/data/opportunity-team";
import { db } from "@/lib/db";
import type { TeamOutput } from "@/lib/validations/opportunity-team";
import { buildOpportunity, buildUser } from "../../factories";
import { buildApiWorld, call, contextOf, expectProblem, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
let dealId: string;

const url = (id: string) => `/api/v1/opportunities/${id}/team`;
function put(id: string, token: string, members: unknown) {
  return call<TeamOutput>(teamRoute.PUT, { method: "PUT", url: url(id), token, body: { members }, params: { id } });
}
function get(id: string, token: string) {
  return call<TeamOutput>(teamRoute.GET, { url: url(id), token, params: { id } });
}
const storedShares = async (id: string) =>
  (await db.opportunityTeamMember.findMany({ where: { opportunityId: id }, orderBy: { sharePct: "desc" } })).map((row) => row.sharePct.toString());

async function newDeal() {
  return (await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id })).id;
}

beforeAll(async () => {
  world = await buildApiWorld();
  dealId = await newDeal();
});

describe("PUT /api/v1/opportunities/:id/team", () => {
  it("stores the team with roles and exact shares and returns it sorted by role", async () => {
    const result = await put(dealId, world.rep.token, [
      { userId: world.manager.id, role: "TECH_SUPPORT", sharePct: "20" },
      { userId: world.rep.id, role: "SALES", sharePct: 50.5 },
      { userId: world.rep2.id, role: "PRESALES", sharePct: "29.50" },
    ]);
    expect(result.status).toBe(200);
    expect(result.body.members.map(({ userId, role, sharePct }) => ({ userId, role, sharePct }))).toEqual([
      { userId: world.rep.id, role: "SALES", sharePct: "50.50" },
      { userId: world.rep2.id, role: "PRESALES", sharePct: "29.50" },
      { userId: world.manager.id, role: "TECH_SUPPORT", sharePct: "20.00" },
    ]);
    expect(result.body.members.every((member) => member.userName.length > 0)).toBe(true);
    expect((await get(dealId, world.manager.token)).body).toEqual(result.body);
  });

  it("replaces the whole team, and an empty list clears it", async () => {
    const replaced = await put(dealId, world.rep.token, [{ userId: world.rep2.id, role: "SALES", sharePct: "100" }]);
    expect(replaced.body.members.map((member) => member.userId)).toEqual([world.rep2.id]);
    expect((await put(dealId, world.rep.token, [])).body).toEqual({ members: [] });
    expect(await db.opportunityTeamMember.count({ where: { opportunityId: dealId } })).toBe(0);
  });

  it("accepts 33.33 + 33.33 + 33.34 and refuses 33.33 × 3 (99.99) with 422, changing nothing", async () => {
    const three = (shares: string[]) => [world.rep.id, world.rep2.id, world.manager.id].map((userId, index) => ({
      userId, role: "SALES", sharePct: shares[index],
    }));
    expect((await put(dealId, world.rep.token, three(["33.33", "33.33", "33.34"]))).status).toBe(200);
    const problem = expectProblem(await put(dealId, world.rep.token, three(["33.33", "33.33", "33.33"])), 422);
    expect(problem.errors).toEqual([{ path: "members", message: "The shares total 99.99; they must total exactly 100." }]);
    expect(await storedShares(dealId)).toEqual(["33.34", "33.33", "33.33"]);
    // JSON numbers are summed as exact decimals: 0.01 + 65.4 + 34.59 is 100 (in floating point, 100.00000000000001).
    const floats = [0.01, 65.4, 34.59].map((sharePct, index) => ({ ...three(["0", "0", "0"])[index], sharePct }));
    expect((await put(dealId, world.rep.token, floats)).status).toBe(200);
  });

  it("refuses bad shares, roles and duplicates with 422", async () => {
    const cases: [unknown[], string][] = [
      [[{ userId: world.rep.id, role: "SALES", sharePct: "100.5" }], "members.0.sharePct"],
      [[{ userId: world.rep.id, role: "SALES", sharePct: "99.999" }], "members.0.sharePct"],
      [[{ userId: world.rep.id, role: "SALES", sharePct: "-1" }], "members.0.sharePct"],
      [[{ userId: world.rep.id, role: "CEO", sharePct: "100" }], "members.0.role"],
      [[{ userId: world.rep.id, role: "SALES", sharePct: "50" }, { userId: world.rep.id, role: "PRESALES", sharePct: "50" }], "members.1.userId"],
    ];
    for (const [members, path] of cases) {
      const problem = expectProblem(await put(dealId, world.rep.token, members), 422);
      expect(problem.errors?.map((error) => error.path)).toContain(path);
    }
  });

  it("refuses a user of another org, an inactive user or an unknown id with 422 naming the row", async () => {
    const inactive = await buildUser(db, world.org.id, { isActive: false });
    for (const userId of [world.otherRep.id, inactive.id, randomUUID()]) {
      const problem = expectProblem(await put(dealId, world.rep.token, [
        { userId: world.rep.id, role: "SALES", sharePct: "60" },
        { userId, role: "DELIVERY", sharePct: "40" },
      ]), 422);
      expect(problem.errors).toEqual([{ path: "members.1.userId", message: "No such active user in your organization." }]);
    }
  });

  it("answers 404 for a deal the caller cannot see", async () => {
    const members = [{ userId: world.rep.id, role: "SALES", sharePct: "100" }];
    const unstaffed = await newDeal(); // rep2 is on the shared deal's team by now, which would let them see it
    for (const [token, id] of [[world.rep2.token, unstaffed], [world.manager2.token, unstaffed], [world.otherAdmin.token, unstaffed], [world.rep.token, randomUUID()]]) {
      expectProblem(await put(id, token, members), 404);
      expectProblem(await get(id, token), 404);
    }
  });

  it("lets the deal's manager and an admin edit the team", async () => {
    expect((await put(dealId, world.manager.token, [{ userId: world.rep.id, role: "SALES", sharePct: "100" }])).status).toBe(200);
    expect((await put(dealId, world.admin.token, [{ userId: world.rep.id, role: "SALES", sharePct: "100" }])).status).toBe(200);
  });
});

describe("replaceOpportunityTeam", () => {
  it("serializes simultaneous replacements: the result is one whole team, never a mix", async () => {
    const id = await newDeal();
    const ctx = await contextOf(world.rep.id);
    const teamA = { members: [{ userId: world.rep.id, role: "SALES" as const, sharePct: "70" }, { userId: world.rep2.id, role: "PRESALES" as const, sharePct: "30" }] };
    const teamB = { members: [{ userId: world.manager.id, role: "SALES" as const, sharePct: "40" }, { userId: world.rep3.id, role: "DELIVERY" as const, sharePct: "60" }] };
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([replaceOpportunityTeam(ctx, id, teamA), replaceOpportunityTeam(ctx, id, teamB), replaceOpportunityTeam(ctx, id, teamA)]);
      const members = (await getOpportunityTeam(ctx, id)).members.map((member) => member.userId).sort();
      expect([[world.rep.id, world.rep2.id].sort(), [world.manager.id, world.rep3.id].sort()]).toContainEqual(members);
    }
  });

  it("lets a rep on the project team see and work on a deal they do not own", async () => {
    const id = await newDeal();
    expect((await get(id, world.rep2.token)).status).toBe(404);
    await put(id, world.rep.token, [
      { userId: world.rep.id, role: "SALES", sharePct: "70" },
      { userId: world.rep2.id, role: "PRESALES", sharePct: "30" },
    ]);
    const seen = await get(id, world.rep2.token);
    expect(seen.status).toBe(200);
    expect(seen.body.members).toHaveLength(2);
    const opportunity = await db.opportunity.findUniqueOrThrow({ where: { id } });
    const moved = await call<{ stage: string }>(stageRoute.POST, {
      method: "POST", url: `/api/v1/opportunities/${id}/stage`, token: world.rep2.token,
      body: { to: "P1", version: opportunity.version }, params: { id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe("P1");
  });

  it("keeps a team member who does not own the deal from re-splitting the bonus pool (403, nothing changed)", async () => {
    const id = await newDeal();
    await put(id, world.rep.token, [
      { userId: world.rep.id, role: "SALES", sharePct: "70" },
      { userId: world.rep2.id, role: "PRESALES", sharePct: "30" },
    ]);
    const refused = await put(id, world.rep2.token, [{ userId: world.rep2.id, role: "SALES", sharePct: "100" }]);
    expectProblem(refused, 403);
    expect(await storedShares(id)).toEqual(["70", "30"]);
    expect((await put(id, world.manager.token, [{ userId: world.rep.id, role: "SALES", sharePct: "100" }])).status).toBe(200);
  });
});
