// The grade filter on the board, the project review meeting's order and decisions, the reasons report, and the
// overdue fishbone actions query — over real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import * as boardRoute from "@/app/api/v1/pipeline/route";
import { loadFishbones, saveAnalysisDocument } from "@/lib/data/analysis";
import { reportCloseOutReasons, saveCloseOutReview } from "@/lib/data/close-out";
import { getHealthScore, updateAnalysisSettings } from "@/lib/data/health";
import { DEFAULT_GRADE_THRESHOLDS, DEFAULT_HEALTH_WEIGHTS } from "@/lib/domain/health-score";
import { listReviewDeals, listReviewDecisions, listReviewTeams, recordReviewDecision } from "@/lib/data/review-meeting";
import { db } from "@/lib/db";
import { listOverdueFishboneActions } from "@/lib/domain/fishbone";
import type { PipelineBoard } from "@/lib/validations/pipeline";
import { call, expectProblem } from "../api/helpers";
import { buildGateWorld, type GateWorld } from "../gates/world";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
  await db.orgListItem.createMany({
    data: [
      { orgId: world.org.id, list: "LOSS_REASON", key: "PRICE", labelEn: "Price", labelZh: "价格", order: 0 },
      { orgId: world.org.id, list: "LOSS_REASON", key: "TIMING", labelEn: "Timing", labelZh: "时机", order: 1 },
    ],
  });
});

const strong = { score: 5, note: "", confirmedAt: null };
const positioning = { need: strong, budget: strong, decisionChain: strong, timeline: strong };

describe("grades on the board and in the review meeting", () => {
  it("filters the board by the deal's grade and orders the meeting by grade then score", async () => {
    // Score on the deal's own analysis only: both deals have an empty buying center and no customer stage,
    // which would pull the big deal below A and is not what this test is about.
    await updateAnalysisSettings(world.ctx.admin, {
      weights: { ...DEFAULT_HEALTH_WEIGHTS, relationshipCoverage: 0, redFlags: 0, customerAlignment: 0 }, grading: DEFAULT_GRADE_THRESHOLDS,
    });
    const big = await world.deal("P3", { amount: "5000000.00" });
    const small = await world.deal("P3", { amount: "1000.00" });
    await saveAnalysisDocument(world.ctx.rep, big.id, "POSITIONING", positioning);
    await saveAnalysisDocument(world.ctx.rep, small.id, "POSITIONING", positioning);
    const bigScore = await getHealthScore(world.ctx.rep, big.id);
    expect(bigScore.grade).toBe("A");
    expect((await getHealthScore(world.ctx.rep, small.id)).grade).toBe("C");

    const board = (grade: string) => call<PipelineBoard>(boardRoute.GET, { url: `/api/v1/pipeline?grade=${grade}`, token: world.rep.token });
    const ids = (result: PipelineBoard) => result.columns.flatMap((column) => column.items.map((item) => item.id));
    expect(ids((await board("A")).body)).toEqual([big.id]);
    expect(ids((await board("C")).body)).toContain(small.id);
    expect(ids((await board("C")).body)).not.toContain(big.id);
    expectProblem(await board("D"), 422);

    const agenda = await listReviewDeals(world.ctx.manager, world.north.id);
    expect(agenda[0]).toMatchObject({ id: big.id, grade: "A" });
    expect(agenda.findIndex((deal) => deal.id === small.id)).toBeGreaterThan(0);
    expect(await listReviewTeams(world.ctx.manager)).toEqual([{ id: world.north.id, name: world.north.name }]);
    expect(await listReviewTeams(world.ctx.rep)).toEqual([]);
  });

  it("records decisions with an owner; reps cannot, nor can a manager of another team", async () => {
    const deal = await world.deal("P2");
    await recordReviewDecision(world.ctx.manager, deal.id, { text: "Book the CIO visit", ownerId: world.rep.id, dueDate: "2026-12-10" });
    expect(await listReviewDecisions(world.ctx.rep, deal.id)).toEqual([
      expect.objectContaining({ text: "Book the CIO visit", ownerId: world.rep.id, dueDate: "2026-12-10", status: "OPEN" }),
    ]);
    await expect(recordReviewDecision(world.ctx.rep, deal.id, { text: "x", ownerId: world.rep.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordReviewDecision(world.ctx.manager2, deal.id, { text: "x", ownerId: world.rep.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordReviewDecision(world.ctx.manager, deal.id, { text: "x", ownerId: world.otherAdmin.id }))
      .rejects.toMatchObject({ code: "VALIDATION", errors: [{ path: "ownerId" }] });
  });
});

describe("reports", () => {
  it("counts primary and secondary reasons across the visible reviews", async () => {
    const first = await world.deal("P4");
    const second = await world.deal("P4");
    await saveCloseOutReview(world.ctx.rep, first.id, {
      outcome: "LOST", primaryReason: "PRICE", secondaryReasons: ["TIMING"], winnerCompetitor: "Acme", lessons: "Earlier", toRepeat: null,
    });
    await world.move(world.ctx.rep, first.id, "LOST");
    await world.move(world.ctx.rep, second.id, "LOST", { closeOut: { primaryReason: "TIMING", secondaryReasons: [], winnerCompetitor: null, lessons: "Ask for the timeline", toRepeat: null } });
    // A review written before the gate existed (only its reason): counted, and reported incomplete.
    const legacy = await world.deal("LOST");
    await db.closeOutReview.create({
      data: { opportunityId: legacy.id, orgId: world.org.id, authorId: world.rep.id, outcome: "LOST", primaryReason: "TIMING", secondaryReasons: [], lessons: "" },
    });
    const report = await reportCloseOutReasons(world.ctx.rep);
    expect(report.rows).toEqual(expect.arrayContaining([
      { outcome: "LOST", reason: "PRICE", label: "Price", primary: 1, secondary: 0 },
      { outcome: "LOST", reason: "TIMING", label: "Timing", primary: 2, secondary: 1 },
    ]));
    expect(report).toMatchObject({ incomplete: 1, winners: [{ name: "Acme", count: 1 }] });
    expect((await reportCloseOutReasons(world.ctx.rep3)).reviews).toBe(0);
  });

  it("lists overdue open fishbone actions for the warnings engine", async () => {
    const deal = await world.deal("P3");
    await saveAnalysisDocument(world.ctx.rep, deal.id, "FISHBONE", {
      head: "Win", categories: [{ id: "a", name: "Relationship", causes: [
        { id: "late", text: "No CIO access", status: "OPEN", ownerId: world.rep.id, action: "Intro via coach", dueDate: "2026-01-01" },
        { id: "done", text: "Old", status: "DONE", ownerId: world.rep.id, action: null, dueDate: "2026-01-01" },
      ] }],
    });
    const overdue = listOverdueFishboneActions(await loadFishbones(world.ctx.rep, [deal.id]), "2026-06-01");
    expect(overdue).toEqual([expect.objectContaining({ opportunityId: deal.id, causeId: "late", ownerId: world.rep.id })]);
  });
});
