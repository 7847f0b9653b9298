// The LOST gate (issue 7): a move to LOST needs a complete close-out review — written before, or carried by
// the move and written in its transaction — through every entry to the one stage-move path; a refusal lists
// each missing part and writes nothing. Also the review form's options and the reasons report by period/team.
import { beforeAll, describe, expect, it } from "vitest";
import * as reasonsRoute from "@/app/api/v1/close-out-reasons/route";
import * as optionsRoute from "@/app/api/v1/opportunities/[id]/review/options/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import { reportCloseOutReasons } from "@/lib/data/close-out";
import { db } from "@/lib/db";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import { call, expectProblem } from "../api/helpers";
import { buildGateWorld, type GateWorld } from "../gates/world";
import { writeLostReview } from "./lost-review";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
  await db.orgListItem.createMany({
    data: [
      { orgId: world.org.id, list: "LOSS_REASON", key: "PRICE", labelEn: "Price", labelZh: "价格", order: 0 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "COMPETITOR_RELATIONSHIP", labelEn: "Competitor relationship", labelZh: "竞争对手关系", order: 1 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "BUDGET_CUT", labelEn: "Budget cut", labelZh: "预算削减", order: 2 },
      { orgId: world.org.id, list: "WIN_REASON", key: "SOLUTION_FIT", labelEn: "Solution fit", labelZh: "方案契合", order: 0 },
    ],
  });
});

const review = (overrides: Record<string, unknown> = {}) => ({
  primaryReason: "PRICE", secondaryReasons: ["BUDGET_CUT"], winnerCompetitor: null, lessons: "Qualify the budget before the demo", toRepeat: "Early site visit", ...overrides,
});

async function moveByApi(token: string, id: string, body: Record<string, unknown>) {
  const { version } = await db.opportunity.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return call<OpportunityOutput>(stageRoute.POST, { method: "POST", token, params: { id }, body: { version, ...body } });
}

const snapshot = async (id: string) => ({
  deal: await db.opportunity.findUniqueOrThrow({ where: { id }, select: { stage: true, version: true, lossReason: true } }),
  review: await db.closeOutReview.findUnique({ where: { opportunityId: id } }),
  changes: await db.stageChange.count({ where: { opportunityId: id } }),
});

describe("the LOST gate", () => {
  it("refuses a move to LOST without a review, even with a loss reason, listing what is missing and writing nothing", async () => {
    const deal = await world.deal("P3");
    const before = await snapshot(deal.id);
    const problem = expectProblem(await moveByApi(world.rep.token, deal.id, { to: "LOST", lossReason: "Price" }), 422);
    expect(problem.errors).toEqual([
      { path: "closeOut.primaryReason", message: "Pick the primary loss reason.", kind: "CLOSE_OUT" },
      { path: "closeOut.lessons", message: "Write the lessons learned.", kind: "CLOSE_OUT" },
    ]);
    expect(await snapshot(deal.id)).toEqual(before);
  });

  it("words the refusal in the caller's language", async () => {
    const deal = await world.deal("P3");
    await expect(world.move({ ...world.ctx.rep, locale: "zh-CN" }, deal.id, "LOST")).rejects.toMatchObject({
      errors: [{ path: "closeOut.primaryReason", message: "请选择主要原因。" }, { path: "closeOut.lessons", message: "请填写经验教训。" }],
    });
  });

  it("moves with the review in the same request: the review is stored and names the loss reason", async () => {
    const deal = await world.deal("P4");
    const moved = await moveByApi(world.rep.token, deal.id, { to: "LOST", closeOut: review() });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: "LOST", lossReason: "Price" });
    expect(await db.closeOutReview.findUniqueOrThrow({ where: { opportunityId: deal.id } })).toMatchObject({
      outcome: "LOST", primaryReason: "PRICE", secondaryReasons: ["BUDGET_CUT"], lessons: "Qualify the budget before the demo", authorId: world.rep.id,
    });
    const change = await db.stageChange.findFirstOrThrow({ where: { opportunityId: deal.id, toStage: "LOST" } });
    expect(change.lossReason).toBe("Price");
  });

  it("needs the competitor who won when the primary reason is the competition; the refused review is not kept", async () => {
    const deal = await world.deal("P4");
    const before = await snapshot(deal.id);
    const problem = expectProblem(await moveByApi(world.rep.token, deal.id, { to: "LOST", closeOut: review({ primaryReason: "COMPETITOR_RELATIONSHIP" }) }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(["closeOut.winnerCompetitor"]);
    expect(await snapshot(deal.id)).toEqual(before);
    const moved = await moveByApi(world.rep.token, deal.id, { to: "LOST", closeOut: review({ primaryReason: "COMPETITOR_RELATIONSHIP", winnerCompetitor: "Acme Grid" }) });
    expect(moved.body).toMatchObject({ stage: "LOST", lossReason: "Competitor relationship" });
  });

  it("refuses reasons outside the loss list at their closeOut paths", async () => {
    const deal = await world.deal("P4");
    const problem = expectProblem(await moveByApi(world.rep.token, deal.id, { to: "LOST", closeOut: review({ primaryReason: "SOLUTION_FIT", secondaryReasons: ["MADE_UP"] }) }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(["closeOut.primaryReason", "closeOut.secondaryReasons.0"]);
    expectProblem(await moveByApi(world.rep.token, deal.id, { to: "LOST", closeOut: review({ lessons: "" }) }), 422);
    expect((await snapshot(deal.id)).review).toBeNull();
  });

  it("accepts a complete review written before the move, and refuses an incomplete stored one", async () => {
    const prepared = await world.deal("P4");
    await writeLostReview(prepared.id, world.rep.id);
    expect((await world.move(world.ctx.rep, prepared.id, "LOST")).stage).toBe("LOST");

    const started = await world.deal("P4");
    await writeLostReview(started.id, world.rep.id, { lessons: "" });
    await expect(world.move(world.ctx.rep, started.id, "LOST")).rejects.toMatchObject({ code: "VALIDATION", errors: [{ path: "closeOut.lessons" }] });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: started.id } })).stage).toBe("P4");
  });

  it("rolls the carried review back when the deal's gates refuse the move", async () => {
    await world.criterion({ stage: "LOST", kind: "REQUIRED_FIELDS", config: { fields: ["productLine"] } });
    const deal = await world.deal("P3", { productLine: null });
    const problem = expectProblem(await moveByApi(world.rep.token, deal.id, { to: "LOST", closeOut: review() }), 422);
    expect(problem.errors?.some((error) => error.path === "gates")).toBe(true);
    expect((await snapshot(deal.id)).review).toBeNull();
    await db.gateCriterion.updateMany({ where: { orgId: world.org.id, stage: "LOST" }, data: { active: false } });
  });
});

