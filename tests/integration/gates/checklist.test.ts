// "What is done is seen": checklist items are ticked with evidence — an activity of the deal or a file
// uploaded to it — and the deal's gate checklist shows who ticked what, when, with which evidence.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as downloadRoute from "@/app/api/v1/files/[id]/route";
import * as tickRoute from "@/app/api/v1/opportunities/[id]/checklist/[criterionId]/route";
import * as filesRoute from "@/app/api/v1/opportunities/[id]/files/route";
import * as gatesRoute from "@/app/api/v1/opportunities/[id]/gates/route";
import { db } from "@/lib/db";
import type { GateStatus } from "@/lib/validations/gates";
import { call, expectProblem } from "../api/helpers";
import { expectAppError } from "../data/world";
import { buildGateWorld, type GateWorld, logActivity, useTemporaryFileStorage } from "./world";

let world: GateWorld;
let storageDir: string;
let proposalGate: { id: string };
let surveyGate: { id: string };

beforeAll(async () => {
  storageDir = useTemporaryFileStorage();
  world = await buildGateWorld();
  proposalGate = await world.criterion({ stage: "P6", kind: "CHECKLIST", label: { en: "Formal proposal on file", "zh-CN": "正式方案已归档" } });
  surveyGate = await world.criterion({ stage: "P6", kind: "ACTIVITY", config: { activityType: "NEGOTIATION" }, mode: "WARN" });
});

