// Creating a deal directly at a later stage is gated exactly like moving a new P0 deal there: the same
// verdict (unmet BLOCK criteria of every skipped stage → 422 listing each, nothing written), WARN criteria
// recorded as exceptions of the creation, and no gate at all for a deal created at P0.
import { beforeAll, describe, expect, it } from "vitest";
import * as opportunitiesRoute from "@/app/api/v1/opportunities/route";
import { createOpportunity } from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import type { FieldError } from "@/lib/errors";
import type { StageKey } from "@/lib/domain/stages";
import { call, expectProblem } from "../api/helpers";
import { expectAppError } from "../data/world";
import { buildGateWorld, type GateWorld } from "./world";

let world: GateWorld;
let gates: Awaited<ReturnType<GateWorld["criterion"]>>[];

beforeAll(async () => {
  world = await buildGateWorld();
  gates = [
    await world.criterion({ stage: "P2", kind: "REQUIRED_FIELDS", config: { fields: ["productLine"] } }),
    await world.criterion({ stage: "P2", kind: "APPROVAL", mode: "WARN", label: { en: "Project initiation", "zh-CN": "立项" } }),
    await world.criterion({ stage: "P3", kind: "CHECKLIST", label: { en: "Design reviewed", "zh-CN": "方案已评审" } }),
    await world.criterion({ stage: "P5", kind: "CHECKLIST" }),
  ];
});

const body = (stage: StageKey, extra: Record<string, unknown> = {}) => ({
  name: `Created at ${stage}`, accountId: world.account.id, amount: "50000.00", expectedCloseDate: "2027-06-30", stage, ...extra,
});

const create = (stage: StageKey, extra: Record<string, unknown> = {}) =>
  call(opportunitiesRoute.POST, { method: "POST", url: "/api/v1/opportunities", token: world.rep.token, body: body(stage, extra) });

describe("creating a deal at a later stage", () => {
  it("answers 422 listing exactly the unmet BLOCK criteria of every skipped stage, and writes nothing", async () => {
    const before = await db.opportunity.count({ where: { orgId: world.org.id } });
    const problem = expectProblem(await create("P3", { productLine: null }), 422) as unknown as { errors: FieldError[] };
    expect(problem.errors).toEqual([
      { path: "gates", criterionId: gates[0].id, kind: "REQUIRED_FIELDS", stage: "P2", message: expect.stringContaining("product line") },
      { path: "gates", criterionId: gates[2].id, kind: "CHECKLIST", stage: "P3", message: expect.stringContaining("Design reviewed") },
    ]);
    expect(await db.opportunity.count({ where: { orgId: world.org.id } })).toBe(before);
    expect(await db.stageChange.count({ where: { orgId: world.org.id, fromStage: null, toStage: "P3" } })).toBe(0);
  });

  it("refuses the same criteria as moving a new P0 deal with the same fields to that stage", async () => {
    const created = await expectAppError(createOpportunity(world.ctx.rep, body("P6", { productLine: null })), "VALIDATION");
    const deal = await world.deal("P0", { productLine: null });
    const moved = await expectAppError(world.move(world.ctx.rep, deal.id, "P6"), "VALIDATION");
    const shape = (errors: FieldError[] | undefined) => (errors ?? []).map(({ criterionId, kind, stage }) => ({ criterionId, kind, stage }));
    expect(shape(created.errors)).toEqual(shape(moved.errors));
    expect(shape(created.errors).map((error) => error.criterionId)).toEqual([gates[0].id, gates[2].id, gates[3].id]);
  });

  it("lets a deal be created where the skipped stages' BLOCK criteria are met, recording unmet WARN ones as exceptions", async () => {
    const result = await create("P2", { productLine: "Cloud ERP" });
    expect(result.status).toBe(201);
    const id = (result.body as { id: string; stage: string }).id;
    expect((result.body as { stage: string }).stage).toBe("P2");
    const history = await db.stageChange.findMany({ where: { opportunityId: id } });
    expect(history).toMatchObject([{ fromStage: null, toStage: "P2" }]);
    const exceptions = await db.gateException.findMany({ where: { opportunityId: id } });
    expect(exceptions).toMatchObject([{ criterionId: gates[1].id, stageChangeId: history[0].id }]);
  });

  it("does not gate a deal created at P0 or at a stage no criterion guards", async () => {
    for (const stage of ["P0", "P1"] as const) {
      const result = await create(stage, { productLine: null });
      expect(result.status).toBe(201);
      expect(await db.gateException.count({ where: { opportunityId: (result.body as { id: string }).id } })).toBe(0);
    }
  });

  it("creates at any stage in an org without criteria, as before gates", async () => {
    const created = await createOpportunity(world.ctx.otherAdmin, {
      name: "Ungated", accountId: world.otherAccount.id, amount: "1.00", expectedCloseDate: "2027-06-30", stage: "P6",
    });
    expect(created.stage).toBe("P6");
  });
});