describe("review form options and the reasons report", () => {
  it("offers the loss and win reasons in the reader's language and the deal's review; 404 for an invisible deal", async () => {
    const deal = await world.deal("P3");
    const options = await call<{ reasons: { LOST: { value: string; label: string }[] }; review: unknown }>(optionsRoute.GET, { token: world.rep.token, params: { id: deal.id } });
    expect(options.body.reasons.LOST.map((option) => option.value)).toEqual(["PRICE", "COMPETITOR_RELATIONSHIP", "BUDGET_CUT"]);
    expect(options.body.review).toBeNull();
    expectProblem(await call(optionsRoute.GET, { token: world.rep2.token, params: { id: deal.id } }), 404);
  });

  it("counts the reasons of closed deals by period and team; open deals' prepared reviews do not count", async () => {
    const lostNow = await world.deal("P4");
    await world.move(world.ctx.rep, lostNow.id, "LOST", { closeOut: review({ primaryReason: "BUDGET_CUT", secondaryReasons: [] }) });
    const prepared = await world.deal("P4");
    await writeLostReview(prepared.id, world.rep.id, { primaryReason: "BUDGET_CUT" });
    const today = new Date().toISOString().slice(0, 10);
    const count = (report: Awaited<ReturnType<typeof reportCloseOutReasons>>) => report.rows.find((row) => row.reason === "BUDGET_CUT")?.primary ?? 0;

    expect(count(await reportCloseOutReasons(world.ctx.rep, { from: today, to: today }))).toBe(1);
    expect(count(await reportCloseOutReasons(world.ctx.rep, { from: "2020-01-01", to: "2020-12-31" }))).toBe(0);
    expect(count(await reportCloseOutReasons(world.ctx.admin, { teamId: world.north.id }))).toBe(1);
    expect(count(await reportCloseOutReasons(world.ctx.admin, { teamId: world.south.id }))).toBe(0);

    const api = await call<{ rows: { reason: string; primary: number }[] }>(reasonsRoute.GET, { url: `/api/v1/close-out-reasons?from=${today}`, token: world.rep.token });
    expect(api.body.rows.find((row) => row.reason === "BUDGET_CUT")?.primary).toBe(1);
    expectProblem(await call(reasonsRoute.GET, { url: "/api/v1/close-out-reasons?from=2026-05-01&to=2026-04-01", token: world.rep.token }), 422);
  });
});
