// The recycle bin: deleted accounts, contacts and deals vanish from every read, come back with history and
// relations, are seen with the visibility of the record, and are purged after 30 days or by an admin.
import { beforeAll, describe, expect, it } from "vitest";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import * as accountContactsRoute from "@/app/api/v1/accounts/[id]/contacts/route";
import * as accountRoute from "@/app/api/v1/accounts/[id]/route";
import * as opportunityRoute from "@/app/api/v1/opportunities/[id]/route";
import * as historyRoute from "@/app/api/v1/opportunities/[id]/history/route";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import * as pipelineRoute from "@/app/api/v1/pipeline/route";
import * as binRoute from "@/app/api/v1/recycle-bin/route";
import * as purgeRoute from "@/app/api/v1/recycle-bin/[type]/[id]/route";
import * as restoreRoute from "@/app/api/v1/recycle-bin/[type]/[id]/restore/route";
import { db } from "@/lib/db";
import { purgeExpiredRecycleBin, RECYCLE_BIN_DAYS } from "@/lib/data/recycle-bin";
import { buildAccount, buildContact, buildOpportunity } from "../../factories";
import { buildApiWorld, call, expectProblem, type ApiWorld } from "../api/helpers";

type BinItem = { type: string; id: string; name: string; deletedAt: string; purgeAt: string };

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

const binOf = async (token: string) => (await call<{ data: BinItem[] }>(binRoute.GET, { url: "/api/v1/recycle-bin", token })).body.data;

async function dealOfRep() {
  return buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id });
}

describe("deleting and restoring a deal", () => {
  it("hides the deal from the list, the board and direct reads, then restores it with its history", async () => {
    const deal = await dealOfRep();
    const moved = await db.opportunity.update({ where: { id: deal.id }, data: { version: 1 } });
    expect((await call(opportunityRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: deal.id } })).status).toBe(204);

    expectProblem(await call(opportunityRoute.GET, { token: world.rep.token, params: { id: deal.id } }), 404);
    const list = await call<{ data: { id: string }[] }>(opportunitiesRoute.GET, { url: "/api/v1/opportunities?limit=200", token: world.admin.token });
    expect(list.body.data.map((row) => row.id)).not.toContain(deal.id);
    const board = await call(pipelineRoute.GET, { url: "/api/v1/pipeline", token: world.admin.token });
    expect(JSON.stringify(board.body)).not.toContain(deal.id);

    const item = (await binOf(world.rep.token)).find((entry) => entry.id === deal.id);
    expect(item).toMatchObject({ type: "opportunity", name: deal.name });
    expect(new Date(item!.purgeAt).getTime() - new Date(item!.deletedAt).getTime()).toBe(RECYCLE_BIN_DAYS * 86_400_000);

    const restored = await call(restoreRoute.POST, { method: "POST", token: world.rep.token, params: { type: "opportunity", id: deal.id } });
    expect(restored.status).toBe(204);
    const back = await call<{ id: string; version: number }>(opportunityRoute.GET, { token: world.rep.token, params: { id: deal.id } });
    expect(back.body.version).toBeGreaterThan(moved.version);
    const history = await call<unknown[]>(historyRoute.GET, { token: world.rep.token, params: { id: deal.id } });
    expect(history.body).toHaveLength(1);
    expect((await binOf(world.rep.token)).map((entry) => entry.id)).not.toContain(deal.id);
    const audit = await db.auditLog.findFirst({ where: { orgId: world.org.id, action: "opportunity.restore", entityId: deal.id } });
    expect(audit?.actorId).toBe(world.rep.id);
  });

  it("shows a deleted deal only to those who could see it, and answers 404 to the others", async () => {
    const deal = await dealOfRep();
    await call(opportunityRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: deal.id } });
    expect((await binOf(world.manager.token)).map((entry) => entry.id)).toContain(deal.id);
    expect((await binOf(world.admin.token)).map((entry) => entry.id)).toContain(deal.id);
    for (const outsider of [world.rep3, world.manager2, world.otherAdmin]) {
      expect((await binOf(outsider.token)).map((entry) => entry.id)).not.toContain(deal.id);
      expectProblem(await call(restoreRoute.POST, { method: "POST", token: outsider.token, params: { type: "opportunity", id: deal.id } }), 404);
    }
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ deletedAt: expect.any(Date) });
  });
});

