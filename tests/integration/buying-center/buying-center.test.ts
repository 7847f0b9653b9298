// The buying center through REST API v1 and the data layer: reports-to cycles refused (also under
// concurrency), append-only degree history, validation and visibility, the deal's red flags and gate kinds,
// the fishing-net gaps and the versioned key-account profile.
import { beforeAll, describe, expect, it } from "vitest";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import * as relationshipsRoute from "@/app/api/v1/contacts/[id]/relationships/route";
import * as orgChartRoute from "@/app/api/v1/accounts/[id]/org-chart/route";
import * as fishingNetRoute from "@/app/api/v1/accounts/[id]/fishing-net/route";
import * as profileRoute from "@/app/api/v1/accounts/[id]/profile/route";
import * as buyingCenterRoute from "@/app/api/v1/opportunities/[id]/buying-center/route";
import * as contactsRoute from "@/app/api/v1/accounts/[id]/contacts/route";
import { db } from "@/lib/db";
import { loadBuyingCenterFacts, loadBuyingCenterFactsForDeals } from "@/lib/data/buying-center-facts";
import { updateContact } from "@/lib/data/contacts";
import { buildAccount, buildContact } from "../../factories";
import { call, expectProblem } from "../api/helpers";
import { buildGateWorld, type GateWorld } from "../gates/world";

let world: GateWorld;
beforeAll(async () => {
  world = await buildGateWorld();
});

const patch = (token: string, id: string, body: unknown) => call(contactRoute.PATCH, { method: "PATCH", token, params: { id }, body, url: `/api/v1/contacts/${id}` });
const setDegree = (token: string, id: string, body: unknown) =>
  call(relationshipsRoute.PUT, { method: "PUT", token, params: { id }, body, url: `/api/v1/contacts/${id}/relationships` });

async function chart() {
  const ceo = await buildContact(db, world.org.id, world.account.id, { name: "CEO" });
  const cto = await buildContact(db, world.org.id, world.account.id, { name: "CTO" });
  const dev = await buildContact(db, world.org.id, world.account.id, { name: "Dev" });
  expect((await patch(world.rep.token, cto.id, { reportsToId: ceo.id })).status).toBe(200);
  expect((await patch(world.rep.token, dev.id, { reportsToId: cto.id })).status).toBe(200);
  return { ceo, cto, dev };
}

