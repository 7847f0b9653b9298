// Admin configuration of stages and gates over REST API v1: admins only (403 for everyone else), validated
// (monotone probabilities, fixed P7/LOST, kind-specific config), audited with before and after, and a
// probability change applies to later moves while history keeps the old one.
import { beforeAll, describe, expect, it } from "vitest";
import * as gateRoute from "@/app/api/v1/admin/gates/[id]/route";
import * as gatesRoute from "@/app/api/v1/admin/gates/route";
import * as stageRoute from "@/app/api/v1/admin/stages/[key]/route";
import * as stagesRoute from "@/app/api/v1/admin/stages/route";
import * as stagesPublicRoute from "@/app/api/v1/stages/route";
import { listAuditEntries } from "@/lib/data/audit";
import { createDefaultGates } from "@/lib/data/gate-defaults";
import { listStageHistory } from "@/lib/data/opportunities";
import { getStageTable } from "@/lib/data/stage-config";
import { db } from "@/lib/db";
import { DEFAULT_GATE_SET } from "@/lib/domain/gate-defaults";
import { buildOrg } from "../../factories";
import { call, expectProblem } from "../api/helpers";
import { expectAppError } from "../data/world";
import { buildGateWorld, type GateWorld } from "./world";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
});

const checklistGate = { stage: "P3", kind: "CHECKLIST", label: { en: "Site visit report", "zh-CN": "现场考察报告" }, config: {}, mode: "block" };

describe("admin routes", () => {
  it("answer 403 to reps and managers, whatever they send", async () => {
    // The world's API tokens are audited (token.create): count from here.
    const auditBefore = await db.auditLog.count({ where: { orgId: world.org.id } });
    for (const token of [world.rep.token, world.manager.token]) {
      expectProblem(await call(stagesRoute.GET, { url: "/api/v1/admin/stages", token }), 403);
      expectProblem(await call(stageRoute.PUT, { method: "PUT", url: "/api/v1/admin/stages/P3", token, params: { key: "P3" }, body: { probability: "0.4" } }), 403);
      expectProblem(await call(gatesRoute.GET, { url: "/api/v1/admin/gates", token }), 403);
      expectProblem(await call(gatesRoute.POST, { method: "POST", url: "/api/v1/admin/gates", token, body: checklistGate }), 403);
      expectProblem(await call(gateRoute.PUT, { method: "PUT", url: "/api/v1/admin/gates/x", token, params: { id: world.org.id }, body: checklistGate }), 403);
      expectProblem(await call(gateRoute.DELETE, { method: "DELETE", url: "/api/v1/admin/gates/x", token, params: { id: world.org.id } }), 403);
    }
    expect(await db.gateCriterion.count({ where: { orgId: world.org.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: world.org.id } })).toBe(auditBefore);
  });

  it("let an admin add, change and remove a gate criterion, each audited with before and after", async () => {
    const createdResult = await call<{ id: string; mode: string; order: number }>(gatesRoute.POST, {
      method: "POST", url: "/api/v1/admin/gates", token: world.admin.token, body: checklistGate,
    });
    expect(createdResult.status).toBe(201);
    expect(createdResult.headers.get("location")).toBe(`/api/v1/admin/gates/${createdResult.body.id}`);
    expect(createdResult.body).toMatchObject({ mode: "BLOCK", order: 0 });
    const id = createdResult.body.id;
    const updated = await call(gateRoute.PUT, {
      method: "PUT", url: `/api/v1/admin/gates/${id}`, token: world.admin.token, params: { id }, body: { ...checklistGate, mode: "WARN" },
    });
    expect(updated).toMatchObject({ status: 200, body: { id, mode: "WARN" } });
    const listed = await call<{ id: string }[]>(gatesRoute.GET, { url: "/api/v1/admin/gates?stage=P3", token: world.admin.token });
    expect(listed.body.map((gate) => gate.id)).toEqual([id]);
    expect((await call(gateRoute.DELETE, { method: "DELETE", url: "", token: world.admin.token, params: { id } })).status).toBe(204);
    expect((await call<unknown[]>(gatesRoute.GET, { url: "/api/v1/admin/gates", token: world.admin.token })).body).toEqual([]);

    const audit = await listAuditEntries(world.ctx.admin, { entityType: "GateCriterion", limit: 10 });
    expect(audit.items.map((entry) => entry.action)).toEqual(["gate.delete", "gate.update", "gate.create"]);
    expect(audit.items.every((entry) => entry.actorId === world.admin.id && entry.entityId === id)).toBe(true);
    expect(audit.items[1]).toMatchObject({ before: { mode: "BLOCK" }, after: { mode: "WARN" } });
    expect(audit.items[2]).toMatchObject({ before: null, after: { stage: "P3", kind: "CHECKLIST", label: checklistGate.label } });
    expect(audit.items[0]).toMatchObject({ before: { mode: "WARN" }, after: null });
  });

  it("refuse an unknown kind, a config that does not fit the kind, and an unknown activity type (422)", async () => {
    const post = (body: unknown) => call(gatesRoute.POST, { method: "POST", url: "/api/v1/admin/gates", token: world.admin.token, body });
    expect(expectProblem(await post({ ...checklistGate, kind: "HOROSCOPE" }), 422).errors?.[0].path).toBe("kind");
    expect(expectProblem(await post({ ...checklistGate, kind: "REQUIRED_FIELDS", config: { fields: ["password"] } }), 422).errors?.[0].path).toMatch(/^config\.fields/);
    expect(expectProblem(await post({ ...checklistGate, kind: "ACTIVITY", config: { activityType: "PARTY" } }), 422).errors?.[0].path).toBe("config.activityType");
    expect(expectProblem(await post({ ...checklistGate, mode: "maybe" }), 422).errors?.[0].path).toBe("mode");
  });

  it("hide another org's criterion (404)", async () => {
    const foreign = await db.gateCriterion.create({ data: { orgId: world.otherOrg.id, stage: "P2", kind: "CHECKLIST", labelEn: "x", labelZh: "x" } });
    expectProblem(await call(gateRoute.DELETE, { method: "DELETE", url: "", token: world.admin.token, params: { id: foreign.id } }), 404);
  });
});