describe("deleting and restoring an account", () => {
  it("takes the account's contacts along and brings exactly those back, not a contact deleted earlier", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    const [kept, earlier] = [await buildContact(db, world.org.id, account.id), await buildContact(db, world.org.id, account.id)];
    expect((await call(contactRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: earlier.id } })).status).toBe(204);
    expect((await call(accountRoute.DELETE, { method: "DELETE", token: world.manager.token, params: { id: account.id } })).status).toBe(204);

    expectProblem(await call(accountRoute.GET, { token: world.rep.token, params: { id: account.id } }), 404);
    const bin = await binOf(world.rep.token);
    expect(bin.filter((entry) => [account.id, kept.id, earlier.id].includes(entry.id)).map((entry) => entry.type).sort())
      .toEqual(["account", "contact"]);
    // A rep may not restore an account (deleting one needs a manager), nor a contact while its account is deleted.
    expectProblem(await call(restoreRoute.POST, { method: "POST", token: world.rep.token, params: { type: "account", id: account.id } }), 403);
    expectProblem(await call(restoreRoute.POST, { method: "POST", token: world.rep.token, params: { type: "contact", id: earlier.id } }), 409);

    expect((await call(restoreRoute.POST, { method: "POST", token: world.manager.token, params: { type: "account", id: account.id } })).status).toBe(204);
    const contacts = await call<{ id: string }[]>(accountContactsRoute.GET, { token: world.rep.token, params: { id: account.id } });
    expect(contacts.body.map((contact) => contact.id)).toEqual([kept.id]);
    expect((await call(restoreRoute.POST, { method: "POST", token: world.rep.token, params: { type: "contact", id: earlier.id } })).status).toBe(204);
    const after = await call<{ id: string }[]>(accountContactsRoute.GET, { token: world.rep.token, params: { id: account.id } });
    expect(after.body.map((contact) => contact.id).sort()).toEqual([kept.id, earlier.id].sort());
  });

  it("refuses to restore a deal whose account is still in the bin", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: world.rep.id, teamId: world.north.id });
    await call(opportunityRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: deal.id } });
    await call(accountRoute.DELETE, { method: "DELETE", token: world.admin.token, params: { id: account.id } });
    expectProblem(await call(restoreRoute.POST, { method: "POST", token: world.rep.token, params: { type: "opportunity", id: deal.id } }), 409);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).deletedAt).not.toBeNull();
  });
});

describe("purging", () => {
  it("lets only an admin delete a binned record for good, and never a live one", async () => {
    const deal = await dealOfRep();
    expectProblem(await call(purgeRoute.DELETE, { method: "DELETE", token: world.admin.token, params: { type: "opportunity", id: deal.id } }), 404);
    await call(opportunityRoute.DELETE, { method: "DELETE", token: world.rep.token, params: { id: deal.id } });
    expectProblem(await call(purgeRoute.DELETE, { method: "DELETE", token: world.manager.token, params: { type: "opportunity", id: deal.id } }), 403);
    expectProblem(await call(purgeRoute.DELETE, { method: "DELETE", token: world.admin.token, params: { type: "nonsense", id: deal.id } }), 422);
    expect((await call(purgeRoute.DELETE, { method: "DELETE", token: world.admin.token, params: { type: "opportunity", id: deal.id } })).status).toBe(204);
    expect(await db.opportunity.findUnique({ where: { id: deal.id } })).toBeNull();
    expect(await db.stageChange.count({ where: { opportunityId: deal.id } })).toBe(0);
  });

  it("purges what was deleted more than 30 days ago, account with its deals and contacts, and keeps the rest", async () => {
    const old = new Date(Date.now() - (RECYCLE_BIN_DAYS + 1) * 86_400_000);
    const recent = new Date(Date.now() - (RECYCLE_BIN_DAYS - 1) * 86_400_000);
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    const contact = await buildContact(db, world.org.id, account.id);
    const oldDeal = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: world.rep.id });
    const recentDeal = await dealOfRep();
    const liveDeal = await dealOfRep();
    await db.opportunity.update({ where: { id: oldDeal.id }, data: { deletedAt: old } });
    await db.contact.update({ where: { id: contact.id }, data: { deletedAt: old } });
    await db.account.update({ where: { id: account.id }, data: { deletedAt: old } });
    await db.opportunity.update({ where: { id: recentDeal.id }, data: { deletedAt: recent } });

    const result = await purgeExpiredRecycleBin(new Date());
    expect(result.accounts).toBeGreaterThanOrEqual(1);
    expect(await db.account.findUnique({ where: { id: account.id } })).toBeNull();
    expect(await db.contact.findUnique({ where: { id: contact.id } })).toBeNull();
    expect(await db.opportunity.findUnique({ where: { id: oldDeal.id } })).toBeNull();
    expect(await db.opportunity.findUnique({ where: { id: recentDeal.id } })).not.toBeNull();
    expect(await db.opportunity.findUnique({ where: { id: liveDeal.id } })).not.toBeNull();
  });
});
