// The stored health score and grade (OpportunityHealth, what the board's grade filter reads) are written by
// the writes that change an input, in their transaction — never by a read. Property: after any sequence of
// writes, the stored score and grade equal the ones computed live.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { logOpportunityActivity } from "@/lib/data/activities";
import { saveAnalysisDocument } from "@/lib/data/analysis";
import { changeDecisionStage } from "@/lib/data/decision-cycle";
import { getHealthScore, refreshDealHealth, updateAnalysisSettings } from "@/lib/data/health";
import { updateOpportunity } from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import { DECISION_STAGE_KEYS } from "@/lib/domain/decision-cycle";
import { DEFAULT_GRADE_THRESHOLDS, DEFAULT_HEALTH_WEIGHTS } from "@/lib/domain/health-score";
import { buildGateWorld, type GateWorld } from "../gates/world";

let world: GateWorld;

beforeAll(async () => {
  world = await buildGateWorld();
  await db.orgListItem.createMany({
    data: [{ orgId: world.org.id, list: "ACTIVITY_TYPE", key: "VISIT", labelEn: "Visit", labelZh: "拜访", order: 0 }],
    skipDuplicates: true,
  });
});

const stored = async (id: string) => db.opportunityHealth.findUnique({ where: { opportunityId: id }, select: { score: true, grade: true, computedAt: true } });
const version = async (id: string) => (await db.opportunity.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

type Write =
  | { kind: "positioning"; scores: [number, number, number, number] }
  | { kind: "activity"; daysAgo: number }
  | { kind: "amount"; amount: string }
  | { kind: "closeDate"; date: string }
  | { kind: "move"; to: "P1" | "P2" | "P3" | "P4" | "P5" }
  | { kind: "decisionStage"; stage: (typeof DECISION_STAGE_KEYS)[number] }
  | { kind: "settings"; positioning: number; aMinScore: number };

const writeArbitrary: fc.Arbitrary<Write> = fc.oneof(
  fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5)).map((scores) => ({ kind: "positioning" as const, scores })),
  fc.nat(90).map((daysAgo) => ({ kind: "activity" as const, daysAgo })),
  fc.constantFrom("1000.00", "350000.00", "2500000.00").map((amount) => ({ kind: "amount" as const, amount })),
  fc.constantFrom("2027-01-31", "2027-06-30", "2027-12-31").map((date) => ({ kind: "closeDate" as const, date })),
  fc.constantFrom("P1", "P2", "P3", "P4", "P5").map((to) => ({ kind: "move" as const, to: to as "P1" })),
  fc.constantFrom(...DECISION_STAGE_KEYS).map((stage) => ({ kind: "decisionStage" as const, stage })),
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 40, max: 80 })).map(([positioning, aMinScore]) => ({ kind: "settings" as const, positioning, aMinScore })),
);

async function apply(id: string, write: Write) {
  const element = (score: number) => ({ score, note: "", confirmedAt: null });
  switch (write.kind) {
    case "positioning": {
      const [need, budget, decisionChain, timeline] = write.scores.map(element);
      return saveAnalysisDocument(world.ctx.rep, id, "POSITIONING", { need, budget, decisionChain, timeline });
    }
    case "activity":
      return logOpportunityActivity(world.ctx.rep, id, { type: "VISIT", occurredAt: new Date(Date.now() - write.daysAgo * 86_400_000).toISOString(), subject: "Visit" });
    case "amount":
      return updateOpportunity(world.ctx.rep, id, { amount: write.amount, version: await version(id) });
    case "closeDate":
      return updateOpportunity(world.ctx.rep, id, { expectedCloseDate: write.date, version: await version(id) });
    case "move": {
      const { stage } = await db.opportunity.findUniqueOrThrow({ where: { id }, select: { stage: true } });
      if (stage === write.to) return;
      return world.move(world.ctx.rep, id, write.to, { reason: "Property test" });
    }
    case "decisionStage":
      return changeDecisionStage(world.ctx.rep, id, { stage: write.stage }).catch(() => undefined); // "already there" is refused
    case "settings":
      return updateAnalysisSettings(world.ctx.admin, {
        weights: { ...DEFAULT_HEALTH_WEIGHTS, positioning: write.positioning },
        grading: { ...DEFAULT_GRADE_THRESHOLDS, aMinScore: write.aMinScore, bMinScore: Math.min(write.aMinScore, DEFAULT_GRADE_THRESHOLDS.bMinScore) },
      });
  }
}

describe("the stored health score", () => {
  it("is not written by a read", async () => {
    const deal = await world.deal("P2");
    await getHealthScore(world.ctx.rep, deal.id);
    expect(await stored(deal.id)).toBeNull();
    await saveAnalysisDocument(world.ctx.rep, deal.id, "POSITIONING", {
      need: { score: 3, note: "", confirmedAt: null }, budget: { score: 3, note: "", confirmedAt: null },
      decisionChain: { score: 3, note: "", confirmedAt: null }, timeline: { score: 3, note: "", confirmedAt: null },
    });
    const before = await stored(deal.id);
    expect(before).not.toBeNull();
    await getHealthScore(world.ctx.rep, deal.id);
    expect(await stored(deal.id)).toEqual(before);
  });

  it("equals the live score and grade after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArbitrary, { minLength: 1, maxLength: 5 }), async (writes) => {
        // As createOpportunity leaves it: scored once at creation (the factory inserts around the data layer).
        const deal = await world.deal("P1");
        await db.$transaction((tx) => refreshDealHealth(tx, world.org.id, [deal.id]));
        for (const write of writes) {
          await apply(deal.id, write);
          const live = await getHealthScore(world.ctx.rep, deal.id);
          const row = await stored(deal.id);
          expect({ score: row?.score, grade: row?.grade, after: write.kind }).toEqual({ score: live.score, grade: live.grade, after: write.kind });
        }
      }),
      { numRuns: 6 },
    );
  }, 240_000);
});
