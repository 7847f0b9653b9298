// Activities of a deal (issue 3, deal workspace): logged through POST /api/v1/opportunities/:id/activities
// and the data layer, exactly as visible as the deal, with contacts of the deal's account only and types
// from the activity-type registry.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as activitiesRoute from "@/app/api/v1/opportunities/[id]/activities/route";
import { listAccountActivities, listOpportunityActivities, logOpportunityActivity } from "@/lib/data/activities";
import { db } from "@/lib/db";
import { ACTIVITY_TYPE_KEYS } from "@/lib/domain/activities";
import type { ActivityOutput } from "@/lib/validations/activity";
import { buildAccount, buildContact, buildOpportunity } from "../../factories";
import { buildApiWorld, call, contextOf, expectProblem, type ApiWorld } from "../api/helpers";

type Page = { data: ActivityOutput[]; nextCursor: string | null };

let world: ApiWorld;
let deals: Record<"rep" | "rep2" | "other" | "deleted", { id: string }>;
let contacts: Record<"ownA" | "ownB" | "otherAccount" | "otherOrg" | "deleted", { id: string }>;

const url = (id: string, query = "") => `/api/v1/opportunities/${id}/activities${query}`;
const valid = (overrides: Record<string, unknown> = {}) => ({
  type: "TECH_EXCHANGE",
  occurredAt: "2027-03-31T09:30:00+08:00",
  subject: "Demo of the substation monitoring system",
  ...overrides,
});

function post(id: string, token: string, body: unknown) {
  return call<ActivityOutput>(activitiesRoute.POST, { method: "POST", url: url(id), token, body, params: { id } });
}
function get(id: string, token: string, query = "") {
  return call<Page>(activitiesRoute.GET, { url: url(id, query), token, params: { id } });
}

beforeAll(async () => {
  world = await buildApiWorld();
  const deal = (ownerId: string, teamId: string | null, orgId = world.org.id, accountId = world.account.id) =>
    buildOpportunity(db, { orgId, accountId, ownerId, teamId, stage: "P3" });
  deals = {
    rep: await deal(world.rep.id, world.north.id),
    rep2: await deal(world.rep2.id, world.north.id),
    other: await deal(world.otherRep.id, world.otherTeam.id, world.otherOrg.id, world.otherAccount.id),
    deleted: await deal(world.rep.id, world.north.id),
  };
  await db.opportunity.update({ where: { id: deals.deleted.id }, data: { deletedAt: new Date() } });
  const secondAccount = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
  contacts = {
    ownA: await buildContact(db, world.org.id, world.account.id, { name: "Zhang Wei", title: "Chief Engineer" }),
    ownB: await buildContact(db, world.org.id, world.account.id, { name: "Li Fang" }),
    otherAccount: await buildContact(db, world.org.id, secondAccount.id),
    otherOrg: await buildContact(db, world.otherOrg.id, world.otherAccount.id),
    deleted: await buildContact(db, world.org.id, world.account.id),
  };
  await db.contact.update({ where: { id: contacts.deleted.id }, data: { deletedAt: new Date() } });
});

