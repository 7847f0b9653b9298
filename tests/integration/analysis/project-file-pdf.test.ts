// GET /api/v1/opportunities/:id/file.pdf (issue 7): the project file as a PDF — the deal's facts, history,
// analysis and review in the caller's language (Chinese glyphs embedded), invisible deals 404, audited.
import { beforeAll, describe, expect, it } from "vitest";
import * as fileRoute from "@/app/api/v1/opportunities/[id]/file.pdf/route";
import { saveAnalysisDocument } from "@/lib/data/analysis";
import { db } from "@/lib/db";
import { buildGateWorld, type GateWorld } from "../gates/world";
import { extractPdfText } from "./pdf-text";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
  await db.orgListItem.create({ data: { orgId: world.org.id, list: "LOSS_REASON", key: "PRICE", labelEn: "Price", labelZh: "价格", order: 0 } });
});

async function download(token: string, id: string) {
  const response = await fileRoute.GET(
    new Request(`http://localhost/api/v1/opportunities/${id}/file.pdf`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ id }) as Promise<never> },
  );
  return { status: response.status, type: response.headers.get("content-type"), body: Buffer.from(await response.arrayBuffer()) };
}

async function dealWithAnalysis(name: string) {
  const deal = await world.deal("P4");
  await db.opportunity.update({ where: { id: deal.id }, data: { name } });
  const element = (score: number, note: string) => ({ score, note, confirmedAt: "2026-05-01" });
  await saveAnalysisDocument(world.ctx.rep, deal.id, "POSITIONING", {
    need: element(4, "Grid dispatch upgrade 电网调度"), budget: element(3, ""), decisionChain: element(2, ""), timeline: element(5, ""),
  });
  await saveAnalysisDocument(world.ctx.rep, deal.id, "SWOT", {
    strengths: [{ id: "s1", text: "Reference site in Jiangsu 江苏样板点" }], weaknesses: [], opportunities: [{ id: "o1", text: "New budget cycle" }], threats: [],
    strategies: [{ id: "t1", kind: "SO", internalId: "s1", externalId: "o1", text: "Invite the CIO to the reference site", ownerId: world.rep.id, status: "ACTIVE" }],
  });
  await saveAnalysisDocument(world.ctx.rep, deal.id, "COMPETITORS", {
    competitors: [{ id: "c1", name: "Acme Grid", strengths: "Price", position: "Incumbent", response: "TCO study", triangle: { customerNeeds: "Uptime", ourOffer: "Redundancy", theirOffer: "Discount" } }],
  });
  await saveAnalysisDocument(world.ctx.rep, deal.id, "FISHBONE", {
    head: "Win the dispatch deal", categories: [{ id: "rel", name: "Relationship", causes: [
      { id: "c1", text: "No access to the CIO", status: "OPEN", ownerId: world.rep.id, action: "Intro via the coach", dueDate: "2026-12-01" },
    ] }],
  });
  await world.move(world.ctx.rep, deal.id, "LOST", {
    closeOut: { primaryReason: "PRICE", secondaryReasons: [], winnerCompetitor: "Acme Grid", lessons: "Bring the TCO study earlier", toRepeat: null },
  });
  return deal;
}

describe("GET /api/v1/opportunities/:id/file.pdf", () => {
  it("returns a PDF of the deal: facts, history, analysis and review, in English", async () => {
    const deal = await dealWithAnalysis("Grid dispatch PDF deal");
    const before = await db.auditLog.count({ where: { orgId: world.org.id, action: "opportunity.fileExport" } });
    const result = await download(world.rep.token, deal.id);
    expect(result.status).toBe(200);
    expect(result.type).toBe("application/pdf");
    expect(result.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Subset fonts: the whole file stays small.
    expect(result.body.length).toBeGreaterThan(5_000);
    expect(result.body.length).toBeLessThan(1_500_000);
    const { pages, text } = extractPdfText(result.body);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThan(10);
    for (const expected of [
      "Grid dispatch PDF deal", "Key facts", "Stage history", "P4", "Positioning", "Need: 4/5", "电网调度", "Strengths", "江苏样板点",
      "Invite the CIO to the reference site", "No access to the CIO", "Intro via the coach", "Acme Grid", "Close-out review", "Price",
      "Bring the TCO study earlier", "Health score",
    ]) {
      expect(text.replace(/\n/g, "")).toContain(expected);
    }
    expect(await db.auditLog.count({ where: { orgId: world.org.id, action: "opportunity.fileExport", entityId: deal.id } })).toBe(before + 1);
  });

  it("speaks the caller's language: a zh-CN reader gets the file in Chinese", async () => {
    const deal = await dealWithAnalysis("电网调度项目");
    await db.user.update({ where: { id: world.rep.id }, data: { locale: "zh-CN" } });
    try {
      const result = await download(world.rep.token, deal.id);
      expect(result.status).toBe(200);
      const text = extractPdfText(result.body).text.replace(/\n/g, "");
      for (const expected of ["电网调度项目", "项目档案", "阶段历史", "价格", "Bring the TCO study earlier"]) expect(text).toContain(expected);
      expect(text).not.toContain("Stage history");
    } finally {
      await db.user.update({ where: { id: world.rep.id }, data: { locale: "en" } });
    }
  });

  it("is not found for a deal the caller cannot see", async () => {
    const deal = await world.deal("P2");
    expect((await download(world.rep2.token, deal.id)).status).toBe(404);
    expect((await download(world.rep.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