describe("reports-to lines", () => {
  it("refuses a cycle with 422 and leaves the chart unchanged", async () => {
    const { ceo, dev } = await chart();
    const problem = expectProblem(await patch(world.rep.token, ceo.id, { reportsToId: dev.id }), 422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "reportsToId" })]);
    expectProblem(await patch(world.rep.token, ceo.id, { reportsToId: ceo.id }), 422);
    expect((await db.contact.findUniqueOrThrow({ where: { id: ceo.id } })).reportsToId).toBeNull();
  });

  it("refuses a manager from another account", async () => {
    const other = await buildAccount(db, world.org.id);
    const stranger = await buildContact(db, world.org.id, other.id);
    const { dev } = await chart();
    expectProblem(await patch(world.rep.token, dev.id, { reportsToId: stranger.id }), 422);
  });

  it("lets only one of two simultaneous crossing moves through", async () => {
    const a = await buildContact(db, world.org.id, world.account.id, { name: "A" });
    const b = await buildContact(db, world.org.id, world.account.id, { name: "B" });
    const results = await Promise.allSettled([
      updateContact(world.ctx.rep, a.id, { reportsToId: b.id }),
      updateContact(world.ctx.manager, b.id, { reportsToId: a.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rows = await db.contact.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.filter((row) => row.reportsToId !== null)).toHaveLength(1);
  });

  it("returns the org chart as a nested tree and the new fields on contacts", async () => {
    const { ceo, cto, dev } = await chart();
    await patch(world.rep.token, ceo.id, { level: "SENIOR", roles: ["DECISION_MAKER", "INFLUENCER"], stance: "SUPPORTER", department: "Board" });
    const result = await call<{ roots: { id: string; reports: { id: string; reports: { id: string }[] }[] }[] }>(orgChartRoute.GET, {
      token: world.rep2.token, params: { id: world.account.id },
    });
    expect(result.status).toBe(200);
    const root = result.body.roots.find((node) => node.id === ceo.id)!;
    expect(root.reports[0].id).toBe(cto.id);
    expect(root.reports[0].reports[0].id).toBe(dev.id);
    const listed = await call<Record<string, unknown>[]>(contactsRoute.GET, { token: world.rep.token, params: { id: world.account.id } });
    expect(listed.body.find((row) => row.id === ceo.id)).toMatchObject({
      level: "SENIOR", roles: ["DECISION_MAKER", "INFLUENCER"], stance: "SUPPORTER", department: "Board", relationship: 0, reportsToId: null,
    });
  });

  it("validates the fields and hides other orgs' contacts", async () => {
    const { dev } = await chart();
    const problem = expectProblem(await patch(world.rep.token, dev.id, { level: "CEO", roles: ["BOSS"], colour: "red" }), 422);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(["colour", "level", "roles.0"]);
    expectProblem(await patch(world.otherAdmin.token, dev.id, { stance: "OPPONENT" }), 404);
    expectProblem(await call(contactRoute.GET, { token: world.otherRep.token, params: { id: dev.id } }), 404);
  });
});

describe("a 300-person org chart", () => {
  it("is returned as one intact tree", async () => {
    const account = await buildAccount(db, world.org.id);
    const ids = Array.from({ length: 300 }, () => crypto.randomUUID());
    // A wide, deep chart: each person reports to someone created before them.
    await db.contact.createMany({
      data: ids.map((id, index) => ({ id, orgId: world.org.id, accountId: account.id, name: `Person ${String(index).padStart(3, "0")}` })),
    });
    for (let index = 1; index < ids.length; index += 1) {
      await db.contact.update({ where: { id: ids[index] }, data: { reportsToId: ids[Math.floor((index - 1) / 3)] } });
    }
    // Speed is measured outside the suite (this machine is noisy); here: the whole tree comes back intact.
    const result = await call<{ count: number; roots: { reports: unknown[] }[] }>(orgChartRoute.GET, { token: world.rep.token, params: { id: account.id } });
    expect(result.body.count).toBe(300);
    expect(result.body.roots).toHaveLength(1);
  });
});

describe("relationship degrees", () => {
  it("keeps every change in an append-only history and reports the strongest degree held", async () => {
    const { cto } = await chart();
    expect((await setDegree(world.rep.token, cto.id, { userId: world.rep.id, degree: 2, note: "Met at the trade show" })).status).toBe(200);
    const first = await db.relationshipChange.findFirstOrThrow({ where: { contactId: cto.id } });
    await setDegree(world.rep.token, cto.id, { userId: world.rep.id, degree: 4, note: "Workshop went well" });
    const result = await setDegree(world.manager.token, cto.id, { userId: world.rep2.id, degree: 3 });
    expect(result.status).toBe(200);
    const body = result.body as { relationship: number; holders: unknown[]; history: { degree: number; previousDegree: number | null; by: { id: string } }[] };
    expect(body.relationship).toBe(4);
    expect(body.holders).toHaveLength(2);
    expect(body.history.map((entry) => [entry.degree, entry.previousDegree])).toEqual([[3, null], [4, 2], [2, null]]);
    expect(body.history[0].by.id).toBe(world.manager.id);
    expect(await db.relationshipChange.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
    expect((await call<{ relationship: number }>(contactRoute.GET, { token: world.rep3.token, params: { id: cto.id } })).body.relationship).toBe(4);
  });

  it("refuses a degree out of range and a holder from another org", async () => {
    const { dev } = await chart();
    expectProblem(await setDegree(world.rep.token, dev.id, { userId: world.rep.id, degree: 6 }), 422);
    expectProblem(await setDegree(world.rep.token, dev.id, { userId: world.otherRep.id, degree: 2 }), 422);
    await expect(db.contactRelationship.create({ data: { contactId: dev.id, userId: world.rep.id, orgId: world.org.id, degree: 9, updatedAt: new Date() } }))
      .rejects.toThrow();
    expect(await db.relationshipChange.count({ where: { contactId: dev.id } })).toBe(0);
  });
});

describe("a deal's buying center", () => {
  it("is as visible as the deal, takes only the account's contacts, and computes red flags", async () => {
    const deal = await world.deal("P2");
    const { ceo, cto } = await chart();
    const put = (token: string, body: unknown) =>
      call<{ contacts: { contactId: string; roles: string[] }[]; redFlags: { kind: string }[] }>(buyingCenterRoute.PUT, { method: "PUT", token, params: { id: deal.id }, body });
    const other = await buildContact(db, world.org.id, (await buildAccount(db, world.org.id)).id);
    expectProblem(await put(world.rep.token, { contacts: [{ contactId: other.id }] }), 422);
    expectProblem(await put(world.rep3.token, { contacts: [] }), 404);
    expectProblem(await call(buyingCenterRoute.GET, { token: world.rep3.token, params: { id: deal.id } }), 404);

    await patch(world.rep.token, ceo.id, { roles: ["DECISION_MAKER"], level: "SENIOR" });
    const saved = await put(world.rep.token, { contacts: [{ contactId: ceo.id }, { contactId: cto.id, roles: ["COACH"] }] });
    expect(saved.status).toBe(200);
    expect(saved.body.contacts.find((row) => row.contactId === ceo.id)?.roles).toEqual(["DECISION_MAKER"]);
    expect(saved.body.redFlags.map((flag) => flag.kind)).toEqual(["SINGLE_THREADED"]);
  });

  it("blocks a stage move on CONTACT_ROLE until the deal's people hold the degree", async () => {
    const deal = await world.deal("P3", { minutesAgo: 5 });
    const { ceo } = await chart();
    await patch(world.rep.token, ceo.id, { roles: ["DECISION_MAKER"], level: "SENIOR" });
    await call(buyingCenterRoute.PUT, { method: "PUT", token: world.rep.token, params: { id: deal.id }, body: { contacts: [{ contactId: ceo.id }] } });
    await db.gateCriterion.updateMany({ where: { orgId: world.org.id }, data: { active: false } });
    const gate = await world.criterion({ stage: "P4", kind: "CONTACT_ROLE", config: { role: "DECISION_MAKER", minDegree: 3 } });
    await expect(world.move(world.ctx.rep, deal.id, "P4")).rejects.toMatchObject({ code: "VALIDATION" });
    // Someone outside the deal holding the relationship does not count (team selling, METHOD.md).
    await setDegree(world.rep.token, ceo.id, { userId: world.rep3.id, degree: 5 });
    await expect(world.move(world.ctx.rep, deal.id, "P4")).rejects.toMatchObject({ code: "VALIDATION" });
    await setDegree(world.rep.token, ceo.id, { userId: world.rep.id, degree: 3 });
    await expect(world.move(world.ctx.rep, deal.id, "P4")).resolves.toMatchObject({ stage: "P4" });
    await db.gateCriterion.update({ where: { id: gate.id }, data: { active: false } });
    // The many-deals loader (warnings feed, board badges) reads the same facts as the gate's one-deal loader.
    const one = await loadBuyingCenterFacts(db, { id: deal.id, orgId: world.org.id });
    const many = (await loadBuyingCenterFactsForDeals(db, world.org.id, [deal.id])).get(deal.id);
    expect(many?.contacts).toEqual(one.contacts.map(({ title: _title, ...contact }) => contact));
    expect(many?.relationships).toEqual(one.relationships);
    expect(many?.relationships).toEqual([{ userId: world.rep.id, contactId: ceo.id, degree: 3 }]);
  });
});

describe("the fishing-net map", () => {
  it("shows an uncovered decision maker as a gap until one of the deal's people covers them", async () => {
    const deal = await world.deal("P2");
    const dm = await buildContact(db, world.org.id, world.account.id, { name: "Decider" });
    await patch(world.rep.token, dm.id, { roles: ["DECISION_MAKER"] });
    await call(buyingCenterRoute.PUT, { method: "PUT", token: world.rep.token, params: { id: deal.id }, body: { contacts: [{ contactId: dm.id }] } });
    const net = () => call<{ gaps: { kind: string; contactId?: string }[]; edges: unknown[]; nodes: { side: string; id: string }[] }>(fishingNetRoute.GET, {
      token: world.rep.token, params: { id: world.account.id }, url: `/api/v1/accounts/${world.account.id}/fishing-net?opportunityId=${deal.id}`,
    });
    expect((await net()).body.gaps).toContainEqual(expect.objectContaining({ kind: "UNCOVERED_DECISION_MAKER", contactId: dm.id }));
    await setDegree(world.rep.token, dm.id, { userId: world.rep.id, degree: 1 });
    expect((await net()).body.gaps.some((gap) => gap.contactId === dm.id)).toBe(true);
    await setDegree(world.rep.token, dm.id, { userId: world.rep.id, degree: 3 });
    const after = await net();
    expect(after.body.gaps.some((gap) => gap.contactId === dm.id)).toBe(false);
    expect(after.body.edges).toContainEqual({ userId: world.rep.id, contactId: dm.id, degree: 3 });
    expectProblem(await call(fishingNetRoute.GET, {
      token: world.rep3.token, params: { id: world.account.id }, url: `/api/v1/accounts/${world.account.id}/fishing-net?opportunityId=${deal.id}`,
    }), 404);
  });
});

describe("the key-account profile", () => {
  it("saves every edit as a new version and refuses a stale one", async () => {
    const put = (token: string, body: unknown) => call<{ version: number; content: Record<string, string>; versions: unknown[] }>(profileRoute.PUT, {
      method: "PUT", token, params: { id: world.account.id }, body,
    });
    const first = await put(world.rep.token, { content: { basics: "Steel maker, 5,000 staff" }, baseVersion: 0 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const second = await put(world.rep.token, { content: { plan: "Win the MES tender" }, baseVersion: 1 });
    expect(second.body).toMatchObject({ version: 2, content: { basics: "Steel maker, 5,000 staff", plan: "Win the MES tender" } });
    expect(second.body.versions).toHaveLength(2);
    expect(expectProblem(await put(world.rep.token, { content: { plan: "x" }, baseVersion: 1 }), 409).currentVersion).toBe(2);
    expectProblem(await put(world.rep.token, { content: { nonsense: "x" } }), 422);
    expectProblem(await put(world.rep2.token, { content: { plan: "not my account" } }), 403);
    const old = await call<{ version: number; content: Record<string, string> }>(profileRoute.GET, {
      token: world.rep3.token, params: { id: world.account.id }, url: `/api/v1/accounts/${world.account.id}/profile?version=1`,
    });
    expect(old.body).toMatchObject({ version: 1, content: { basics: "Steel maker, 5,000 staff", plan: "" } });
  });
});
