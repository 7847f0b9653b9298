// REST API v1: personal API tokens — created once with their secret, listed without it, revoked.
import { beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import { db } from "@/lib/db";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "./helpers";

type TokenJson = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; token?: string };

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("/api/v1/tokens", () => {
  it("creates a token (201, secret shown once, stored hashed) that then authenticates", async () => {
    const created = await call<TokenJson>(tokensRoute.POST, { method: "POST", token: world.rep.token, body: { name: "CI script" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: "CI script", token: expect.stringMatching(/^crm_/) });
    expect(created.body.prefix).toBe(created.body.token!.slice(0, 10));
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.tokenHash).not.toContain(created.body.token!);
    expect(row.userId).toBe(world.rep.id);

    const me = await call(meRoute.GET, { token: created.body.token });
    expect(me.body).toMatchObject({ id: world.rep.id });
  });

  it("lists the caller's own tokens without secrets", async () => {
    const created = await call<TokenJson>(tokensRoute.POST, { method: "POST", token: world.rep2.token, body: { name: "listed" } });
    const list = await call<TokenJson[]>(tokensRoute.GET, { token: world.rep2.token });
    expect(list.status).toBe(200);
    expect(list.body.map((token) => token.id)).toContain(created.body.id);
    for (const token of list.body) {
      expect(token).not.toHaveProperty("token");
      expect(token).not.toHaveProperty("tokenHash");
    }
    const others = await call<TokenJson[]>(tokensRoute.GET, { token: world.rep.token });
    expect(others.body.map((token) => token.id)).not.toContain(created.body.id);
  });

  it("revokes a token (204): it leaves the list and stops authenticating", async () => {
    const created = await call<TokenJson>(tokensRoute.POST, { method: "POST", token: world.manager.token, body: { name: "to revoke" } });
    const revoked = await call(tokenRoute.DELETE, { method: "DELETE", token: world.manager.token, params: { id: created.body.id } });
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeNull();
    const list = await call<TokenJson[]>(tokensRoute.GET, { token: world.manager.token });
    expect(list.body.map((token) => token.id)).not.toContain(created.body.id);
    expectProblem(await call(meRoute.GET, { token: created.body.token }), 401);
    expectProblem(await call(tokenRoute.DELETE, { method: "DELETE", token: world.manager.token, params: { id: created.body.id } }), 404);
  });

  it("answers 404 for someone else's token and for a malformed id", async () => {
    const created = await call<TokenJson>(tokensRoute.POST, { method: "POST", token: world.rep.token, body: { name: "mine" } });
    expectProblem(await call(tokenRoute.DELETE, { method: "DELETE", token: world.rep2.token, params: { id: created.body.id } }), 404);
    expectProblem(await call(tokenRoute.DELETE, { method: "DELETE", token: world.otherAdmin.token, params: { id: created.body.id } }), 404);
    expectProblem(await call(tokenRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: "not-a-uuid" } }), 404);
    expect((await call(meRoute.GET, { token: created.body.token })).status).toBe(200);
  });

  it("refuses a missing name, an unknown field (422) and malformed JSON (400)", async () => {
    const missing = expectProblem(await call(tokensRoute.POST, { method: "POST", token: world.rep.token, body: {} }), 422);
    expect(missing.errors).toEqual([{ path: "name", message: expect.any(String) }]);
    const unknown = expectProblem(
      await call(tokensRoute.POST, { method: "POST", token: world.rep.token, body: { name: "x", scopes: ["all"] } }), 422,
    );
    expect(unknown.errors).toEqual([{ path: "scopes", message: "Unknown field." }]);
    expectProblem(await call(tokensRoute.POST, { method: "POST", token: world.rep.token, body: "{name:" }), 400);
  });
});
