// Project analysis API (issue 7): each document round-trips through GET/PUT, bad input is refused with one
// error per offending path, stale saves conflict, and the deal's visibility rule covers its analysis.
import { beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/admin/analysis-settings/route";
import * as competitorsRoute from "@/app/api/v1/opportunities/[id]/competitors/route";
import * as fishboneRoute from "@/app/api/v1/opportunities/[id]/fishbone/route";
import * as positioningRoute from "@/app/api/v1/opportunities/[id]/positioning/route";
import * as reviewRoute from "@/app/api/v1/opportunities/[id]/review/route";
import * as scoreRoute from "@/app/api/v1/opportunities/[id]/score/route";
import * as swotRoute from "@/app/api/v1/opportunities/[id]/swot/route";
import { db } from "@/lib/db";
import { call, expectProblem } from "../api/helpers";
import { buildGateWorld, type GateWorld } from "../gates/world";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
  await db.orgListItem.createMany({
    data: [
      { orgId: world.org.id, list: "LOSS_REASON", key: "PRICE", labelEn: "Price", labelZh: "价格", order: 0 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "TECHNICAL_FIT", labelEn: "Technical fit", labelZh: "技术不符合", order: 1 },
      { orgId: world.org.id, list: "WIN_REASON", key: "SOLUTION_FIT", labelEn: "Solution fit", labelZh: "方案契合", order: 0 },
    ],
  });
});

type Route = { GET: typeof fishboneRoute.GET; PUT?: typeof fishboneRoute.PUT };
const get = (route: Route, segment: string, token: string, id: string) =>
  call<Record<string, unknown>>(route.GET, { url: `/api/v1/opportunities/${id}/${segment}`, token, params: { id } });
const put = (route: Route, segment: string, token: string, id: string, body: unknown) =>
  call<Record<string, unknown>>(route.PUT!, { method: "PUT", url: `/api/v1/opportunities/${id}/${segment}`, token, params: { id }, body });
const paths = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((error) => error.path).sort();

const fishbone = () => ({
  head: "Win the grid-dispatch deal",
  categories: [
    {
      id: "rel", name: "Relationship",
      causes: [
        { id: "c1", text: "No access to the CIO", status: "OPEN", ownerId: world.rep.id, action: "Ask the coach for an intro", dueDate: "2026-12-01" },
        { id: "c2", text: "Coach changed jobs", parentId: "c1", status: "IN_PROGRESS", action: null },
      ],
    },
    { id: "price", name: "Commercial / price", causes: [{ id: "c3", text: "Budget 20% below our quote", status: "DONE" }] },
  ],
});

describe("fishbone", () => {
  it("starts as the six default bones with version 0, then round-trips what was saved", async () => {
    const deal = await world.deal("P2");
    const empty = await get(fishboneRoute, "fishbone", world.rep.token, deal.id);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ head: "", version: 0 });
    expect((empty.body.categories as unknown[]).length).toBe(6);

    const saved = await put(fishboneRoute, "fishbone", world.rep.token, deal.id, { ...fishbone(), version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const again = await get(fishboneRoute, "fishbone", world.rep.token, deal.id);
    expect(again.body).toMatchObject({ ...fishbone(), version: 1 });
  });

  it("refuses a stale version with 409 and the current version, writing nothing", async () => {
    const deal = await world.deal("P2");
    await put(fishboneRoute, "fishbone", world.rep.token, deal.id, { ...fishbone(), version: 0 });
    const stale = await put(fishboneRoute, "fishbone", world.manager.token, deal.id, { ...fishbone(), head: "Other", version: 0 });
    expect(expectProblem(stale, 409)).toMatchObject({ currentVersion: 1 });
    expect((await get(fishboneRoute, "fishbone", world.rep.token, deal.id)).body.head).toBe("Win the grid-dispatch deal");
  });

  it("names each bad path: bad status, bad date; then unknown parent, duplicate id, loop, unknown owner", async () => {
    const deal = await world.deal("P2");
    const typed = fishbone();
    typed.categories[0].causes.push(
      { id: "c5", text: "Bad status", status: "MAYBE" } as never,
      { id: "c6", text: "Bad date", status: "OPEN", dueDate: "2026-02-30" } as never,
    );
    expect(paths(expectProblem(await put(fishboneRoute, "fishbone", world.rep.token, deal.id, typed), 422)))
      .toEqual(["categories.0.causes.2.status", "categories.0.causes.3.dueDate"]);

    const structural = fishbone();
    structural.categories[0].causes.push(
      { id: "c4", text: "Orphan", parentId: "nope", status: "OPEN" } as never,
      { id: "c3", text: "Same id as in price", status: "OPEN" } as never,
    );
    expect(paths(expectProblem(await put(fishboneRoute, "fishbone", world.rep.token, deal.id, structural), 422)))
      .toEqual(["categories.0.causes.2.parentId", "categories.1.causes.0.id"]);

    const looped = { head: "", categories: [{ id: "a", name: "A", causes: [
      { id: "x", text: "x", parentId: "y", status: "OPEN" }, { id: "y", text: "y", parentId: "x", status: "OPEN" },
    ] }] };
    expect(paths(expectProblem(await put(fishboneRoute, "fishbone", world.rep.token, deal.id, looped), 422)))
      .toEqual(["categories.0.causes.0.parentId", "categories.0.causes.1.parentId"]);

    const stranger = fishbone();
    (stranger.categories[0].causes[0] as { ownerId?: string }).ownerId = world.otherAdmin.id;
    expect(paths(expectProblem(await put(fishboneRoute, "fishbone", world.rep.token, deal.id, stranger), 422)))
      .toEqual(["categories.0.causes.0.ownerId"]);
  });

  it("follows the deal's visibility: another rep and another org get 404, the team's manager may edit", async () => {
    const deal = await world.deal("P2");
    for (const token of [world.rep2.token, world.otherAdmin.token, world.manager2.token]) {
      expectProblem(await get(fishboneRoute, "fishbone", token, deal.id), 404);
      expectProblem(await put(fishboneRoute, "fishbone", token, deal.id, fishbone()), 404);
    }
    expect((await put(fishboneRoute, "fishbone", world.manager.token, deal.id, fishbone())).status).toBe(200);
    expectProblem(await call(fishboneRoute.GET, { url: "/x", token: null, params: { id: deal.id } }), 401);
  });
});

