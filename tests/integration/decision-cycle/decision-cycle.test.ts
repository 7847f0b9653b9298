// The customer decision cycle of a deal: history is append-only (every change a new row with who, when and the
// evidence; earlier rows never change), the board and the API flag a deal ahead of its customer, the
// DECISION_STAGE gate refuses and then admits a move, the API validates its input, and visibility is the deal's.
import { beforeAll, describe, expect, it } from "vitest";
import * as cycleRoute from "@/app/api/v1/opportunities/[id]/decision-cycle/route";
import * as stepRoute from "@/app/api/v1/opportunities/[id]/purchase-steps/[step]/route";
import * as summaryRoute from "@/app/api/v1/decision-cycle/summary/route";
import { changeAccountDecisionStage, getAccountDecision } from "@/lib/data/account-decision";
import { changeDecisionStage, getDecisionCycle } from "@/lib/data/decision-cycle";
import { getDecisionSummary, listDecisionStageMembers } from "@/lib/data/decision-portfolio";
import { getPipelineBoard } from "@/lib/data/pipeline";
import { db } from "@/lib/db";
import type { FieldError } from "@/lib/errors";
import type { DecisionCycleOutput, DecisionSummary } from "@/lib/validations/decision-cycle";
import { buildAccount } from "../../factories";
import { call, expectProblem } from "../api/helpers";
import { expectAppError } from "../data/world";
import { buildGateWorld, type GateWorld, logActivity } from "../gates/world";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
});

const url = (id: string) => `/api/v1/opportunities/${id}/decision-cycle`;