describe("stage configuration", () => {
  it("lists every stage with its defaults, aligned with the customer's decision cycle", async () => {
    const result = await call<{ key: string; probability: string; expectedDecisionStage: string | null; isProbabilityFixed: boolean }[]>(
      stagesRoute.GET, { url: "/api/v1/admin/stages", token: world.admin.token },
    );
    expect(result.body.map((stage) => stage.key)).toEqual(["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "LOST"]);
    expect(result.body[3]).toMatchObject({ key: "P3", probability: "0.30", expectedDecisionStage: "CRITERIA", isProbabilityFixed: false });
    expect(result.body[7]).toMatchObject({ key: "P7", isProbabilityFixed: true });
  });

  it("refuses probabilities that would decrease from P0 to P7, or move P7 and LOST (422), and stores nothing", async () => {
    const put = (key: string, body: unknown) =>
      call(stageRoute.PUT, { method: "PUT", url: `/api/v1/admin/stages/${key}`, token: world.admin.token, params: { key }, body });
    expect(expectProblem(await put("P3", { probability: "0.60" }), 422).errors).toEqual([{ path: "probability", message: expect.stringContaining("P4") }]);
    expect(expectProblem(await put("P3", { probability: "0.20" }), 422).errors).toEqual([{ path: "probability", message: expect.stringContaining("P3") }]);
    expectProblem(await put("P7", { probability: "0.95" }), 422);
    expectProblem(await put("LOST", { probability: "0.1" }), 422);
    expectProblem(await put("P3", { probability: "1.5" }), 422);
    expectProblem(await put("P3", { expectedDecisionStage: "HAPPINESS" }), 422);
    expectProblem(await put("P9", { probability: "0.3" }), 404);
    expect(await db.stageSetting.count({ where: { orgId: world.org.id } })).toBe(0);
  });

  it("applies a probability change to later moves and the stage list, while history keeps the old one; audited", async () => {
    const deal = await world.deal("P2");
    await world.move(world.ctx.rep, deal.id, "P3");
    const changed = await call(stageRoute.PUT, {
      method: "PUT", url: "/api/v1/admin/stages/P4", token: world.admin.token, params: { key: "P4" },
      body: { probability: "0.55", name: { en: "P4 Senior buy-in", "zh-CN": "P4 高层突破" }, maxDaysInStage: 20, guidance: { en: "Meet the CIO", "zh-CN": "拜访 CIO" } },
    });
    expect(changed).toMatchObject({ status: 200, body: { key: "P4", probability: "0.55", maxDaysInStage: 20, overridden: ["name", "probability", "maxDaysInStage", "guidance"] } });
    await world.move(world.ctx.rep, deal.id, "P4");
    const history = await listStageHistory(world.ctx.rep, deal.id);
    expect(history.map((change) => [change.toStage, change.probability])).toEqual([["P2", 0.25], ["P3", 0.3], ["P4", 0.55]]);

    await call(stageRoute.PUT, { method: "PUT", url: "/api/v1/admin/stages/P4", token: world.admin.token, params: { key: "P4" }, body: { probability: null } });
    expect((await getStageTable(world.ctx.rep)).P4).toMatchObject({ probability: "0.50", name: { en: "P4 Senior buy-in" }, maxDaysInStage: 20 });
    expect((await listStageHistory(world.ctx.rep, deal.id))[2].probability).toBe(0.55);
    const stages = await call<{ key: string; probability: number }[]>(stagesPublicRoute.GET, { url: "/api/v1/stages", token: world.rep.token });
    expect(stages.body.find((stage) => stage.key === "P4")?.probability).toBe(0.5);

    const audit = await listAuditEntries(world.ctx.admin, { action: "stage.update", limit: 10 });
    expect(audit.items).toHaveLength(2);
    expect(audit.items[1]).toMatchObject({ entityType: "Stage", entityId: "P4", before: { probability: "0.50" }, after: { probability: "0.55" } });
    expect(audit.items[0]).toMatchObject({ before: { probability: "0.55" }, after: { probability: "0.50" } });
  });

  it("keeps one org's settings out of another's table", async () => {
    expect((await getStageTable({ orgId: world.otherOrg.id })).P4.name.en).toBe("P4 Needs survey");
  });
});

describe("the audit log", () => {
  it("is readable by admins only", async () => {
    await expectAppError(listAuditEntries(world.ctx.manager, { limit: 10 }), "FORBIDDEN");
    await expectAppError(listAuditEntries(world.ctx.rep, { limit: 10 }), "FORBIDDEN");
    const otherOrgView = await listAuditEntries(world.ctx.otherAdmin, { limit: 10 });
    // Only the other org's own entries (its users' API tokens being created), none of this org's changes.
    expect(otherOrgView.items.map((entry) => entry.action)).toEqual(otherOrgView.items.map(() => "token.create"));
  });

  it("pages newest first with a cursor", async () => {
    const first = await listAuditEntries(world.ctx.admin, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listAuditEntries(world.ctx.admin, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((entry) => entry.id)).not.toContain(first.items[0].id);
    expect(first.items[0].at >= second.items[0].at).toBe(true);
  });
});

describe("the default gate set of a new org", () => {
  it("is written in full, in stage order", async () => {
    const org = await buildOrg(db);
    const count = await db.$transaction((tx) => createDefaultGates(tx, org.id));
    expect(count).toBe(DEFAULT_GATE_SET.length);
    const rows = await db.gateCriterion.findMany({ where: { orgId: org.id }, orderBy: [{ stage: "asc" }] });
    expect(rows.map((row) => `${row.stage} ${row.kind} ${row.mode}`)).toEqual(DEFAULT_GATE_SET.map((gate) => `${gate.stage} ${gate.kind} ${gate.mode}`));
  });
});