describe("POST /api/v1/opportunities/:id/activities", () => {
  it("logs an activity with its contacts and next step and answers 201 with its id", async () => {
    const result = await post(deals.rep.id, world.rep.token, valid({
      notes: "Showed alarm handling; they asked about SCADA integration.",
      contactIds: [contacts.ownA.id, contacts.ownB.id, contacts.ownA.id],
      nextStep: "Send the integration spec by Friday",
    }));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      opportunityId: deals.rep.id,
      accountId: world.account.id,
      type: "TECH_EXCHANGE",
      occurredAt: "2027-03-31T01:30:00.000Z",
      subject: "Demo of the substation monitoring system",
      nextStep: "Send the integration spec by Friday",
      userId: world.rep.id,
    });
    expect(result.body.contacts.map((contact) => contact.name)).toEqual(["Li Fang", "Zhang Wei"]);
    const stored = await db.activity.findUniqueOrThrow({ where: { id: result.body.id }, include: { contacts: true } });
    expect(stored.contacts).toHaveLength(2);
  });

  it("accepts every registry type and nothing else", async () => {
    for (const type of ACTIVITY_TYPE_KEYS) {
      expect((await post(deals.rep.id, world.rep.token, valid({ type }))).status).toBe(201);
    }
    for (const type of ["NOTE", "ACCOUNT_PLANNING", "PHONE_INVITATION", "phone_call", ""]) {
      const problem = expectProblem(await post(deals.rep.id, world.rep.token, valid({ type })), 422);
      expect(problem.errors).toEqual([{ path: "type", message: "Unknown activity type." }]);
    }
  });

  it("refuses a contact of another account, of another org or deleted with 422, writing nothing", async () => {
    const before = await db.activity.count({ where: { opportunityId: deals.rep.id } });
    for (const contact of [contacts.otherAccount, contacts.otherOrg, contacts.deleted]) {
      const problem = expectProblem(await post(deals.rep.id, world.rep.token, valid({ contactIds: [contacts.ownA.id, contact.id] })), 422);
      expect(problem.errors).toEqual([{ path: "contactIds.1", message: "This contact does not belong to the deal's account." }]);
    }
    expect(await db.activity.count({ where: { opportunityId: deals.rep.id } })).toBe(before);
  });

  it("refuses a time without an offset, an empty subject and unknown fields", async () => {
    const problem = expectProblem(await post(deals.rep.id, world.rep.token, valid({ occurredAt: "2027-03-31T09:30", subject: " ", mood: "good" })), 422);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(["mood", "occurredAt", "subject"]);
  });

  it("answers 404 for a deal the caller cannot see, exactly as for a missing one", async () => {
    const cases: [string, string][] = [
      [world.rep2.token, deals.rep.id], // another rep's deal
      [world.manager2.token, deals.rep.id], // another team's manager
      [world.otherAdmin.token, deals.rep.id], // another org
      [world.rep.token, deals.deleted.id], // deleted
      [world.rep.token, randomUUID()],
      [world.rep.token, "not-a-uuid"],
    ];
    for (const [token, id] of cases) {
      expectProblem(await post(id, token, valid()), 404);
      expectProblem(await get(id, token), 404);
    }
  });

  it("lets the deal's manager and an admin log on it, as the deal's visibility allows", async () => {
    expect((await post(deals.rep.id, world.manager.token, valid({ type: "VISIT" }))).status).toBe(201);
    expect((await post(deals.rep.id, world.admin.token, valid({ type: "VISIT" }))).status).toBe(201);
  });
});

describe("GET /api/v1/opportunities/:id/activities", () => {
  it("lists newest first and pages through every activity exactly once", async () => {
    const deal = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id });
    const ctx = await contextOf(world.rep.id);
    const times = ["2027-01-05T10:00:00Z", "2027-01-03T10:00:00Z", "2027-01-04T10:00:00Z", "2027-01-04T10:00:00Z", "2027-01-01T10:00:00Z"];
    for (const occurredAt of times) await logOpportunityActivity(ctx, deal.id, { type: "VISIT", occurredAt, subject: `Visit ${occurredAt}` });

    const seen: ActivityOutput[] = [];
    let cursor = "";
    do {
      const result = await get(deal.id, world.rep.token, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(result.status).toBe(200);
      expect(result.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...result.body.data);
      cursor = result.body.nextCursor ?? "";
    } while (cursor);
    expect(new Set(seen.map((activity) => activity.id)).size).toBe(5);
    const occurred = seen.map((activity) => activity.occurredAt);
    expect(occurred).toEqual([...occurred].sort().reverse());

    expect((await get(deal.id, world.manager.token)).body.data).toHaveLength(5);
    expectProblem(await get(deal.id, world.rep.token, "?cursor=forged"), 422);
  });
});

describe("account timeline", () => {
  it("shows work on the account and on the deals the caller sees, and hides activities of deals they cannot see", async () => {
    const account = await buildAccount(db, world.org.id, { ownerId: world.rep.id });
    const own = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: world.rep.id, teamId: world.north.id });
    const colleague = await buildOpportunity(db, { orgId: world.org.id, accountId: account.id, ownerId: world.rep2.id, teamId: world.north.id });
    const [rep, rep2, manager] = await Promise.all([contextOf(world.rep.id), contextOf(world.rep2.id), contextOf(world.manager.id)]);
    await logOpportunityActivity(rep, own.id, { type: "VISIT", occurredAt: "2027-02-01T08:00:00Z", subject: "own deal" });
    await logOpportunityActivity(rep2, colleague.id, { type: "NEGOTIATION", occurredAt: "2027-02-03T08:00:00Z", subject: "colleague's deal" });
    await db.activity.create({
      data: { orgId: world.org.id, accountId: account.id, userId: world.rep.id, type: "TRADE_SHOW", subject: "account level", occurredAt: new Date("2027-02-02T08:00:00Z") },
    });

    const subjects = async (ctx: typeof rep) => (await listAccountActivities(ctx, account.id, { limit: 50 })).data.map((activity) => activity.subject);
    expect(await subjects(rep)).toEqual(["account level", "own deal"]);
    expect(await subjects(rep2)).toEqual(["colleague's deal", "account level"]);
    expect(await subjects(manager)).toEqual(["colleague's deal", "account level", "own deal"]);
    expect((await listOpportunityActivities(manager, own.id)).data.map((activity) => activity.subject)).toEqual(["own deal"]);
  });
});
