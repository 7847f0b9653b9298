// The load goal (issue 9) cut round trips by reading and writing several things in one statement. Each combined
// statement must give exactly what the separate reads and writes it replaced give: these tests compare them.
import { beforeAll, describe, expect, it } from "vitest";
import { listOpportunityActivities, logOpportunityActivity } from "@/lib/data/activities";
import { loadFishbones, saveAnalysisDocument } from "@/lib/data/analysis";
import { auditInsertSql, recordAudit } from "@/lib/data/audit";
import { loadBuyingCenterFactsForDeals } from "@/lib/data/buying-center-facts";
import { getForecast } from "@/lib/data/forecast";
import { getOpportunity, updateOpportunity } from "@/lib/data/opportunities";
import { contextFromApiToken } from "@/lib/data/tokens";
import { loadWarningInputs } from "@/lib/data/warnings";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import { buildContact, buildOpportunity, buildOrg, buildUser } from "../../factories";
import { buildApiWorld, contextOf, tokenFor, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
let rep: Ctx;

beforeAll(async () => {
  world = await buildApiWorld();
  rep = await contextOf(world.rep.id);
});

const deal = (ownerId = world.rep.id) =>
  buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId, teamId: world.north.id, stage: "P3" });

describe("loadWarningInputs (the warnings' one statement)", () => {
  it("reads the same buying center, fishbone, dismissals and facts as the separate reads", async () => {
    const [rich, bare] = [await deal(), await deal()];
    const [ceo, cfo, gone] = await Promise.all(["Chen CEO", "Wu CFO", "Gone"].map((name) => buildContact(db, world.org.id, world.account.id, { name })));
    await db.contact.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await db.opportunityContact.createMany({
      data: [
        { opportunityId: rich.id, contactId: ceo.id, orgId: world.org.id, roles: ["DECISION_MAKER"] },
        { opportunityId: rich.id, contactId: cfo.id, orgId: world.org.id, roles: [] },
        { opportunityId: rich.id, contactId: gone.id, orgId: world.org.id, roles: ["COACH"] },
      ],
    });
    await db.opportunityTeamMember.create({ data: { opportunityId: rich.id, userId: world.rep2.id, orgId: world.org.id, role: "PRESALES", sharePct: "100" } });
    // Held by the owner and by a project-team member (both count) and by someone outside the deal (does not).
    await db.contactRelationship.createMany({
      data: [
        { contactId: ceo.id, userId: world.rep.id, orgId: world.org.id, degree: 3, updatedAt: new Date() },
        { contactId: cfo.id, userId: world.rep2.id, orgId: world.org.id, degree: 2, updatedAt: new Date() },
        { contactId: ceo.id, userId: world.rep3.id, orgId: world.org.id, degree: 5, updatedAt: new Date() },
      ],
    });
    await saveAnalysisDocument(rep, rich.id, "FISHBONE", {
      head: "Win", categories: [{ id: "a", name: "Relationship", causes: [
        { id: "late", text: "No CIO access", status: "OPEN", ownerId: world.rep.id, action: "Intro via coach", dueDate: "2026-01-01" },
      ] }],
    });
    const snoozedUntil = new Date("2030-01-02T03:04:05.678Z");
    const acknowledgedAt = new Date("2026-05-06T07:08:09.012Z");
    await db.warningState.createMany({
      data: [
        { orgId: world.org.id, opportunityId: rich.id, rule: "STALLED", userId: world.rep.id, snoozedUntil },
        { orgId: world.org.id, opportunityId: rich.id, rule: "NO_ACTIVITY", userId: world.rep.id, acknowledgedAt },
        // Another user's dismissal is not the caller's.
        { orgId: world.org.id, opportunityId: rich.id, rule: "CLOSE_DATE_PUSHED", userId: world.rep2.id, acknowledgedAt },
      ],
    });
    await db.opportunityFieldChange.createMany({
      data: [
        { orgId: world.org.id, opportunityId: rich.id, byUserId: world.rep.id, field: "expectedCloseDate", before: "2027-01-01", after: "2027-02-01" },
        { orgId: world.org.id, opportunityId: rich.id, byUserId: world.rep.id, field: "amount", before: "1000.00", after: "800.00" },
      ],
    });
    await db.activity.create({
      data: { orgId: world.org.id, accountId: world.account.id, opportunityId: rich.id, userId: world.rep.id, type: "VISIT", subject: "Visit", occurredAt: new Date("2026-04-01T10:00:00Z") },
    });

    const inputs = await loadWarningInputs(rep, [rich.id, bare.id]);
    const separate = await loadBuyingCenterFactsForDeals(db, world.org.id, [rich.id, bare.id]);
    const byName = <T extends { name: string }>(list: readonly T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    const byContact = <T extends { contactId: string; userId: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => a.contactId.localeCompare(b.contactId) || a.userId.localeCompare(b.userId));
    const richInputs = inputs.get(rich.id)!;
    expect(byName(richInputs.buyingCenter.contacts)).toEqual(byName(separate.get(rich.id)!.contacts));
    expect(byContact(richInputs.buyingCenter.relationships)).toEqual(byContact(separate.get(rich.id)!.relationships));
    expect(byContact(richInputs.buyingCenter.relationships)).toEqual(byContact([
      { userId: world.rep.id, contactId: ceo.id, degree: 3 }, { userId: world.rep2.id, contactId: cfo.id, degree: 2 },
    ]));
    expect(richInputs.fishbone).toEqual((await loadFishbones(rep, [rich.id]))[0].fishbone);
    expect(Object.fromEntries(richInputs.states)).toEqual({
      STALLED: { acknowledgedAt: null, snoozedUntil }, NO_ACTIVITY: { acknowledgedAt, snoozedUntil: null },
    });
    expect(richInputs.facts).toMatchObject({
      pushes: 1, cutBefore: "1000.00", cutAfter: "800.00", lastActivityAt: new Date("2026-04-01T10:00:00Z"), exceptions: 0,
    });
    expect(inputs.get(bare.id)).toMatchObject({
      facts: { pushes: 0, cutBefore: null, lastActivityAt: null, exceptions: 0 }, states: new Map(), fishbone: null,
      buyingCenter: { contacts: [], relationships: [] },
    });
  });
});

describe("logging an activity in two statements", () => {
  it("answers what the timeline then reads, stores its contacts and writes the audit entry in the same transaction", async () => {
    const target = await deal();
    const [zhang, li] = await Promise.all([
      buildContact(db, world.org.id, world.account.id, { name: "Zhang Wei", title: "Chief Engineer" }),
      buildContact(db, world.org.id, world.account.id, { name: "Li Fang" }),
    ]);
    const logged = await logOpportunityActivity({ ...rep, ip: "203.0.113.7" }, target.id, {
      type: "TECH_EXCHANGE", occurredAt: "2027-03-31T09:30:00+08:00", subject: "Demo", notes: "Asked about SCADA", nextStep: "Send a quote",
      contactIds: [zhang.id, li.id, zhang.id],
    });
    const [read] = (await listOpportunityActivities(rep, target.id)).data;
    expect(logged).toEqual(read);
    expect(logged.contacts.map((contact) => contact.name)).toEqual(["Li Fang", "Zhang Wei"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: logged.id } });
    expect(audit).toMatchObject({
      orgId: world.org.id, actorId: world.rep.id, action: "activity.create", entityType: "Activity", ip: "203.0.113.7", before: null,
      after: { opportunityId: target.id, type: "TECH_EXCHANGE", occurredAt: "2027-03-31T01:30:00.000Z", subject: "Demo", contactIds: [zhang.id, li.id] },
    });
    expect(await db.opportunityHealth.findUnique({ where: { opportunityId: target.id } })).not.toBeNull();
  });

  it("leaves neither the activity, its contacts nor its audit entry when a later step of the transaction fails", async () => {
    const target = await deal();
    const contact = await buildContact(db, world.org.id, world.account.id);
    const before = await db.auditLog.count({ where: { orgId: world.org.id } });
    // The health refresh, after the combined insert, fails for this deal only (other test files share the database).
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION zz_refuse_health() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER zz_refuse_health BEFORE INSERT OR UPDATE ON "OpportunityHealth" FOR EACH ROW
      WHEN (NEW."opportunityId" = '${target.id}'::uuid) EXECUTE FUNCTION zz_refuse_health()`);
    try {
      await expect(logOpportunityActivity(rep, target.id, { type: "VISIT", occurredAt: new Date().toISOString(), subject: "x", contactIds: [contact.id] }))
        .rejects.toThrow(/refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER zz_refuse_health ON "OpportunityHealth"`);
    }
    expect(await db.activity.count({ where: { opportunityId: target.id } })).toBe(0);
    expect(await db.activityContact.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: world.org.id } })).toBe(before);
  });
});

