// Stage gates enforced in the one stage-move path: a refused move answers 422 listing exactly the unmet
// BLOCK criteria of every stage it crosses and writes nothing; WARN criteria let it through and become gate
// exceptions; going back needs a reason; bulk moves get the same verdict; an org without gates is unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import { moveOpportunitiesInBulk } from "@/lib/data/bulk";
import { db } from "@/lib/db";
import type { FieldError } from "@/lib/errors";
import { buildOpportunity } from "../../factories";
import { call, expectProblem } from "../api/helpers";
import { expectAppError } from "../data/world";
import { buildGateWorld, type GateWorld, logActivity } from "./world";
import { writeLostReview } from "../analysis/lost-review";

let world: GateWorld;

const gateErrors = (error: { errors?: unknown }) => (error.errors ?? []) as FieldError[];

beforeAll(async () => {
  world = await buildGateWorld();
});

async function stageOf(id: string) {
  return db.opportunity.findUniqueOrThrow({ where: { id }, select: { stage: true, version: true } });
}

describe("an org without gate criteria", () => {
  it("moves deals forward over any stages and back without a reason, as before gates", async () => {
    const deal = await buildOpportunity(db, {
      orgId: world.otherOrg.id, accountId: world.otherAccount.id, ownerId: world.otherAdmin.id, stage: "P1", productLine: null, amount: "0.00",
    });
    expect((await world.move(world.ctx.otherAdmin, deal.id, "P6")).stage).toBe("P6");
    expect((await world.move(world.ctx.otherAdmin, deal.id, "P1")).stage).toBe("P1");
    expect(await db.gateException.count({ where: { opportunityId: deal.id } })).toBe(0);
  });
});