describe("decision-stage history", () => {
  it("appends one row per change with who, when and the evidence, and never rewrites earlier rows", async () => {
    const deal = await world.deal("P2");
    const activity = await logActivity(world, deal.id, "VISIT");
    await changeDecisionStage(world.ctx.rep, deal.id, { stage: "RECOGNITION", note: "CFO admits the outages cost money" });
    const first = await db.decisionStageChange.findFirstOrThrow({ where: { opportunityId: deal.id } });
    await changeDecisionStage(world.ctx.manager, deal.id, { stage: "DECISION", activityId: activity.id });
    const cycle = await changeDecisionStage(world.ctx.rep, deal.id, { stage: "CRITERIA", note: "RFI received" });

    expect(cycle.stage).toBe("CRITERIA");
    expect(cycle.history.map((entry) => [entry.fromStage, entry.toStage, entry.byUserId])).toEqual([
      [null, "RECOGNITION", world.rep.id],
      ["RECOGNITION", "DECISION", world.manager.id],
      ["DECISION", "CRITERIA", world.rep.id],
    ]);
    expect(cycle.history[0].note).toBe("CFO admits the outages cost money");
    expect(cycle.history[1]).toMatchObject({ note: null, activity: { id: activity.id, type: "VISIT" } });
    expect(await db.decisionStageChange.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
    // Going back is recorded too, as a new row.
    const back = await changeDecisionStage(world.ctx.rep, deal.id, { stage: "RECOGNITION", note: "Budget frozen, problem parked" });
    expect(back.history).toHaveLength(4);
    expect(back.history.slice(0, 3)).toEqual(cycle.history);
    // The account carries the latest observation of its customer.
    expect((await db.account.findUniqueOrThrow({ where: { id: world.account.id } })).decisionStage).toBe("RECOGNITION");
  });

  it("refuses a change without evidence, to the same stage, or with another deal's activity — writing nothing", async () => {
    const deal = await world.deal("P1");
    const other = await world.deal("P1");
    const foreign = await logActivity(world, other.id, "VISIT");
    await changeDecisionStage(world.ctx.rep, deal.id, { stage: "RECOGNITION", note: "seen" });
    const same = await expectAppError(changeDecisionStage(world.ctx.rep, deal.id, { stage: "RECOGNITION", note: "again" }), "VALIDATION");
    expect((same.errors as FieldError[])[0].path).toBe("stage");
    const wrong = await expectAppError(changeDecisionStage(world.ctx.rep, deal.id, { stage: "DECISION", activityId: foreign.id }), "VALIDATION");
    expect((wrong.errors as FieldError[])[0].path).toBe("activityId");
    const api = await call(cycleRoute.PUT, { method: "PUT", url: url(deal.id), token: world.rep.token, params: { id: deal.id }, body: { stage: "DECISION" } });
    expect(expectProblem(api, 422).errors?.[0]).toMatchObject({ path: "note" });
    const unknown = await call(cycleRoute.PUT, {
      method: "PUT", url: url(deal.id), token: world.rep.token, params: { id: deal.id }, body: { stage: "BUYING", note: "x" },
    });
    expect(expectProblem(unknown, 422).errors?.[0]).toMatchObject({ path: "stage" });
    const extra = await call(cycleRoute.PUT, {
      method: "PUT", url: url(deal.id), token: world.rep.token, params: { id: deal.id }, body: { stage: "DECISION", note: "x", by: "me" },
    });
    expectProblem(extra, 422);
    expect(await db.decisionStageChange.count({ where: { opportunityId: deal.id } })).toBe(1);
  });
});

describe("alignment on the API and the board", () => {
  it("flags a P5 deal whose customer is in Recognition and clears the flag at Evaluation", async () => {
    const deal = await world.deal("P5", { minutesAgo: 1 });
    const put = await call<DecisionCycleOutput>(cycleRoute.PUT, {
      method: "PUT", url: url(deal.id), token: world.rep.token, params: { id: deal.id }, body: { stage: "RECOGNITION", note: "Still asks how serious it is" },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ stage: "RECOGNITION", expectedStage: "EVALUATION", aligned: false, gap: 3, status: "AHEAD" });
    const board = await getPipelineBoard(world.ctx.rep, { limit: 50 });
    const card = board.columns.find((column) => column.stage === "P5")?.items.find((item) => item.id === deal.id);
    expect(card).toMatchObject({ decisionStage: "RECOGNITION", decisionAlignment: { status: "AHEAD", gap: 3 } });

    await changeDecisionStage(world.ctx.rep, deal.id, { stage: "EVALUATION", note: "Shortlist published" });
    const get = await call<DecisionCycleOutput>(cycleRoute.GET, { url: url(deal.id), token: world.rep.token, params: { id: deal.id } });
    expect(get.body).toMatchObject({ stage: "EVALUATION", aligned: true, gap: 0, status: "ALIGNED" });
    expect(get.body.purchaseSteps).toHaveLength(9);
  });
});

describe("the DECISION_STAGE gate criterion", () => {
  it("refuses a move into P5 before the customer is in Evaluation, then admits it", async () => {
    const created = await world.criterion({ stage: "P5", kind: "DECISION_STAGE", config: { atLeast: "EVALUATION" } });
    try {
      const deal = await world.deal("P4");
      await changeDecisionStage(world.ctx.rep, deal.id, { stage: "CRITERIA", note: "criteria being written" });
      const refused = await expectAppError(world.move(world.ctx.rep, deal.id, "P5"), "VALIDATION");
      expect((refused.errors as FieldError[]).map((error) => (error as FieldError & { kind?: string }).kind)).toContain("DECISION_STAGE");
      expect((await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe("P4");
      await changeDecisionStage(world.ctx.rep, deal.id, { stage: "EVALUATION", note: "tender issued" });
      expect((await world.move(world.ctx.rep, deal.id, "P5")).stage).toBe("P5");
    } finally {
      await db.gateCriterion.delete({ where: { id: created.id } });
    }
  });
});

describe("purchase steps", () => {
  it("ticks with a date (today by default), unticks, and validates the step and body", async () => {
    const deal = await world.deal("P3");
    const put = (step: string, body: unknown, token = world.rep.token) =>
      call(stepRoute.PUT, { method: "PUT", url: `/api/v1/opportunities/${deal.id}/purchase-steps/${step}`, token, params: { id: deal.id, step }, body });
    expect((await put("BUDGET_SET", { done: true, date: "2026-10-01" })).body).toMatchObject({ step: "BUDGET_SET", done: true, date: "2026-10-01" });
    expect((await put("PROBLEM_FOUND", { done: true })).body).toMatchObject({ done: true, date: new Date().toISOString().slice(0, 10) });
    expect((await put("BUDGET_SET", { done: false, date: "2026-10-01" })).body).toMatchObject({ done: false, date: null });
    expectProblem(await put("LUNCH", { done: true }), 404);
    expectProblem(await put("SIGNED", { done: "yes" }), 422);
    expectProblem(await put("SIGNED", { done: true, date: "2026-02-30" }), 422);
    expectProblem(await put("SIGNED", { done: true }, world.rep3.token), 404);
    const cycle = await getDecisionCycle(world.ctx.rep, deal.id);
    expect(cycle.purchaseSteps.filter((step) => step.done).map((step) => step.step)).toEqual(["PROBLEM_FOUND"]);
  });
});

describe("visibility", () => {
  it("answers 404 to who may not see the deal, for reading and writing, and across orgs", async () => {
    const deal = await world.deal("P2");
    for (const person of [world.rep3, world.manager2, world.otherAdmin]) {
      expectProblem(await call(cycleRoute.GET, { url: url(deal.id), token: person.token, params: { id: deal.id } }), 404);
      expectProblem(await call(cycleRoute.PUT, {
        method: "PUT", url: url(deal.id), token: person.token, params: { id: deal.id }, body: { stage: "DECISION", note: "x" },
      }), 404);
    }
    expect((await call(cycleRoute.GET, { url: url(deal.id), token: world.manager.token, params: { id: deal.id } })).status).toBe(200);
    expect((await call(cycleRoute.GET, { url: url(deal.id), token: world.admin.token, params: { id: deal.id } })).status).toBe(200);
    expect(await db.decisionStageChange.count({ where: { opportunityId: deal.id } })).toBe(0);
  });
});

describe("portfolio summary and key accounts", () => {
  it("counts the scope's open deals and accounts per decision stage, with the Satisfaction share", async () => {
    const key = await buildAccount(db, world.org.id, { ownerId: world.rep2.id, isKeyAccount: true });
    const plain = await buildAccount(db, world.org.id, { ownerId: world.rep2.id });
    await changeAccountDecisionStage(world.ctx.rep2, key.id, { stage: "SATISFACTION", note: "no pain yet" });
    await expectAppError(changeAccountDecisionStage(world.ctx.rep2, plain.id, { stage: "SATISFACTION", note: "x" }), "VALIDATION");
    await expectAppError(changeAccountDecisionStage(world.ctx.rep3, key.id, { stage: "RECOGNITION", note: "x" }), "FORBIDDEN");
    expect((await getAccountDecision(world.ctx.rep3, key.id)).history).toHaveLength(1);

    const deal = await world.deal("P6", { ownerId: world.rep2.id });
    await changeDecisionStage(world.ctx.rep2, deal.id, { stage: "CRITERIA", note: "still comparing" });
    const summary = await getDecisionSummary(world.ctx.rep2, "mine");
    expect(summary.deals).toMatchObject({ total: 1, unknown: 0, ahead: 1 });
    expect(summary.deals.byStage.CRITERIA).toBe(1);
    expect(summary.accounts).toMatchObject({ total: 2, unknown: 1 });
    expect(summary.accounts.byStage.SATISFACTION).toBe(1);
    expect(summary.satisfactionShare).toBe(1);

    const members = await listDecisionStageMembers(world.ctx.rep2, "mine", "CRITERIA");
    expect(members.deals.map((item) => [item.id, item.alignment.status])).toEqual([[deal.id, "AHEAD"]]);

    const api = await call<DecisionSummary>(summaryRoute.GET, { url: "/api/v1/decision-cycle/summary?scope=mine", token: world.rep2.token });
    expect(api.body).toEqual(summary);
    expectProblem(await call(summaryRoute.GET, { url: "/api/v1/decision-cycle/summary?scope=org", token: world.rep2.token }), 403);
    expectProblem(await call(summaryRoute.GET, { url: "/api/v1/decision-cycle/summary?scope=world", token: world.rep2.token }), 422);
    const org = await call<DecisionSummary>(summaryRoute.GET, { url: "/api/v1/decision-cycle/summary?scope=org", token: world.admin.token });
    expect(org.body.deals.total).toBeGreaterThanOrEqual(summary.deals.total);
  });
});