describe("a rename in one statement (no transaction)", () => {
  it("answers and audits exactly as the general edit path does", async () => {
    const target = await deal();
    const viaRename = await updateOpportunity(rep, target.id, { name: "Substation retrofit", version: target.version });
    expect(viaRename).toEqual(await getOpportunity(rep, target.id));
    expect(viaRename).toMatchObject({ name: "Substation retrofit", version: target.version + 1 });
    // Naming the owner it already has takes the general path (a transaction), with the same kind of answer and entry.
    const viaGeneral = await updateOpportunity(rep, target.id, { name: "Substation retrofit II", ownerId: world.rep.id, version: viaRename.version });
    expect(viaGeneral).toEqual(await getOpportunity(rep, target.id));
    const entries = await db.auditLog.findMany({ where: { entityId: target.id, action: "opportunity.update" } });
    const [renameAudit, generalAudit] = entries.sort((a, b) => (a.after as { version: number }).version - (b.after as { version: number }).version);
    expect(renameAudit).toMatchObject({ actorId: world.rep.id, orgId: world.org.id, entityType: "Opportunity" });
    // What the rename recorded as "after" is what the general path then read as "before".
    expect(renameAudit.after).toEqual(generalAudit.before);
    expect(generalAudit.after).toEqual({ ...(renameAudit.after as object), name: "Substation retrofit II", version: target.version + 2 });
    expect(renameAudit.before).toEqual({ ...(renameAudit.after as object), name: (renameAudit.before as { name: string }).name, version: target.version });
  });

  it("refuses a stale version with 409 and an invisible deal with 404, writing nothing", async () => {
    const target = await deal();
    await updateOpportunity(rep, target.id, { name: "First", version: target.version });
    await expect(updateOpportunity(rep, target.id, { name: "Second", version: target.version }))
      .rejects.toMatchObject({ code: "CONFLICT", extensions: { currentVersion: target.version + 1 } });
    const other = await deal(world.rep3.id);
    await expect(updateOpportunity(rep, other.id, { name: "Hijack", version: other.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("First");
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: other.id } })).name).not.toBe("Hijack");
    expect(await db.auditLog.count({ where: { entityId: { in: [target.id, other.id] }, action: "opportunity.update" } })).toBe(1);
  });

  it("lets exactly one of concurrent renames at one version through", async () => {
    const target = await deal();
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, index) =>
      updateOpportunity(rep, target.id, { name: `Racer ${index}`, version: target.version })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.code))
      .toEqual(Array(7).fill("CONFLICT"));
    expect(await db.auditLog.count({ where: { entityId: target.id, action: "opportunity.update" } })).toBe(1);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(target.version + 1);
  });
});