describe("SWOT and TOWS", () => {
  const swot = () => ({
    strengths: [{ id: "s1", text: "Reference site in the same province" }],
    weaknesses: [{ id: "w1", text: "No local service team" }],
    opportunities: [{ id: "o1", text: "New dispatch regulation" }],
    threats: [{ id: "t1", text: "Incumbent has the CIO" }],
    strategies: [{ id: "st1", kind: "ST", internalId: "s1", externalId: "t1", text: "Site visit for the CIO", ownerId: world.rep.id, status: "PLANNED" }],
  });

  it("round-trips the quadrants and strategies", async () => {
    const deal = await world.deal("P3");
    expect((await put(swotRoute, "swot", world.rep.token, deal.id, swot())).status).toBe(200);
    expect((await get(swotRoute, "swot", world.rep.token, deal.id)).body).toMatchObject({ ...swot(), version: 1 });
  });

  it("refuses a strategy whose links are not of its kind's quadrants", async () => {
    const deal = await world.deal("P3");
    const body = swot();
    body.strategies.push({ id: "st2", kind: "WO", internalId: "s1", externalId: "t1", text: "Mislinked", ownerId: null, status: "PLANNED" } as never);
    expect(paths(expectProblem(await put(swotRoute, "swot", world.rep.token, deal.id, body), 422)))
      .toEqual(["strategies.1.externalId", "strategies.1.internalId"]);
  });
});

describe("competitors and the golden triangle", () => {
  const competitor = (id: string, name: string) => ({
    id, name, strengths: "Low price", position: "Favoured by procurement", response: "Total cost of ownership study",
    triangle: { customerNeeds: "Stable dispatch", ourOffer: "Proven platform", theirOffer: "Cheaper licences" },
  });

  it("round-trips competitors and refuses unknown fields and one listed twice, at their paths", async () => {
    const deal = await world.deal("P3");
    const body = { competitors: [competitor("k1", "Acme Grid")] };
    expect((await put(competitorsRoute, "competitors", world.rep.token, deal.id, body)).status).toBe(200);
    expect((await get(competitorsRoute, "competitors", world.rep.token, deal.id)).body).toMatchObject({ ...body, version: 1 });
    const twice = { competitors: [competitor("k1", "Acme Grid"), { ...competitor("k2", "acme grid"), colour: "red" }] };
    expect(paths(expectProblem(await put(competitorsRoute, "competitors", world.rep.token, deal.id, twice), 422)))
      .toEqual(["competitors.1.colour", "competitors.1.name"]);
    const duplicate = { competitors: [competitor("k1", "Acme Grid"), competitor("k2", "acme grid")] };
    expect(paths(expectProblem(await put(competitorsRoute, "competitors", world.rep.token, deal.id, duplicate), 422)))
      .toEqual(["competitors.1.name"]);
  });
});

