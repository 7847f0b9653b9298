// Review-meeting decisions are closed by their owner or by a manager who sees the deal (issue 7).
import { beforeAll, describe, expect, it } from "vitest";
import * as decisionRoute from "@/app/api/v1/review-decisions/[id]/route";
import { listReviewDecisions, recordReviewDecision } from "@/lib/data/review-meeting";
import { db } from "@/lib/db";
import { call, expectProblem } from "../api/helpers";
import { buildGateWorld, type GateWorld } from "../gates/world";

let world: GateWorld;
beforeAll(async () => {
  world = await buildGateWorld();
});

async function decisionOn(ownerId: string) {
  const deal = await world.deal("P3");
  await recordReviewDecision(world.ctx.manager, deal.id, { text: "Book the CIO visit", ownerId });
  const [decision] = await listReviewDecisions(world.ctx.manager, deal.id);
  return { deal, decision };
}

const patch = (token: string, id: string, body: unknown) =>
  call<{ status: string }>(decisionRoute.PATCH, { method: "PATCH", url: `/api/v1/review-decisions/${id}`, token, params: { id }, body });

describe("PATCH /api/v1/review-decisions/:id", () => {
  it("lets the owner mark their decision done and reopen it; audited", async () => {
    const { decision } = await decisionOn(world.rep.id);
    expect((await patch(world.rep.token, decision.id, { status: "DONE" })).body).toMatchObject({ status: "DONE" });
    expect((await db.reviewDecision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe("DONE");
    expect((await patch(world.rep.token, decision.id, { status: "OPEN" })).body).toMatchObject({ status: "OPEN" });
    expect(await db.auditLog.count({ where: { entityId: decision.id, action: "reviewDecision.status" } })).toBe(2);
  });

  it("lets the team's manager close it, not another rep or another team's manager", async () => {
    const { decision } = await decisionOn(world.rep.id);
    expectProblem(await patch(world.rep2.token, decision.id, { status: "DONE" }), 404);
    expectProblem(await patch(world.manager2.token, decision.id, { status: "DONE" }), 404);
    expect((await patch(world.manager.token, decision.id, { status: "DONE" })).status).toBe(200);
  });

  it("refuses an unknown status and an unknown decision", async () => {
    const { decision } = await decisionOn(world.rep.id);
    expect(expectProblem(await patch(world.rep.token, decision.id, { status: "MAYBE" }), 422).errors?.[0].path).toBe("status");
    expectProblem(await patch(world.rep.token, "00000000-0000-4000-8000-000000000000", { status: "DONE" }), 404);
  });
});
