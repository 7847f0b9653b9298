// Idempotency-Key on POST: a retry returns the first answer and creates nothing; a concurrent duplicate is
// refused (the first wins); the same key with another request is the client's mistake.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import { db } from "@/lib/db";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("Idempotency-Key", () => {
  it("replays the first response to a retry and creates the account only once", async () => {
    const key = randomUUID();
    const name = `Idem ${key}`;
    const first = await call<{ id: string }>(accountsRoute.POST, {
      method: "POST", token: world.rep.token, body: { name }, headers: { "idempotency-key": key },
    });
    const retry = await call<{ id: string }>(accountsRoute.POST, {
      method: "POST", token: world.rep.token, body: { name }, headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.account.count({ where: { orgId: world.org.id, name } })).toBe(1);
  });

  it("lets exactly one of 10 concurrent duplicates run; the others get 409 or the replay, one row exists", async () => {
    const key = randomUUID();
    const body = {
      name: `Concurrent ${key}`, accountId: world.account.id, amount: "1000.00", expectedCloseDate: "2027-01-31",
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => call<{ id: string }>(opportunitiesRoute.POST, {
      method: "POST", token: world.rep.token, body, headers: { "idempotency-key": key },
    })));
    const statuses = results.map((result) => result.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const createdIds = new Set(results.filter((result) => result.status === 201).map((result) => result.body.id));
    expect(createdIds.size).toBe(1);
    expect(await db.opportunity.count({ where: { orgId: world.org.id, name: body.name } })).toBe(1);
  });

  it("replays a refusal too, refuses the key with a different body (422) and a malformed key", async () => {
    const key = randomUUID();
    const bad = await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: {}, headers: { "idempotency-key": key } });
    expectProblem(bad, 422);
    const again = await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: {}, headers: { "idempotency-key": key } });
    expect(again.status).toBe(422);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: { name: "x" }, headers: { "idempotency-key": key } });
    expect(expectProblem(other, 422).errors?.[0].path).toBe("Idempotency-Key");
    expectProblem(await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: { name: "y" }, headers: { "idempotency-key": "" } }), 422);
    expect(await db.account.count({ where: { orgId: world.org.id, name: { in: ["x", "y"] } } })).toBe(0);
  });

  it("keeps keys per caller: another user's same key runs as a new request", async () => {
    const key = randomUUID();
    const mine = await call<{ id: string }>(accountsRoute.POST, { method: "POST", token: world.rep.token, body: { name: `K ${key}` }, headers: { "idempotency-key": key } });
    const theirs = await call<{ id: string }>(accountsRoute.POST, { method: "POST", token: world.rep2.token, body: { name: `K ${key}` }, headers: { "idempotency-key": key } });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});
