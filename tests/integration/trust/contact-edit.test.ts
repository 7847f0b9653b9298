// One rule for editing a contact (lib/data/contacts.ts editableContactAccounts), whether through the API, the
// org chart or the import's batch: the account's owner, a manager, an admin, and the reps working a live deal
// on the account (its owner or a project-team member). A refusal changes no row; an edit is audited. The
// import's batch forms apply the same rules as the single-row functions, row by row.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import { db } from "@/lib/db";
import { upsertAccountsByExternalId } from "@/lib/data/accounts";
import { updateContact, upsertContactsByExternalId } from "@/lib/data/contacts";
import { createImportJob, getImportJob, startImport } from "@/lib/data/imports";
import type { Ctx } from "@/lib/permissions";
import { setFileStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { buildAccount, buildContact, buildOpportunity } from "../../factories";
import { buildApiWorld, call, contextOf, expectProblem, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
let ctx: Record<"rep" | "rep2" | "rep3" | "manager2" | "admin", Ctx>;
beforeAll(async () => {
  setFileStorage(createLocalStorage(mkdtempSync(path.join(os.tmpdir(), "crm-contact-edit-"))));
  world = await buildApiWorld();
  ctx = {
    rep: await contextOf(world.rep.id), rep2: await contextOf(world.rep2.id), rep3: await contextOf(world.rep3.id),
    manager2: await contextOf(world.manager2.id), admin: await contextOf(world.admin.id),
  };
});

const tag = () => Math.random().toString(36).slice(2, 8);
const patch = (token: string, id: string, body: unknown) =>
  call(contactRoute.PATCH, { method: "PATCH", token, params: { id }, body, url: `/api/v1/contacts/${id}` });
const auditCount = (entityId: string) => db.auditLog.count({ where: { entityId } });

describe("who may edit a contact", () => {
  it("refuses a rep of the org who neither owns the account nor works one of its deals, changing nothing", async () => {
    const contact = await buildContact(db, world.org.id, world.account.id, { title: "CTO" });
    const before = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expectProblem(await patch(world.rep2.token, contact.id, { title: "CIO" }), 403);
    await expect(updateContact(ctx.rep3, contact.id, { title: "CIO" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(before);
    expect(await auditCount(contact.id)).toBe(0);
  });

  it("lets the account owner, another team's manager and the admin edit, each audited with before and after", async () => {
    const contact = await buildContact(db, world.org.id, world.account.id, { title: "CTO" });
    expect((await patch(world.rep.token, contact.id, { title: "CIO" })).status).toBe(200);
    expect((await patch(world.manager2.token, contact.id, { phone: "010-1234" })).status).toBe(200);
    expect((await patch(world.admin.token, contact.id, { name: "Dr. Wang" })).status).toBe(200);
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ title: "CIO", phone: "010-1234", name: "Dr. Wang" });
    const entries = await db.auditLog.findMany({ where: { entityId: contact.id, action: "contact.update" }, orderBy: { at: "asc" } });
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actorId: world.rep.id, before: expect.objectContaining({ title: "CTO" }), after: expect.objectContaining({ title: "CIO" }) });
  });

  it("lets a rep edit the contacts of an account they work a live deal on (owner or project team), not after the deal is deleted", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep3.id });
    const contact = await buildContact(db, world.org.id, account.id);
    await expect(updateContact(ctx.rep, contact.id, { title: "A" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owned = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: world.rep.id, teamId: world.north.id });
    await expect(updateContact(ctx.rep, contact.id, { title: "B" })).resolves.toMatchObject({ title: "B" });
    await expect(updateContact(ctx.rep2, contact.id, { title: "C" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.opportunityTeamMember.create({ data: { opportunityId: owned.id, userId: world.rep2.id, orgId: world.org.id, role: "PRESALES", sharePct: "0" } });
    await expect(updateContact(ctx.rep2, contact.id, { title: "D" })).resolves.toMatchObject({ title: "D" });
    await db.opportunity.update({ where: { id: owned.id }, data: { deletedAt: new Date() } });
    await expect(updateContact(ctx.rep, contact.id, { title: "E" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).title).toBe("D");
  });
});

describe("the import's batch forms apply the same rules per row", () => {
  it("contacts: creates anywhere in the org, edits only where the rule allows, refuses a contact in the recycle bin", async () => {
    const t = tag();
    const mine = await buildAccount(db, world.org.id, { ownerId: world.rep3.id });
    const theirs = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    const editable = await db.contact.create({ data: { orgId: world.org.id, accountId: mine.id, name: "Mine", externalId: `C-${t}-1` } });
    const foreign = await db.contact.create({ data: { orgId: world.org.id, accountId: theirs.id, name: "Theirs", title: "CFO", externalId: `C-${t}-2` } });
    await db.contact.create({ data: { orgId: world.org.id, accountId: mine.id, name: "Binned", externalId: `C-${t}-3`, deletedAt: new Date() } });
    const outcomes = await db.$transaction((tx) => upsertContactsByExternalId(tx, ctx.rep3, [
      { externalId: `C-${t}-1`, accountId: mine.id, input: { name: "Mine renamed" } },
      { externalId: `C-${t}-2`, accountId: theirs.id, input: { name: "Theirs", title: "CEO" } },
      { externalId: `C-${t}-3`, accountId: mine.id, input: { name: "Binned" } },
      { externalId: `C-${t}-4`, accountId: theirs.id, input: { name: "New on their account", email: "new@example.com" } },
      { externalId: `C-${t}-5`, accountId: world.otherAccount.id, input: { name: "Other org" } },
    ]));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["updated", "rejected", "rejected", "created", "rejected"]);
    expect(outcomes[1]).toMatchObject({ errors: [{ path: "(row)", message: expect.stringContaining("may edit its contacts") }] });
    expect(await db.contact.findUniqueOrThrow({ where: { id: editable.id } })).toMatchObject({ name: "Mine renamed" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ title: "CFO" });
    const created = await db.contact.findFirstOrThrow({ where: { orgId: world.org.id, externalId: `C-${t}-4` } });
    expect(created).toMatchObject({ accountId: theirs.id, email: "new@example.com" });
    expect(await db.auditLog.findMany({ where: { entityId: { in: [editable.id, foreign.id, created.id] } }, select: { action: true, entityId: true, actorId: true } }))
      .toEqual(expect.arrayContaining([
        { action: "contact.update", entityId: editable.id, actorId: world.rep3.id }, { action: "contact.create", entityId: created.id, actorId: world.rep3.id },
      ]));
    expect(await auditCount(foreign.id)).toBe(0);
  });

  it("accounts: a rep updates only their own, never hands one over; unchanged rows write nothing", async () => {
    const t = tag();
    const own = await db.account.create({ data: { orgId: world.org.id, name: "Own", region: "East", ownerId: world.rep.id, externalId: `A-${t}-1` } });
    const other = await db.account.create({ data: { orgId: world.org.id, name: "Other", ownerId: world.rep2.id, externalId: `A-${t}-2` } });
    const outcomes = await db.$transaction((tx) => upsertAccountsByExternalId(tx, ctx.rep, [
      { externalId: `A-${t}-1`, input: { name: "Own renamed", industry: "Steel" } },
      { externalId: `A-${t}-2`, input: { name: "Other renamed" } },
      { externalId: `A-${t}-3`, input: { name: "Brand new" } },
      { externalId: `A-${t}-4`, input: { name: "For someone else", ownerId: world.otherRep.id } },
    ]));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["updated", "rejected", "created", "rejected"]);
    expect(outcomes[3]).toMatchObject({ errors: [{ path: "ownerId" }] });
    expect(await db.account.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ name: "Own renamed", industry: "Steel", region: "East" });
    expect(await db.account.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ name: "Other" });
    expect(await db.account.findFirstOrThrow({ where: { orgId: world.org.id, externalId: `A-${t}-3` } })).toMatchObject({ ownerId: world.rep.id });
    const handOver = await db.$transaction((tx) => upsertAccountsByExternalId(tx, ctx.rep, [
      { externalId: `A-${t}-1`, input: { name: "Own renamed", industry: "Steel", ownerId: world.rep2.id } },
      { externalId: `A-${t}-3`, input: { name: "Brand new" } },
    ]));
    expect(handOver.map((outcome) => outcome.kind)).toEqual(["rejected", "unchanged"]);
    expect(await db.auditLog.count({ where: { entityId: own.id, action: "account.update" } })).toBe(1);
  });

  it("an import by a rep reports the rows the rule refuses and writes the others", async () => {
    const t = tag();
    const theirs = await buildAccount(db, world.org.id, { ownerId: world.rep2.id });
    await db.account.update({ where: { id: theirs.id }, data: { externalId: `ACC-${t}` } });
    await db.contact.create({ data: { orgId: world.org.id, accountId: theirs.id, name: "Locked", externalId: `K-${t}-1` } });
    const lines = ["externalId,name,accountExternalId", `K-${t}-1,Changed,ACC-${t}`, `K-${t}-2,Added,ACC-${t}`];
    const file = { name: "contacts.csv", mime: "text/csv", data: new TextEncoder().encode(`${lines.join("\r\n")}\r\n`) };
    const job = await createImportJob(ctx.rep, "contact", file);
    await startImport(ctx.rep, job.id, job.mapping, { runInBackground: false });
    expect(await getImportJob(ctx.rep, job.id)).toMatchObject({ status: "COMPLETED", createdCount: 1, updatedCount: 0, rejectedCount: 1 });
    expect(await db.contact.findFirstOrThrow({ where: { orgId: world.org.id, externalId: `K-${t}-1` } })).toMatchObject({ name: "Locked" });
  });
});
