// Organization sign-up: one transaction creates the org, its admin, default gates and lists; the new admin
// sees nothing of any other org; a taken email is a 422 on email with nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/v1/signup/route";
import { listAccounts } from "@/lib/data/accounts";
import { listAdminTeams } from "@/lib/data/admin-teams";
import { listAdminUsers } from "@/lib/data/admin-users";
import { listAuditEntries } from "@/lib/data/audit";
import { listOptions } from "@/lib/data/lists";
import { listOpportunities } from "@/lib/data/opportunities";
import { signUpOrganization } from "@/lib/data/org-signup";
import { authenticateUser, loadContext } from "@/lib/data/users";
import { db } from "@/lib/db";
import { DEFAULT_ORG_LISTS } from "@/lib/domain/org-lists";
import { buildAccount, buildOpportunity } from "../../factories";
import { type ApiWorld, buildApiWorld, call, expectProblem } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
  await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id });
});

const PASSWORD = "a-long-enough-secret";

async function countAll() {
  const [orgs, users, items, gates, audit] = await Promise.all([
    db.organization.count(), db.user.count(), db.orgListItem.count(), db.gateCriterion.count(), db.auditLog.count(),
  ]);
  return { orgs, users, items, gates, audit };
}

describe("POST /api/v1/signup", () => {
  it("creates an isolated org whose admin can sign in and sees none of another org's data", async () => {
    const result = await call<{ orgId: string; userId: string; email: string }>(signupRoute.POST, {
      method: "POST", token: null,
      body: { orgName: "Harbin Boilers Ltd.", baseCurrency: "USD", name: "Gao Yan", email: "Gao.Yan@Boilers.test", password: PASSWORD, locale: "zh-CN" },
    });
    expect(result.status).toBe(201);
    expect(result.body.email).toBe("gao.yan@boilers.test");
    const org = await db.organization.findUniqueOrThrow({ where: { id: result.body.orgId } });
    expect(org).toMatchObject({ name: "Harbin Boilers Ltd.", baseCurrency: "USD" });
    expect(await authenticateUser("gao.yan@boilers.test", PASSWORD)).toMatchObject({ id: result.body.userId, role: "ADMIN", orgId: org.id, locale: "zh-CN" });

    const ctx = (await loadContext(result.body.userId))!;
    expect(ctx).toMatchObject({ orgId: org.id, role: "ADMIN", teamIds: [] });
    expect((await listOpportunities(ctx, { limit: 50 })).data).toEqual([]);
    expect((await listAccounts(ctx, { limit: 50 })).data).toEqual([]);
    expect((await listAdminUsers(ctx)).map((user) => user.id)).toEqual([result.body.userId]);
    expect(await listAdminTeams(ctx)).toEqual([]);

    // It starts with the default gates and lists, labelled in both languages.
    expect(await db.gateCriterion.count({ where: { orgId: org.id } })).toBeGreaterThan(0);
    expect((await listOptions(ctx, "SEGMENT")).map((option) => option.value)).toEqual(DEFAULT_ORG_LISTS.SEGMENT.map((item) => item.key));
    expect((await listOptions(ctx, "ACTIVITY_TYPE")).length).toBe(DEFAULT_ORG_LISTS.ACTIVITY_TYPE.length);
    expect(await listOptions(ctx, "PRODUCT_LINE")).toEqual([]);
    const audit = await listAuditEntries(ctx, { limit: 10 });
    expect(audit.items.map((entry) => entry.action)).toEqual(["org.signup"]);
    expect(audit.items[0]).toMatchObject({ actorId: result.body.userId, entityId: org.id, before: null });
  });

  it("answers a taken email (any case) with a 422 on email only, and writes nothing", async () => {
    const taken = (await db.user.findUniqueOrThrow({ where: { id: world.rep.id } })).email;
    const before = await countAll();
    const result = await call(signupRoute.POST, {
      method: "POST", token: null,
      body: { orgName: "Copycat Co.", baseCurrency: "CNY", name: "Copy Cat", email: taken.toUpperCase(), password: PASSWORD },
    });
    const problem = expectProblem(result, 422);
    expect(problem.errors).toEqual([{ path: "email", message: "This email address cannot be used. Use another one or sign in." }]);
    expect(JSON.stringify(problem)).not.toMatch(/organization "|other org|Org /);
    expect(await countAll()).toEqual(before);
    expect(await db.organization.findFirst({ where: { name: "Copycat Co." } })).toBeNull();
  });

  it("validates every field with zod: password length, currency code, unknown fields", async () => {
    const base = { orgName: "Valid Org", baseCurrency: "CNY", name: "Val Id", email: "val.id@valid.test", password: PASSWORD };
    const post = (body: unknown) => call(signupRoute.POST, { method: "POST", token: null, body });
    expect(expectProblem(await post({ ...base, password: "too-short" }), 422).errors).toEqual([{ path: "password", message: "At least 12 characters." }]);
    expect(expectProblem(await post({ ...base, password: "p".repeat(129) }), 422).errors?.[0].path).toBe("password");
    expect(expectProblem(await post({ ...base, baseCurrency: "yuan" }), 422).errors?.[0].path).toBe("baseCurrency");
    expect(expectProblem(await post({ ...base, role: "ADMIN", orgId: world.org.id }), 422).errors?.map((error) => error.path).sort()).toEqual(["orgId", "role"]);
    expectProblem(await post("{not json"), 400);
    expect(await db.user.findUnique({ where: { email: "val.id@valid.test" } })).toBeNull();
  });

  it("lets two sign-ups race for one email: exactly one org is created", async () => {
    const input = { orgName: "Race Co.", baseCurrency: "EUR", name: "Ra Ce", email: "race@race.test", password: PASSWORD };
    const outcomes = await Promise.allSettled([signUpOrganization(input), signUpOrganization({ ...input, orgName: "Race Co. 2" })]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "VALIDATION", errors: [{ path: "email" }],
    });
    expect(await db.organization.count({ where: { name: { startsWith: "Race Co." } } })).toBe(1);
  });

  it("keeps the demo org's admin out of the new org", async () => {
    const created = await signUpOrganization({ orgName: "Private Co.", baseCurrency: "CNY", name: "Pri Vate", email: "private@private.test", password: PASSWORD });
    await buildAccount(db, created.orgId, { name: "Private account" });
    const outsider = (await loadContext(world.admin.id))!;
    expect((await listAccounts(outsider, { limit: 200 })).data.map((account) => account.name)).not.toContain("Private account");
    expect((await listAdminUsers(outsider)).map((user) => user.id)).not.toContain(created.userId);
  });
});