describe("positioning and the score", () => {
  const element = (score: number) => ({ score, note: "Confirmed with the CIO", confirmedAt: "2026-11-20" });

  it("round-trips the four elements, refuses a score above 5 at its path, and raises the health score", async () => {
    const deal = await world.deal("P3", { amount: "2000000.00" });
    const before = await call<{ score: number; grade: string; contributions: { factor: string }[]; notCounted: string[] }>(
      scoreRoute.GET, { url: `/api/v1/opportunities/${deal.id}/score`, token: world.rep.token, params: { id: deal.id } },
    );
    expect(before.status).toBe(200);
    // No customer decision stage recorded yet: alignment is not counted; the empty buying center is (coverage 0, red flags).
    expect(before.body.notCounted).toContain("customerAlignment");
    expect(before.body.notCounted).not.toContain("relationshipCoverage");
    expect(before.body.contributions.map((item) => item.factor)).toEqual(expect.arrayContaining(["relationshipCoverage", "redFlags"]));
    expect(before.body.contributions.map((item) => item.factor)).toContain("positioning");

    const body = { need: element(5), budget: element(4), decisionChain: element(5), timeline: element(4) };
    expect(paths(expectProblem(await put(positioningRoute, "positioning", world.rep.token, deal.id, { ...body, need: element(6) }), 422)))
      .toEqual(["need.score"]);
    expect((await put(positioningRoute, "positioning", world.rep.token, deal.id, body)).status).toBe(200);
    expect((await get(positioningRoute, "positioning", world.rep.token, deal.id)).body).toMatchObject({ ...body, version: 1 });

    const after = await call<{ score: number; grade: string }>(scoreRoute.GET, {
      url: `/api/v1/opportunities/${deal.id}/score`, token: world.rep.token, params: { id: deal.id },
    });
    expect(after.body.score).toBeGreaterThan(before.body.score);
    const cached = await db.opportunityHealth.findUniqueOrThrow({ where: { opportunityId: deal.id } });
    expect({ score: cached.score, grade: cached.grade }).toEqual({ score: after.body.score, grade: after.body.grade });
  });
});

describe("close-out review and the LOST gate", () => {
  const review = (overrides: Record<string, unknown> = {}) => ({
    outcome: "LOST", primaryReason: "PRICE", secondaryReasons: ["TECHNICAL_FIT"], winnerCompetitor: "Acme Grid",
    lessons: "Engage procurement before the tender", toRepeat: "Early site visit", ...overrides,
  });
  const reviewCall = (token: string, id: string, body?: unknown) =>
    call<Record<string, unknown>>(body === undefined ? reviewRoute.GET : reviewRoute.PUT, {
      method: body === undefined ? "GET" : "PUT", url: `/api/v1/opportunities/${id}/review`, token, params: { id }, body,
    });

  it("round-trips a review and refuses reasons outside the outcome's list, at their paths", async () => {
    const deal = await world.deal("P4");
    expectProblem(await reviewCall(world.rep.token, deal.id), 404);
    const bad = review({ primaryReason: "SOLUTION_FIT", secondaryReasons: ["PRICE", "MADE_UP"] });
    expect(paths(expectProblem(await reviewCall(world.rep.token, deal.id, bad), 422))).toEqual(["primaryReason", "secondaryReasons.1"]);
    expect(paths(expectProblem(await reviewCall(world.rep.token, deal.id, review({ lessons: "" })), 422))).toEqual(["lessons"]);
    expect(paths(expectProblem(await reviewCall(world.rep.token, deal.id, review({ outcome: "WON", primaryReason: "SOLUTION_FIT", secondaryReasons: [] })), 422)))
      .toEqual(["outcome"]);
    expect((await reviewCall(world.rep.token, deal.id, review())).status).toBe(200);
    expect((await reviewCall(world.rep.token, deal.id)).body).toMatchObject({ ...review(), isComplete: true });
    expectProblem(await reviewCall(world.rep2.token, deal.id), 404);
  });
});

describe("analysis settings", () => {
  const settings = {
    weights: { gates: 30, positioning: 30, activityRecency: 20, closeDateSlips: 20, relationshipCoverage: 0, redFlags: 0, customerAlignment: 0 },
    grading: { aMinAmount: "500000", aMinScore: 70, bMinAmount: "100000", bMinScore: 50 },
  };
  const settingsCall = (token: string, body?: unknown) =>
    call<Record<string, unknown>>(body === undefined ? settingsRoute.GET : settingsRoute.PUT, {
      method: body === undefined ? "GET" : "PUT", url: "/api/v1/admin/analysis-settings", token, body,
    });

  it("lets only admins read and change them, checks each path, and audits the change", async () => {
    expectProblem(await settingsCall(world.rep.token), 403);
    expectProblem(await settingsCall(world.manager.token, settings), 403);
    const bad = { ...settings, grading: { ...settings.grading, bMinScore: 90 }, weights: { ...settings.weights, gates: 101 } };
    expect(paths(expectProblem(await settingsCall(world.admin.token, bad), 422))).toEqual(["grading.bMinScore", "weights.gates"]);
    expect((await settingsCall(world.admin.token, settings)).body).toEqual(settings);
    expect((await settingsCall(world.admin.token)).body).toEqual(settings);
    expect(await db.auditLog.count({ where: { orgId: world.org.id, action: "analysis.settings.update" } })).toBe(1);
  });
});