describe("auditInsertSql", () => {
  it("stores the same entry as recordAudit", async () => {
    const entry = { action: "probe.update", entityType: "Probe", entityId: "p-1", before: { amount: "1.50", at: new Date("2026-01-01T00:00:00Z") }, after: { amount: "2.00", list: [1, null] } };
    const at = new Date("2026-02-03T04:05:06.789Z");
    await db.$transaction(async (tx) => {
      await recordAudit(tx, { ...rep, ip: "198.51.100.1" }, { ...entry, entityId: "orm" });
      await tx.$executeRaw`${auditInsertSql({ ...rep, ip: "198.51.100.1" }, { ...entry, entityId: "sql" }, at)}`;
    });
    const [orm, sql] = await Promise.all(["orm", "sql"].map((entityId) => db.auditLog.findFirstOrThrow({ where: { orgId: world.org.id, entityId } })));
    const comparable = ({ id: _id, at: _at, entityId: _entityId, ...rest }: typeof orm) => rest;
    expect(comparable(sql)).toEqual(comparable(orm));
    expect(sql.at).toEqual(at);
  });
});

describe("the base currency carried by a token's context", () => {
  it("is the org's, and the forecast answers in it as when it reads the org itself", async () => {
    const org = await buildOrg(db, { baseCurrency: "USD" });
    const admin = await buildUser(db, org.id, { role: "ADMIN" });
    const ctx = await contextFromApiToken(await tokenFor(admin.id));
    expect(ctx?.baseCurrency).toBe("USD");
    const query = { from: "2027-01-01", to: "2027-12-31" };
    const viaToken = await getForecast(ctx!, query);
    const { baseCurrency: _carried, ...withoutCurrency } = ctx!;
    expect(viaToken).toEqual(await getForecast(withoutCurrency, query));
    expect(viaToken.currency).toBe("USD");
  });
});
