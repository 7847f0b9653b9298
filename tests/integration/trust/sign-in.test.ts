// Sign-in defences (issue 9): failed attempts counted in PostgreSQL per account (10 / 15 min) and per
// address (100 / 15 min), then 429 with Retry-After at the door; the same null answer and similar time for
// an unknown email and a wrong password; failed and successful sign-ins in the org's audit trail.
import bcrypt from "bcryptjs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { recordSignInFailure, SIGN_IN_WINDOW_MS, signInRetryAfter, UNKNOWN_ADDRESS } from "@/lib/data/rate-limits";
import { signInWithPassword } from "@/lib/data/sign-in";
import { db } from "@/lib/db";
import { buildOrg, buildUser } from "../../factories";

const PASSWORD = "a-long-enough-secret";
let orgId: string;
let email: string;

beforeAll(async () => {
  orgId = (await buildOrg(db)).id;
  email = (await buildUser(db, orgId, { passwordHash: await bcrypt.hash(PASSWORD, 11) })).email;
});

function credentialsRequest(emailTyped: string, ip: string) {
  return new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email: emailTyped, password: "wrong-password-here", csrfToken: "x", json: "true" }),
  });
}

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

describe("failed sign-in limits", () => {
  it("refuses the 11th attempt on one account within 15 minutes with 429 and Retry-After, even with the right password", async () => {
    const ip = "203.0.113.10";
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await signInWithPassword({ email, password: `wrong-${attempt}-password`, ip }), `attempt ${attempt}`).toBeNull();
    }
    expect(await db.signInFailure.count({ where: { email } })).toBe(10);
    // The right password no longer helps while the account is over its limit.
    expect(await signInWithPassword({ email, password: PASSWORD, ip: "198.51.100.7" })).toBeNull();
    const response = await authPost(credentialsRequest(email.toUpperCase(), "198.51.100.8"), context);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await response.json()) as { status: number; url: string };
    expect(body).toMatchObject({ status: 429 });
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
  });

  it("lets the account in again once its failures leave the 15-minute window", async () => {
    await db.signInFailure.updateMany({ where: { email }, data: { at: new Date(Date.now() - SIGN_IN_WINDOW_MS - 1000) } });
    expect(await signInRetryAfter(email, null)).toBeNull();
    expect(await signInWithPassword({ email, password: PASSWORD, ip: "203.0.113.10" })).toMatchObject({ email });
  });

  afterEach(() => vi.unstubAllEnvs());

  it("refuses an address after 100 failures in the window, whatever email it tries (a shared office stays below)", async () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1"); // the address comes from our (one) proxy's X-Forwarded-For entry
    const ip = "192.0.2.55";
    await db.signInFailure.createMany({ data: Array.from({ length: 99 }, (_, index) => ({ email: `someone-${index}@office.test`, ip })) });
    expect(await signInRetryAfter("fresh@office.test", ip)).toBeNull();
    await recordSignInFailure("one-more@office.test", ip);
    const response = await authPost(credentialsRequest("fresh@office.test", ip), context);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(await signInRetryAfter("fresh@office.test", "192.0.2.56")).toBeNull();
  });

  it("without a trusted proxy, a forged X-Forwarded-For escapes nothing: unknown addresses share one limit", async () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
    const forged = "198.51.100.201";
    await recordSignInFailure("someone@nowhere.test", null);
    expect(await db.signInFailure.findFirst({ where: { email: "someone@nowhere.test" } })).toMatchObject({ ip: UNKNOWN_ADDRESS });
    const burst = Array.from({ length: 99 }, (_, index) => ({ email: `guess-${index}@nowhere.test`, ip: UNKNOWN_ADDRESS }));
    await db.signInFailure.createMany({ data: burst });
    try {
      const response = await authPost(credentialsRequest("fresh@nowhere.test", forged), context);
      expect(response.status).toBe(429);
      expect(await signInRetryAfter("fresh@nowhere.test", forged)).toBeNull(); // that address itself was never counted
    } finally {
      // Other files' sign-ins without an address share this bucket: leave it as it was.
      await db.signInFailure.deleteMany({ where: { email: { endsWith: "@nowhere.test" } } });
    }
  });

  it("counts in the database, so a second app instance (another module copy) sees the same limit", async () => {
    const other = "shared@instances.test";
    await db.signInFailure.createMany({ data: Array.from({ length: 10 }, () => ({ email: other, ip: "203.0.113.77" })) });
    // The counter lives in PostgreSQL only: any instance asking the database gets the same answer.
    expect(await signInRetryAfter(other, "203.0.113.99")).toBeGreaterThan(0);
  });
});

describe("same answer for unknown email and wrong password", () => {
  it("answers null for both, with similar timing (one bcrypt comparison each)", async () => {
    const ip = "203.0.113.200";
    const user = await buildUser(db, orgId, { passwordHash: await bcrypt.hash(PASSWORD, 11) });
    const time = async (emailTyped: string) => {
      const start = performance.now();
      const result = await signInWithPassword({ email: emailTyped, password: "not-the-password", ip });
      return { result, ms: performance.now() - start };
    };
    await time("warm-up@nowhere.test");
    const unknown = [await time("nobody-1@nowhere.test"), await time("nobody-2@nowhere.test"), await time("nobody-3@nowhere.test")];
    const wrong = [await time(user.email), await time(user.email), await time(user.email)];
    expect([...unknown, ...wrong].map((attempt) => attempt.result)).toEqual([null, null, null, null, null, null]);
    const median = (values: number[]) => values.sort((a, b) => a - b)[1];
    const ratio = median(unknown.map((a) => a.ms)) / median(wrong.map((a) => a.ms));
    // Both run one cost-11 bcrypt comparison; without the dummy hash the unknown email would be ~100× faster.
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(4);
  });

  it("writes failed and successful sign-ins of a known user to the org's audit trail, with the address", async () => {
    const user = await buildUser(db, orgId, { passwordHash: await bcrypt.hash(PASSWORD, 4) });
    await signInWithPassword({ email: user.email, password: "wrong-password-x", ip: "198.51.100.1" });
    await signInWithPassword({ email: user.email, password: PASSWORD, ip: "198.51.100.2" });
    const rows = await db.auditLog.findMany({ where: { orgId, entityId: user.id }, orderBy: { at: "asc" } });
    expect(rows.map((row) => [row.action, row.actorId, row.ip])).toEqual([
      ["auth.signInFailed", null, "198.51.100.1"],
      ["auth.signIn", user.id, "198.51.100.2"],
    ]);
    expect(rows[0].after).toMatchObject({ reason: "password" });
  });
});
