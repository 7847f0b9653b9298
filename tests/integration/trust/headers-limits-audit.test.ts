// Headers on every response, cross-origin refusal, the per-token rate limit and the append-only audit
// trail (issue 9).
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import * as exportRoute from "@/app/api/v1/opportunities/export.csv/route";
import { createAccount, deleteAccount, updateAccount } from "@/lib/data/accounts";
import { TOKEN_LIMIT_PER_WINDOW } from "@/lib/data/rate-limits";
import { db } from "@/lib/db";
import { proxy } from "@/proxy";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("security headers (proxy.ts)", () => {
  it("puts a nonce CSP, HSTS, no framing, nosniff and a referrer policy on a page, with a fresh nonce each time", async () => {
    const first = await proxy(new NextRequest("http://localhost/login"));
    const second = await proxy(new NextRequest("http://localhost/login"));
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(Object.fromEntries(["strict-transport-security", "x-content-type-options", "x-frame-options", "referrer-policy"].map((name) => [name, first.headers.get(name)]))).toEqual({
      "strict-transport-security": "max-age=63072000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    // Next.js reads the nonce for its own scripts from the forwarded request headers.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("puts the headers on API answers and on the sign-in redirect too", async () => {
    const api = await proxy(new NextRequest("http://localhost/api/v1/me"));
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(api.headers.get("strict-transport-security")).toContain("max-age=");
    const redirect = await proxy(new NextRequest("http://localhost/opportunities?stage=P1"));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe("http://localhost/login?callbackUrl=%2Fopportunities%3Fstage%3DP1");
    expect(redirect.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("cross-origin state changes with cookie auth", () => {
  const cookie = "next-auth.session-token=forged";
  it("refuses a cross-origin POST carrying the session cookie with 403 before anything is read or written", async () => {
    const before = await db.account.count();
    const foreign = await call(accountsRoute.POST, { method: "POST", headers: { cookie, origin: "https://evil.example", host: "localhost" }, body: { name: "CSRF" } });
    expect(expectProblem(foreign, 403).detail).toBe("Cross-origin requests are not allowed.");
    const fetchSite = await call(accountsRoute.POST, { method: "POST", headers: { cookie, "sec-fetch-site": "cross-site", host: "localhost" }, body: { name: "CSRF" } });
    expectProblem(fetchSite, 403);
    expect(await db.account.count()).toBe(before);
  });

  it("lets bearer-token clients call from anywhere (no ambient credentials to abuse)", async () => {
    const result = await call(accountsRoute.POST, { method: "POST", token: world.rep.token, headers: { origin: "https://script.example" }, body: { name: `Scripted ${Date.now()}` } });
    expect(result.status).toBe(201);
  });
});

describe("API token rate limit", () => {
  it("answers the 101st request of a token within 10 seconds with 429 and Retry-After; other tokens are unaffected", async () => {
    const token = world.rep3.token;
    // The run's database is shared by the test files: other tokens' windows (the matrix's) are not this test's.
    await db.rateLimitWindow.deleteMany({ where: { key: { startsWith: "token:" } } });
    // The window is aligned to 10-second boundaries; start right after one and send the 101 requests at
    // once, so they land in one window and the atomic counter decides which one is over.
    await new Promise((resolve) => setTimeout(resolve, 10_000 - (Date.now() % 10_000) + 20));
    const results = await Promise.all(Array.from({ length: TOKEN_LIMIT_PER_WINDOW + 1 }, () => call(meRoute.GET, { token })));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(TOKEN_LIMIT_PER_WINDOW);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    const retryAfter = results.find((result) => result.status === 429)!.headers.get("retry-after");
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(10);
    expect((await call(meRoute.GET, { token: world.manager2.token })).status).toBe(200);
    // The counter is a row in PostgreSQL, shared by every app instance.
    const row = await db.rateLimitWindow.findFirstOrThrow({ orderBy: { count: "desc" } });
    expect(row.count).toBe(TOKEN_LIMIT_PER_WINDOW + 1);
  });
});

describe("audit trail", () => {
  it("records create, update, delete, stage move and export with actor, address and before/after", async () => {
    // Behind one trusted proxy the address is the rightmost X-Forwarded-For entry; what the client put left of it is ignored.
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    const rep = await contextOf(world.rep.id);
    const manager = { ...(await contextOf(world.manager.id)), ip: "198.51.100.9" };
    const account = await createAccount({ ...rep, ip: "198.51.100.8" }, { name: "Audited Co" });
    await updateAccount(manager, account.id, { name: "Audited Co Ltd" });
    await deleteAccount(manager, account.id);
    const created = await call(opportunitiesRoute.POST, {
      method: "POST", token: world.rep.token, headers: { "x-forwarded-for": "10.9.8.7, 203.0.113.5" },
      body: { name: "Audited deal", accountId: world.account.id, amount: "5000.00", expectedCloseDate: "2027-03-31" },
    });
    const dealId = (created.body as { id: string }).id;
    const moved = await call(stageRoute.POST, {
      method: "POST", token: world.rep.token, headers: { "x-forwarded-for": "203.0.113.5" }, params: { id: dealId }, body: { to: "P1", version: 1 },
    });
    expect(moved.status).toBe(200);
    const exported = await exportRoute.GET(new Request("http://localhost/api/v1/opportunities/export.csv", { headers: { authorization: `Bearer ${world.rep.token}` } }), { params: Promise.resolve({}) });
    expect(exported.status).toBe(200);
    await exported.text();
    const rows = await db.auditLog.findMany({ where: { orgId: world.org.id, entityId: { in: [account.id, dealId, "*"] } }, orderBy: { at: "asc" } });
    expect(rows.map((row) => [row.action, row.actorId, row.ip])).toEqual([
      ["account.create", world.rep.id, "198.51.100.8"],
      ["account.update", world.manager.id, "198.51.100.9"],
      ["account.delete", world.manager.id, "198.51.100.9"],
      ["opportunity.create", world.rep.id, "203.0.113.5"],
      ["opportunity.stageMove", world.rep.id, "203.0.113.5"],
      ["opportunity.export", world.rep.id, null],
    ]);
    expect(rows[1]).toMatchObject({ before: { name: "Audited Co" }, after: { name: "Audited Co Ltd" } });
    expect(rows[4]).toMatchObject({ before: { stage: "P0", version: 1 }, after: { stage: "P1", version: 2 } });
    vi.unstubAllEnvs();
  });

  it("records token creation", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { orgId: world.org.id, action: "token.create", actorId: world.rep.id } });
    expect(row.after).toMatchObject({ name: "integration test" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows in the database itself", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { orgId: world.org.id } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ action: row.action });
  });

  it("still lets a whole organization be deleted (its trail goes with it)", async () => {
    const org = await db.organization.create({ data: { name: "Short-lived" } });
    await db.auditLog.create({ data: { orgId: org.id, action: "org.signup", entityType: "Organization", entityId: org.id } });
    await db.organization.delete({ where: { id: org.id } });
    expect(await db.auditLog.count({ where: { orgId: org.id } })).toBe(0);
  });
});