async function upload(token: string, opportunityId: string, file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> | string }) {
  const form = new FormData();
  form.append("file", new Blob([file.bytes], { type: file.type }), file.name);
  const request = new Request(`http://localhost/api/v1/opportunities/${opportunityId}/files`, {
    method: "POST", headers: { authorization: `Bearer ${token}` }, body: form,
  });
  const response = await filesRoute.POST(request, { params: Promise.resolve({ id: opportunityId }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { id: string; name: string; size: number } & Record<string, unknown> };
}

const tick = (token: string, opportunityId: string, criterionId: string, body: unknown) =>
  call(tickRoute.POST, {
    method: "POST", url: `/api/v1/opportunities/${opportunityId}/checklist/${criterionId}`, token, params: { id: opportunityId, criterionId }, body,
  });

const gatesOf = (token: string, opportunityId: string, to?: string) =>
  call<GateStatus>(gatesRoute.GET, { url: `/api/v1/opportunities/${opportunityId}/gates${to ? `?to=${to}` : ""}`, token, params: { id: opportunityId } });

describe("evidence files", () => {
  it("upload to the storage under DATA_DIR-style keys, with a safe name, and download only for those who see the deal", async () => {
    const deal = await world.deal("P5");
    const uploaded = await upload(world.rep.token, deal.id, { name: "../../方案 v2.pdf", type: "application/pdf", bytes: "%PDF-1.4 proposal" });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: "方案 v2.pdf", size: 17 });
    expect(uploaded.headers.get("location")).toBe(`/api/v1/files/${uploaded.body.id}`);
    const stored = await db.storedFile.findUniqueOrThrow({ where: { id: uploaded.body.id } });
    expect(stored.storageKey).toBe(`${world.org.id}/${uploaded.body.id}`);
    expect(readFileSync(path.join(storageDir, stored.storageKey), "utf8")).toBe("%PDF-1.4 proposal");

    const request = new Request(`http://localhost/api/v1/files/${uploaded.body.id}`, { headers: { authorization: `Bearer ${world.manager.token}` } });
    const download = await downloadRoute.GET(request, { params: Promise.resolve({ id: uploaded.body.id }) });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("%PDF-1.4 proposal");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("attachment;");
    expect(download.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("方案 v2.pdf")}`);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");

    for (const token of [world.rep3.token, world.manager2.token, world.otherAdmin.token]) {
      expectProblem(await call(downloadRoute.GET, { url: "/api/v1/files/x", token, params: { id: uploaded.body.id } }), 404);
    }
  });

  it("refuse files over 10 MB, disallowed types and uploads to deals the caller cannot see", async () => {
    const deal = await world.deal("P5");
    const big = await upload(world.rep.token, deal.id, { name: "big.pdf", type: "application/pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect(big.status).toBe(422);
    const html = await upload(world.rep.token, deal.id, { name: "x.html", type: "text/html", bytes: "<script>alert(1)</script>" });
    expect(html).toMatchObject({ status: 422, body: { errors: [{ path: "file" }] } });
    expect((await upload(world.rep3.token, deal.id, { name: "a.pdf", type: "application/pdf", bytes: "x" })).status).toBe(404);
    expect(await db.storedFile.count({ where: { opportunityId: deal.id } })).toBe(0);
  });
});

describe("ticking a checklist item", () => {
  it("needs exactly one piece of evidence that belongs to the same deal", async () => {
    const deal = await world.deal("P5");
    const elsewhere = await world.deal("P5");
    const foreignActivity = await logActivity(world, elsewhere.id, "VISIT");
    const ownActivity = await logActivity(world, deal.id, "VISIT");
    expectProblem(await tick(world.rep.token, deal.id, proposalGate.id, {}), 422);
    expectProblem(await tick(world.rep.token, deal.id, proposalGate.id, { activityId: ownActivity.id, fileId: ownActivity.id }), 422);
    const foreign = expectProblem(await tick(world.rep.token, deal.id, proposalGate.id, { activityId: foreignActivity.id }), 422);
    expect(foreign.errors).toEqual([{ path: "activityId", message: "No such activity on this deal." }]);
    expectProblem(await tick(world.rep.token, deal.id, surveyGate.id, { activityId: ownActivity.id }), 422);
    expectProblem(await tick(world.rep3.token, deal.id, proposalGate.id, { activityId: ownActivity.id }), 404);
    expect(await db.checklistTick.count({ where: { opportunityId: deal.id } })).toBe(0);
  });

  it("shows who ticked it, when and with which file, and opens the gate; unticking closes it again", async () => {
    const deal = await world.deal("P5");
    const before = await gatesOf(world.rep.token, deal.id);
    expect(before.body).toMatchObject({ from: "P5", to: "P6", gatedStages: ["P6"], canMove: false });
    expect(before.body.criteria.map((criterion) => [criterion.criterionId, criterion.met, criterion.evidence])).toEqual([
      [proposalGate.id, false, null], [surveyGate.id, false, null],
    ]);
    await expectAppError(world.move(world.ctx.rep, deal.id, "P6"), "VALIDATION");

    const file = await upload(world.rep.token, deal.id, { name: "proposal.pdf", type: "application/pdf", bytes: "%PDF" });
    const ticked = await tick(world.rep.token, deal.id, proposalGate.id, { fileId: file.body.id });
    expect(ticked).toMatchObject({ status: 200, body: { criterionId: proposalGate.id, tickedBy: { id: world.rep.id }, file: { id: file.body.id, name: "proposal.pdf" }, activity: null } });

    const after = await gatesOf(world.manager.token, deal.id, "P6");
    expect(after.body.canMove).toBe(true);
    expect(after.body.criteria[0]).toMatchObject({
      met: true, evidence: { tickedBy: { id: world.rep.id }, at: expect.any(String), file: { id: file.body.id, mime: "application/pdf" } },
    });
    expect(after.body.criteria[1]).toMatchObject({ kind: "ACTIVITY", mode: "WARN", met: false, message: expect.stringContaining("Negotiation") });

    const untick = await call(tickRoute.DELETE, { method: "DELETE", url: "", token: world.rep.token, params: { id: deal.id, criterionId: proposalGate.id } });
    expect(untick.status).toBe(204);
    await expectAppError(world.move(world.ctx.rep, deal.id, "P6"), "VALIDATION");

    const activity = await logActivity(world, deal.id, "SOLUTION_DESIGN");
    const reticked = await tick(world.rep.token, deal.id, proposalGate.id, { activityId: activity.id });
    expect(reticked.body).toMatchObject({ activity: { id: activity.id, type: "SOLUTION_DESIGN" }, file: null });
    expect((await world.move(world.ctx.rep, deal.id, "P6")).stage).toBe("P6");
  });

  it("gives the next stage's checklist by default and an empty one for a closed deal", async () => {
    const won = await world.deal("P7");
    expect((await gatesOf(world.rep.token, won.id)).body).toMatchObject({ from: "P7", to: "P7", criteria: [], canMove: false });
    const back = await gatesOf(world.rep.token, (await world.deal("P6")).id, "P2");
    expect(back.body).toMatchObject({ isBackward: true, isReasonRequired: true, gatedStages: [] });
    expectProblem(await gatesOf(world.rep3.token, won.id), 404);
  });
});
