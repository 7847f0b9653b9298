// REST API v1: authentication (bearer tokens; no credentials → 401), GET /me and GET /stages.
import { beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import * as stagesRoute from "@/app/api/v1/stages/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import { db } from "@/lib/db";
import { DEFAULT_STAGE_TABLE, STAGE_KEYS } from "@/lib/domain/stages";
import { buildUser } from "../../factories";
import { buildApiWorld, call, expectProblem, tokenFor, type ApiWorld } from "./helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("authentication", () => {
  it("answers 401 problem+json when no Authorization header (and no session cookie) is sent", async () => {
    for (const handler of [meRoute.GET, stagesRoute.GET, opportunitiesRoute.GET]) {
      const problem = expectProblem(await call(handler, { token: null }), 401);
      expect(problem.detail).toMatch(/sign in|bearer/i);
    }
    expectProblem(await call(opportunitiesRoute.POST, { method: "POST", token: null, body: { name: "x" } }), 401);
    expectProblem(await call(meRoute.GET, { token: null, headers: { cookie: "theme=dark; locale=zh-CN" } }), 401);
  });

  it("answers 401 to an unknown token, a malformed header and a non-bearer scheme", async () => {
    for (const authorization of ["Bearer crm_not-a-real-token", "Bearer", "Basic dXNlcjpwYXNz", `Bearer ${world.rep.token}x`]) {
      expectProblem(await call(meRoute.GET, { headers: { authorization } }), 401);
    }
  });

  it("answers 401 to a revoked token", async () => {
    const token = await tokenFor(world.rep2.id);
    expect((await call(meRoute.GET, { token })).status).toBe(200);
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: world.rep2.id, prefix: token.slice(0, 10) } });
    const revoke = await call(tokenRoute.DELETE, { method: "DELETE", token, params: { id: row.id } });
    expect(revoke.status).toBe(204);
    expectProblem(await call(meRoute.GET, { token }), 401);
  });

  it("answers 401 to the token of a deactivated user", async () => {
    const user = await buildUser(db, world.org.id, { role: "REP" });
    const token = await tokenFor(user.id);
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expectProblem(await call(meRoute.GET, { token }), 401);
  });
});

describe("GET /api/v1/me", () => {
  it("returns exactly id, email, name, role, orgId, teamIds and locale", async () => {
    const result = await call(meRoute.GET, { token: world.rep.token });
    expect(result.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: world.rep.id } });
    expect(result.body).toEqual({
      id: user.id, email: user.email, name: user.name, role: "REP", orgId: world.org.id, teamIds: [world.north.id], locale: "en",
    });
  });

  it("shows a manager's role and an admin's org", async () => {
    expect((await call(meRoute.GET, { token: world.manager.token })).body).toMatchObject({ role: "MANAGER", teamIds: [world.north.id] });
    expect((await call(meRoute.GET, { token: world.otherAdmin.token })).body).toMatchObject({ role: "ADMIN", orgId: world.otherOrg.id });
  });
});

describe("GET /api/v1/stages", () => {
  type StageJson = { key: string; name: { en: string; "zh-CN": string }; probability: number; order: number; isClosed: boolean; isWon: boolean };

  it("lists P0–P7 and LOST in order with names in both languages and probabilities from the stage module", async () => {
    const result = await call<StageJson[]>(stagesRoute.GET, { token: world.rep.token });
    expect(result.status).toBe(200);
    expect(result.body.map((stage) => stage.key)).toEqual([...STAGE_KEYS]);
    for (const stage of result.body) {
      const definition = DEFAULT_STAGE_TABLE[stage.key as keyof typeof DEFAULT_STAGE_TABLE];
      expect(stage).toEqual({
        key: definition.key, name: definition.name, probability: Number(definition.probability),
        order: definition.order, isClosed: definition.isClosed, isWon: definition.isWon,
      });
      expect(stage.probability).toBeGreaterThanOrEqual(0);
      expect(stage.probability).toBeLessThanOrEqual(1);
    }
    const byKey = Object.fromEntries(result.body.map((stage) => [stage.key, stage]));
    expect(byKey.P1.probability).toBe(0.2);
    expect(byKey.P7).toMatchObject({ probability: 1, isClosed: true, isWon: true });
    expect(byKey.LOST).toMatchObject({ probability: 0, isClosed: true, isWon: false });
    expect(byKey.P3.name["zh-CN"]).toContain("设计交流");
  });
});