describe("moving into gated stages", () => {
  let gates: Awaited<ReturnType<GateWorld["criterion"]>>[];

  beforeAll(async () => {
    gates = [
      await world.criterion({ stage: "P2", kind: "REQUIRED_FIELDS", config: { fields: ["productLine", "amount"] } }),
      await world.criterion({ stage: "P2", kind: "CHECKLIST", label: { en: "Budget confirmed", "zh-CN": "预算已确认" } }),
      await world.criterion({ stage: "P3", kind: "ACTIVITY", config: { activityType: "TECH_EXCHANGE" } }),
      await world.criterion({ stage: "P3", kind: "CHECKLIST", mode: "WARN", label: { en: "Coach found", "zh-CN": "已发展教练" } }),
      await world.criterion({ stage: "P5", kind: "CHECKLIST" }),
    ];
  });

  it("answers 422 listing exactly the unmet BLOCK criteria of every stage crossed, and writes nothing", async () => {
    const deal = await world.deal("P1", { productLine: null });
    const result = await call(stageRoute.POST, {
      method: "POST", url: `/api/v1/opportunities/${deal.id}/stage`, token: world.rep.token, params: { id: deal.id },
      body: { to: "P3", version: 1 },
    });
    const problem = expectProblem(result, 422) as unknown as { errors: FieldError[] };
    expect(problem.errors).toEqual([
      { path: "gates", criterionId: gates[0].id, kind: "REQUIRED_FIELDS", stage: "P2", message: expect.stringContaining("product line") },
      { path: "gates", criterionId: gates[1].id, kind: "CHECKLIST", stage: "P2", message: expect.stringContaining("Budget confirmed") },
      { path: "gates", criterionId: gates[2].id, kind: "ACTIVITY", stage: "P3", message: expect.stringContaining("Technical exchange") },
    ]);
    expect(await stageOf(deal.id)).toEqual({ stage: "P1", version: 1 });
    expect(await db.stageChange.count({ where: { opportunityId: deal.id } })).toBe(1);
    expect(await db.gateException.count({ where: { opportunityId: deal.id } })).toBe(0);
  });

  it("answers in the caller's language", async () => {
    const deal = await world.deal("P1", { productLine: null });
    const error = await expectAppError(world.move({ ...world.ctx.rep, locale: "zh-CN" }, deal.id, "P2"), "VALIDATION");
    expect(error.errors?.map((item) => item.message)).toEqual([expect.stringContaining("产品线"), expect.stringContaining("预算已确认")]);
  });

  it("checks each skipped stage: meeting the target's gate alone is not enough", async () => {
    const deal = await world.deal("P1");
    await logActivity(world, deal.id, "TECH_EXCHANGE");
    const error = await expectAppError(world.move(world.ctx.rep, deal.id, "P3"), "VALIDATION");
    expect(gateErrors(error).map((item) => item.criterionId)).toEqual([gates[1].id]);
    const activity = await logActivity(world, deal.id, "VISIT");
    await db.checklistTick.create({
      data: { orgId: world.org.id, criterionId: gates[1].id, opportunityId: deal.id, tickedById: world.rep.id, activityId: activity.id },
    });
    const moved = await world.move(world.ctx.rep, deal.id, "P3");
    expect(moved.stage).toBe("P3");
  });

  it("lets unmet WARN criteria through and records each as a gate exception of that move", async () => {
    const deal = await world.deal("P2");
    await logActivity(world, deal.id, "TECH_EXCHANGE");
    await world.move(world.ctx.rep, deal.id, "P3");
    const change = await db.stageChange.findFirstOrThrow({ where: { opportunityId: deal.id, toStage: "P3" } });
    const exceptions = await db.gateException.findMany({ where: { opportunityId: deal.id } });
    expect(exceptions).toEqual([expect.objectContaining({ criterionId: gates[3].id, stageChangeId: change.id, orgId: world.org.id })]);
  });

  it("does not count an activity logged before the deal entered the previous stage", async () => {
    const deal = await world.deal("P2", { minutesAgo: 30 });
    await logActivity(world, deal.id, "TECH_EXCHANGE", 45);
    const error = await expectAppError(world.move(world.ctx.rep, deal.id, "P3"), "VALIDATION");
    expect(gateErrors(error).map((item) => item.criterionId)).toEqual([gates[2].id]);
  });

  it("allows going back only with a reason, without checking gates", async () => {
    const deal = await world.deal("P4");
    const error = await expectAppError(world.move(world.ctx.rep, deal.id, "P2"), "VALIDATION");
    expect(error.errors).toEqual([{ path: "reason", message: expect.any(String) }]);
    const moved = await world.move(world.ctx.rep, deal.id, "P2", { reason: "The customer reopened the budget" });
    expect(moved.stage).toBe("P2");
  });

  it("checks only LOST's own gate on losing (with its loss reason) and P7's on winning", async () => {
    const deal = await world.deal("P1", { productLine: null });
    await writeLostReview(deal.id, world.rep.id);
    expect((await world.move(world.ctx.rep, deal.id, "LOST", { lossReason: "Price" })).stage).toBe("LOST");
    const winner = await world.deal("P4");
    expect((await world.move(world.ctx.rep, winner.id, "P7")).stage).toBe("P7");
  });

  it("gives bulk moves the same verdict, row by row", async () => {
    const ready = await world.deal("P4");
    const blocked = await world.deal("P4");
    const activity = await logActivity(world, ready.id, "VISIT");
    await db.checklistTick.create({
      data: { orgId: world.org.id, criterionId: gates[4].id, opportunityId: ready.id, tickedById: world.rep.id, activityId: activity.id },
    });
    const results = await moveOpportunitiesInBulk(world.ctx.rep, { to: "P5", items: [{ id: ready.id, version: 1 }, { id: blocked.id, version: 1 }] });
    expect(results.map((result) => result.status)).toEqual(["moved", "refused"]);
    expect(results[1]).toMatchObject({ id: blocked.id, status: "refused", code: "VALIDATION" });
    // The refusal names the unmet criterion, however the bulk result words it.
    expect(JSON.stringify(results[1])).toContain("CHECKLIST for P5");
  });

  it("stops applying a deleted criterion", async () => {
    const gate = await world.criterion({ stage: "P6", kind: "CHECKLIST" });
    const deal = await world.deal("P5");
    await expectAppError(world.move(world.ctx.rep, deal.id, "P6"), "VALIDATION");
    await db.gateCriterion.update({ where: { id: gate.id }, data: { active: false } });
    expect((await world.move(world.ctx.rep, deal.id, "P6")).stage).toBe("P6");
  });
});
