// REST API v1: accounts and their contacts — readable across the org, never across orgs.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as contactsRoute from "@/app/api/v1/accounts/[id]/contacts/route";
import * as accountRoute from "@/app/api/v1/accounts/[id]/route";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import { db } from "@/lib/db";
import { buildAccount, buildContact, buildOpportunity } from "../../factories";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "./helpers";

type AccountJson = { id: string; name: string; ownerId: string | null; industry: string | null; isKeyAccount: boolean };
type AccountPage = { data: AccountJson[]; nextCursor: string | null };
type ContactJson = { id: string; accountId: string; name: string; email: string | null };

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("GET /api/v1/accounts", () => {
  it("searches by name and pages alphabetically with an opaque cursor, never showing another org", async () => {
    const tag = `Pager-${randomUUID().slice(0, 8)}`;
    for (const letter of ["C", "A", "E", "B", "D"]) await buildAccount(db, world.org.id, { name: `${tag} ${letter}` });
    await buildAccount(db, world.otherOrg.id, { name: `${tag} Z other org` });

    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `q=${encodeURIComponent(tag)}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { status: number; body: AccountPage } = await call<AccountPage>(accountsRoute.GET, { url: `/api/v1/accounts?${query}`, token: world.rep.token });
      expect(page.status).toBe(200);
      names.push(...page.body.data.map((account) => account.name));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(names).toEqual(["A", "B", "C", "D", "E"].map((letter) => `${tag} ${letter}`));
    expect(pages).toBe(3);

    const other = await call<AccountPage>(accountsRoute.GET, { url: `/api/v1/accounts?q=${tag}`, token: world.otherAdmin.token });
    expect(other.body.data.map((account) => account.name)).toEqual([`${tag} Z other org`]);
  });

  it("refuses a bad limit, a forged cursor and an unknown query parameter with 422", async () => {
    for (const query of ["limit=0", "limit=abc", "cursor=not-a-cursor", "sort=name"]) {
      expectProblem(await call(accountsRoute.GET, { url: `/api/v1/accounts?${query}`, token: world.rep.token }), 422);
    }
    const forged = Buffer.from(JSON.stringify({ at: "Acme", id: "'; drop table" })).toString("base64url");
    expectProblem(await call(accountsRoute.GET, { url: `/api/v1/accounts?cursor=${forged}`, token: world.rep.token }), 422);
  });
});

describe("POST /api/v1/accounts", () => {
  it("creates an account owned by the caller (201 with Location)", async () => {
    const result = await call<AccountJson>(accountsRoute.POST, {
      method: "POST", token: world.rep.token, body: { name: "  Shanghai Steel  ", industry: "Steel", isKeyAccount: true },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ name: "Shanghai Steel", industry: "Steel", isKeyAccount: true, ownerId: world.rep.id });
    expect(result.headers.get("location")).toBe(`/api/v1/accounts/${result.body.id}`);
    const fetched = await call<AccountJson>(accountRoute.GET, { token: world.rep3.token, params: { id: result.body.id } });
    expect(fetched.body).toMatchObject({ id: result.body.id, name: "Shanghai Steel" });
  });

  it("refuses a missing name, unknown fields and an owner from another org with 422", async () => {
    const missing = expectProblem(await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: { industry: "x" } }), 422);
    expect(missing.errors?.map((error) => error.path)).toEqual(["name"]);
    const unknown = expectProblem(
      await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: { name: "x", orgId: world.otherOrg.id } }), 422,
    );
    expect(unknown.errors).toEqual([{ path: "orgId", message: "Unknown field." }]);
    const foreign = expectProblem(
      await call(accountsRoute.POST, { method: "POST", token: world.admin.token, body: { name: "x", ownerId: world.otherRep.id } }), 422,
    );
    expect(foreign.errors?.map((error) => error.path)).toEqual(["ownerId"]);
    expectProblem(await call(accountsRoute.POST, { method: "POST", token: world.rep.token, body: '{"name": "x",}' }), 400);
  });
});

describe("/api/v1/accounts/:id", () => {
  it("answers 404 for another org's account and a malformed id", async () => {
    expectProblem(await call(accountRoute.GET, { token: world.rep.token, params: { id: world.otherAccount.id } }), 404);
    expectProblem(await call(accountRoute.GET, { token: world.rep.token, params: { id: "123" } }), 404);
    expectProblem(await call(accountRoute.PATCH, { method: "PATCH", token: world.admin.token, params: { id: world.otherAccount.id }, body: { name: "x" } }), 404);
    expectProblem(await call(accountRoute.DELETE, { method: "DELETE", token: world.admin.token, params: { id: world.otherAccount.id } }), 404);
  });

  it("lets the owner edit, refuses another rep (403) and a foreign owner (422)", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id, name: "Editable" });
    const edited = await call<AccountJson>(accountRoute.PATCH, {
      method: "PATCH", token: world.rep.token, params: { id: account.id }, body: { region: "East", isKeyAccount: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Editable", isKeyAccount: true, ownerId: world.rep.id });
    expectProblem(await call(accountRoute.PATCH, { method: "PATCH", token: world.rep2.token, params: { id: account.id }, body: { name: "Mine" } }), 403);
    const foreign = expectProblem(
      await call(accountRoute.PATCH, { method: "PATCH", token: world.manager.token, params: { id: account.id }, body: { ownerId: world.otherRep.id } }), 422,
    );
    expect(foreign.errors?.map((error) => error.path)).toEqual(["ownerId"]);
    const handed = await call<AccountJson>(accountRoute.PATCH, {
      method: "PATCH", token: world.manager.token, params: { id: account.id }, body: { ownerId: world.rep2.id },
    });
    expect(handed.body.ownerId).toBe(world.rep2.id);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).name).toBe("Editable");
  });

  it("deletes (204) only for managers and admins, and not while live deals hang on the account (409)", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: world.rep.id, teamId: world.north.id });
    expectProblem(await call(accountRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: account.id } }), 403);
    expectProblem(await call(accountRoute.DELETE, { method: "DELETE", token: world.manager.token, params: { id: account.id } }), 409);
    await db.opportunity.update({ where: { id: deal.id }, data: { deletedAt: new Date() } });
    const deleted = await call(accountRoute.DELETE, { method: "DELETE", token: world.manager.token, params: { id: account.id } });
    expect(deleted.status).toBe(204);
    expectProblem(await call(accountRoute.GET, { token: world.manager.token, params: { id: account.id } }), 404);
  });
});

describe("/api/v1/accounts/:id/contacts", () => {
  it("adds a contact (201) and lists the account's contacts alphabetically", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    await buildContact(db, world.org.id, account.id, { name: "Zhang Wei" });
    const created = await call<ContactJson>(contactsRoute.POST, {
      method: "POST", token: world.rep2.token, params: { id: account.id }, body: { name: "Li Na", title: "CIO", email: "li.na@example.com" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ accountId: account.id, name: "Li Na", email: "li.na@example.com" });
    const list = await call<ContactJson[]>(contactsRoute.GET, { token: world.rep3.token, params: { id: account.id } });
    expect(list.status).toBe(200);
    expect(list.body.map((contact) => contact.name)).toEqual(["Li Na", "Zhang Wei"]);
  });

  it("refuses a bad email (422) and another org's account (404)", async () => {
    const bad = expectProblem(
      await call(contactsRoute.POST, { method: "POST", token: world.rep.token, params: { id: world.account.id }, body: { name: "X", email: "nope" } }), 422,
    );
    expect(bad.errors?.map((error) => error.path)).toEqual(["email"]);
    expectProblem(await call(contactsRoute.GET, { token: world.rep.token, params: { id: world.otherAccount.id } }), 404);
    expectProblem(
      await call(contactsRoute.POST, { method: "POST", token: world.rep.token, params: { id: world.otherAccount.id }, body: { name: "X" } }), 404,
    );
    expectProblem(await call(contactsRoute.GET, { token: world.rep.token, params: { id: "nope" } }), 404);
  });
});
