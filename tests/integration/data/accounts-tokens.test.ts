// Accounts and contacts (readable across the org, never across orgs) and personal API tokens.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createAccount, createContact, deleteAccount, getAccount, listAccountPage, listAccounts, listContacts, updateAccount,
} from "@/lib/data/accounts";
import { getStageTable } from "@/lib/data/stage-config";
import { contextFromApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/data/tokens";
import { db } from "@/lib/db";
import { buildAccount, buildContact } from "../../factories";
import { buildDataWorld, contextOf, type DataWorld, expectAppError } from "./world";

let world: DataWorld;
beforeAll(async () => {
  world = await buildDataWorld();
});

describe("accounts", () => {
  it("are readable by everyone in the org, whoever owns them", async () => {
    for (const ctx of [world.ctx.rep, world.ctx.rep2, world.ctx.manager, world.ctx.admin]) {
      expect((await getAccount(ctx, world.southAccount.id)).id).toBe(world.southAccount.id);
      const page = await listAccounts(ctx, { limit: 200 });
      expect(page.data.map((account) => account.id)).toEqual(expect.arrayContaining([world.account.id, world.southAccount.id]));
      expect(page.data.map((account) => account.id)).not.toContain(world.otherAccount.id);
    }
  });

  it("answer NOT_FOUND across orgs, for reads and writes alike", async () => {
    await expectAppError(getAccount(world.ctx.admin, world.otherAccount.id), "NOT_FOUND");
    await expectAppError(listContacts(world.ctx.admin, world.otherAccount.id), "NOT_FOUND");
    await expectAppError(createContact(world.ctx.admin, world.otherAccount.id, { name: "Intruder" }), "NOT_FOUND");
    await expectAppError(updateAccount(world.ctx.admin, world.otherAccount.id, { name: "Taken over" }), "NOT_FOUND");
    await expectAppError(deleteAccount(world.ctx.admin, world.otherAccount.id), "NOT_FOUND");
    expect((await db.account.findUniqueOrThrow({ where: { id: world.otherAccount.id } })).deletedAt).toBeNull();
  });

  it("list their contacts, alphabetically, to anyone in the org", async () => {
    await buildContact(db, world.org.id, world.southAccount.id, { name: "Zhou Min", title: "Chief Engineer" });
    await buildContact(db, world.org.id, world.southAccount.id, { name: "Chen Wei" });
    const contacts = await listContacts(world.ctx.rep, world.southAccount.id);
    expect(contacts.map((contact) => contact.name)).toEqual(["Chen Wei", "Zhou Min"]);
    const added = await createContact(world.ctx.rep, world.southAccount.id, { name: "Li Na", email: "li.na@example.cn" });
    expect(added).toMatchObject({ accountId: world.southAccount.id, email: "li.na@example.cn", title: null });
  });

  it("are created owned by the caller, and refuse an owner of another org", async () => {
    const created = await createAccount(world.ctx.rep, { name: "Hunan Grid Services" });
    expect(created).toMatchObject({ ownerId: world.users.rep.id, isKeyAccount: false });
    const error = await expectAppError(createAccount(world.ctx.admin, { name: "X", ownerId: world.users.otherRep.id }), "VALIDATION");
    expect(error.errors?.map((entry) => entry.path)).toEqual(["ownerId"]);
  });

  it("are edited by their owner, managers and admins; a rep may not hand one to someone else", async () => {
    await expectAppError(updateAccount(world.ctx.rep2, world.account.id, { industry: "Mining" }), "FORBIDDEN");
    expect(await updateAccount(world.ctx.rep, world.account.id, { industry: "Power Utilities" })).toMatchObject({ industry: "Power Utilities" });
    await expectAppError(updateAccount(world.ctx.rep, world.account.id, { ownerId: world.users.rep2.id }), "FORBIDDEN");
    expect(await updateAccount(world.ctx.manager2, world.account.id, { isKeyAccount: true })).toMatchObject({ isKeyAccount: true });
  });

  it("are deleted (softly) by managers and admins only when no live deal hangs on them", async () => {
    await expectAppError(deleteAccount(world.ctx.rep, world.account.id), "FORBIDDEN");
    await expectAppError(deleteAccount(world.ctx.admin, world.account.id), "CONFLICT");
    const empty = await buildAccount(db, world.org.id, { name: `Empty ${randomUUID()}` });
    await deleteAccount(world.ctx.manager, empty.id);
    await expectAppError(getAccount(world.ctx.admin, empty.id), "NOT_FOUND");
    const page = await listAccountPage(world.ctx.admin, { q: empty.name, limit: 10 }, 1);
    expect(page.total).toBe(0);
  });
});

describe("API tokens", () => {
  it("shows the token once and stores only its SHA-256 hash", async () => {
    const created = await createApiToken(world.ctx.rep, { name: "CI script" });
    expect(created.token).toMatch(/^crm_/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = await listApiTokens(world.ctx.rep);
    expect(listed.find((token) => token.id === created.id)).toEqual({
      id: created.id, name: "CI script", prefix: created.token.slice(0, 10), createdAt: created.createdAt, lastUsedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("resolves a bearer token to its user's context and records its use", async () => {
    const { token, id } = await createApiToken(world.ctx.manager, { name: "Report export" });
    // The same statement reads the org's stage table and base currency, which the request then carries.
    const { stageTable, baseCurrency, ...resolved } = (await contextFromApiToken(token)) ?? {};
    expect(resolved).toEqual(await contextOf(world.users.manager.id));
    expect(stageTable).toEqual(await getStageTable(world.ctx.manager, db));
    expect(baseCurrency).toBe((await db.organization.findUniqueOrThrow({ where: { id: world.ctx.manager.orgId } })).baseCurrency);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("resolves nothing for unknown, malformed or revoked tokens, or a deactivated user", async () => {
    expect(await contextFromApiToken("crm_does-not-exist")).toBeNull();
    expect(await contextFromApiToken("not-even-prefixed")).toBeNull();
    const { token, id } = await createApiToken(world.ctx.rep2, { name: "Soon revoked" });
    await revokeApiToken(world.ctx.rep2, id);
    expect(await contextFromApiToken(token)).toBeNull();
    expect((await listApiTokens(world.ctx.rep2)).map((listed) => listed.id)).not.toContain(id);

    const inactive = await createApiToken(world.ctx.rep3, { name: "Leaver" });
    await db.user.update({ where: { id: world.users.rep3.id }, data: { isActive: false } });
    try {
      expect(await contextFromApiToken(inactive.token)).toBeNull();
    } finally {
      await db.user.update({ where: { id: world.users.rep3.id }, data: { isActive: true } });
    }
  });

  it("lists and revokes only the caller's own tokens", async () => {
    const mine = await createApiToken(world.ctx.admin, { name: "Admin's" });
    expect((await listApiTokens(world.ctx.rep)).map((token) => token.id)).not.toContain(mine.id);
    await expectAppError(revokeApiToken(world.ctx.rep, mine.id), "NOT_FOUND");
    await expectAppError(revokeApiToken(world.ctx.otherAdmin, mine.id), "NOT_FOUND");
    expect(await contextFromApiToken(mine.token)).not.toBeNull();
    await revokeApiToken(world.ctx.admin, mine.id);
    await expectAppError(revokeApiToken(world.ctx.admin, mine.id), "NOT_FOUND");
  });
});
