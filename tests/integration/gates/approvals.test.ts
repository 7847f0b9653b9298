// Approvals (立项): the rep asks, a manager of the deal's team decides — never the requester, never a
// manager of another team — and an approved request lets exactly one move through.
import { beforeAll, describe, expect, it } from "vitest";
import * as decisionRoute from "@/app/api/v1/approvals/[id]/decision/route";
import * as approvalsRoute from "@/app/api/v1/approvals/route";
import * as requestRoute from "@/app/api/v1/opportunities/[id]/approvals/route";
import * as stageRoute from "@/app/api/v1/opportunities/[id]/stage/route";
import { db } from "@/lib/db";
import { call, expectProblem } from "../api/helpers";
import { buildGateWorld, type GateWorld } from "./world";

let world: GateWorld;
let approvalGateId: string;

beforeAll(async () => {
  world = await buildGateWorld();
  approvalGateId = (await world.criterion({ stage: "P2", kind: "APPROVAL", label: { en: "Project initiation approved", "zh-CN": "立项已批准" } })).id;
});

type Approval = { id: string; status: string; canDecide: boolean; requestedBy: { id: string }; decidedBy: { id: string } | null; comment: string | null };

async function ask(token: string, opportunityId: string, toStage = "P2") {
  return call<Approval>(requestRoute.POST, {
    method: "POST", url: `/api/v1/opportunities/${opportunityId}/approvals`, token, params: { id: opportunityId },
    body: { toStage, note: "Budget confirmed by the CIO" },
  });
}

async function decide(token: string, approvalId: string, approve: boolean, comment = "OK") {
  return call<Approval>(decisionRoute.POST, {
    method: "POST", url: `/api/v1/approvals/${approvalId}/decision`, token, params: { id: approvalId }, body: { approve, comment },
  });
}

async function moveTo(token: string, opportunityId: string, to: string, reason?: string) {
  const { version } = await db.opportunity.findUniqueOrThrow({ where: { id: opportunityId }, select: { version: true } });
  return call(stageRoute.POST, {
    method: "POST", url: `/api/v1/opportunities/${opportunityId}/stage`, token, params: { id: opportunityId },
    body: { to, version, ...(reason ? { reason } : {}) },
  });
}

describe("approval requests", () => {
  it("refuses the move while the request is pending, and names the approval criterion", async () => {
    const deal = await world.deal("P1");
    expect((await ask(world.rep.token, deal.id)).status).toBe(201);
    const problem = expectProblem(await moveTo(world.rep.token, deal.id, "P2"), 422) as unknown as { errors: { criterionId: string; kind: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ criterionId: approvalGateId, kind: "APPROVAL" })]);
  });

  it("cannot be decided by the requester, another rep, or a manager of another team (403)", async () => {
    const deal = await world.deal("P1");
    const request = (await ask(world.rep.token, deal.id)).body;
    expect(request.canDecide).toBe(false);
    for (const token of [world.rep.token, world.rep2.token, world.manager2.token]) {
      expectProblem(await decide(token, request.id, true), 403);
    }
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("cannot be approved by a manager who asked for their own deal; an admin can", async () => {
    const deal = await world.deal("P1", { ownerId: world.manager.id });
    const request = (await ask(world.manager.token, deal.id)).body;
    expectProblem(await decide(world.manager.token, request.id, true), 403);
    expect((await decide(world.admin.token, request.id, true)).status).toBe(200);
  });

  it("lets the move through once when the team's manager approves, then is used up", async () => {
    const deal = await world.deal("P1");
    const request = (await ask(world.rep.token, deal.id)).body;
    const decided = await decide(world.manager.token, request.id, true, "Go ahead");
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "APPROVED", decidedBy: { id: world.manager.id }, comment: "Go ahead", canDecide: false });
    expectProblem(await decide(world.manager.token, request.id, false), 409);

    expect((await moveTo(world.rep.token, deal.id, "P2")).status).toBe(200);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("USED");
    expect((await moveTo(world.rep.token, deal.id, "P1", "Customer paused the project")).status).toBe(200);
    expectProblem(await moveTo(world.rep.token, deal.id, "P2"), 422);
  });

  it("a rejection keeps the gate closed and a new request can follow", async () => {
    const deal = await world.deal("P1");
    const request = (await ask(world.rep.token, deal.id)).body;
    expect((await decide(world.manager.token, request.id, false, "No budget yet")).body).toMatchObject({ status: "REJECTED", comment: "No budget yet" });
    expectProblem(await moveTo(world.rep.token, deal.id, "P2"), 422);
    expect((await ask(world.rep.token, deal.id)).status).toBe(201);
  });

  it("allows one open request per deal and stage", async () => {
    const deal = await world.deal("P1");
    expect((await ask(world.rep.token, deal.id)).status).toBe(201);
    expectProblem(await ask(world.rep.token, deal.id), 409);
  });

  it("is asked only by someone who can see the deal", async () => {
    const deal = await world.deal("P1");
    expectProblem(await ask(world.rep3.token, deal.id), 404);
  });

  it("shows a manager the pending requests of the teams they manage, and not another team's", async () => {
    const deal = await world.deal("P1");
    const request = (await ask(world.rep.token, deal.id)).body;
    const inbox = await call<Approval[]>(approvalsRoute.GET, { url: "/api/v1/approvals?status=PENDING", token: world.manager.token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.find((item) => item.id === request.id)).toMatchObject({ status: "PENDING", canDecide: true });
    expect(inbox.body.every((item) => item.status === "PENDING")).toBe(true);
    const elsewhere = await call<Approval[]>(approvalsRoute.GET, { url: "/api/v1/approvals?status=PENDING", token: world.manager2.token });
    expect(elsewhere.body.map((item) => item.id)).not.toContain(request.id);
    const mine = await call<Approval[]>(approvalsRoute.GET, { url: "/api/v1/approvals", token: world.rep.token });
    expect(mine.body.find((item) => item.id === request.id)).toMatchObject({ canDecide: false });
  });

  it("audits each decision", async () => {
    const deal = await world.deal("P1");
    const request = (await ask(world.rep.token, deal.id)).body;
    await decide(world.manager.token, request.id, true, "Fine");
    const entries = await db.auditLog.findMany({ where: { entityId: request.id }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["approval.request", "approval.approve"]);
    expect(entries[0]).toMatchObject({ actorId: world.rep.id });
    expect(entries[1]).toMatchObject({ action: "approval.approve", actorId: world.manager.id, before: { status: "PENDING" }, after: { status: "APPROVED" } });
  });
});
