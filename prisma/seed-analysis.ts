// Demo project analysis (issue 7): a fishbone, SWOT/TOWS, competitors and positioning on a few open deals of
// the rep, close-out reviews of the lost deals (so the reasons report has content), and a cached health score
// and grade for every deal (so the grade filter works before anyone opens a deal). Deterministic: deals are
// picked by name, texts are fixed, dates are relative to `now`.
import type { DbClient } from "../tests/factories";
import { defaultFishbone } from "../lib/domain/fishbone";
import { computeHealthScore, DEFAULT_GRADE_THRESHOLDS, DEFAULT_HEALTH_WEIGHTS, gradeDeal } from "../lib/domain/health-score";

const DAY_MS = 86_400_000;
const day = (now: number, offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);

type People = { rep: string; manager: string };

function fishboneFor(name: string, people: People, now: number) {
  const fishbone = defaultFishbone("en", `Win ${name}`);
  const [relationship, solution, commercial, competition] = fishbone.categories;
  relationship.causes.push(
    { id: "r1", text: "No access to the decision maker", status: "OPEN", ownerId: people.rep, action: "Ask the coach for an introduction", dueDate: day(now, -3) },
    { id: "r2", text: "Coach moved to another plant", parentId: "r1", status: "IN_PROGRESS", ownerId: people.rep, action: "Find a new coach in operations", dueDate: day(now, 10) },
  );
  solution.causes.push({ id: "s1", text: "Integration with the legacy SCADA unproven", status: "OPEN", ownerId: people.manager, action: "Arrange a reference-site visit", dueDate: day(now, 14) });
  commercial.causes.push({ id: "c1", text: "Budget 15% below our quote", status: "OPEN", ownerId: people.manager, action: "Propose a phased delivery", dueDate: day(now, 7) });
  competition.causes.push({ id: "k1", text: "Incumbent offers a free pilot", status: "DONE", ownerId: people.rep, action: null, dueDate: null });
  return fishbone;
}

const SWOT = (people: People) => ({
  strengths: [{ id: "s1", text: "Reference site in the same province" }, { id: "s2", text: "Local delivery team" }],
  weaknesses: [{ id: "w1", text: "Higher licence price" }],
  opportunities: [{ id: "o1", text: "New grid-dispatch regulation next year" }],
  threats: [{ id: "t1", text: "Incumbent is close to the CIO" }],
  strategies: [
    { id: "st1", kind: "ST", internalId: "s1", externalId: "t1", text: "Invite the CIO to the reference site", ownerId: people.rep, status: "ACTIVE" },
    { id: "wo1", kind: "WO", internalId: "w1", externalId: "o1", text: "Price the compliance module as a phase 2", ownerId: people.manager, status: "PLANNED" },
  ],
});

const COMPETITORS = {
  competitors: [{
    id: "acme", name: "Acme Grid Systems", strengths: "Incumbent, low price", position: "Preferred by procurement",
    response: "Total-cost-of-ownership study with the finance team",
    triangle: { customerNeeds: "Stable dispatch, fewer outages", ourOffer: "Proven platform with local service", theirOffer: "Cheaper licences, remote support" },
  }],
};

const POSITIONING = (now: number, level: number) => ({
  need: { score: Math.min(5, level + 1), note: "Outage reduction is a board topic", confirmedAt: day(now, -10) },
  budget: { score: level, note: "Budget line approved for next year", confirmedAt: day(now, -20) },
  decisionChain: { score: Math.max(0, level - 1), note: "CIO decides, procurement screens", confirmedAt: day(now, -30) },
  timeline: { score: level, note: "Tender planned next quarter", confirmedAt: null },
});

export async function seedAnalysis(tx: DbClient, orgId: string, people: People, now: number): Promise<void> {
  const open = await tx.opportunity.findMany({
    where: { orgId, ownerId: people.rep, stage: { in: ["P2", "P3", "P4", "P5", "P6"] } }, orderBy: { name: "asc" }, take: 4, select: { id: true, name: true },
  });
  const positioned = new Map<string, ReturnType<typeof POSITIONING>>();
  for (const [index, deal] of open.entries()) {
    const positioning = POSITIONING(now, 2 + (index % 3));
    positioned.set(deal.id, positioning);
    const documents = { FISHBONE: fishboneFor(deal.name, people, now), SWOT: SWOT(people), COMPETITORS, POSITIONING: positioning };
    await tx.opportunityAnalysis.createMany({
      data: Object.entries(documents).map(([kind, data]) => ({ opportunityId: deal.id, kind, orgId, data: JSON.parse(JSON.stringify(data)), updatedById: people.rep })),
    });
  }

  const reasons = await tx.orgListItem.findMany({ where: { orgId, list: "LOSS_REASON" }, select: { key: true, labelEn: true } });
  const lost = await tx.opportunity.findMany({ where: { orgId, stage: "LOST" }, select: { id: true, lossReason: true, ownerId: true }, orderBy: { name: "asc" } });
  await tx.closeOutReview.createMany({
    data: lost.map((deal, index) => ({
      opportunityId: deal.id, orgId, outcome: "LOST", authorId: deal.ownerId,
      primaryReason: reasons.find((reason) => reason.labelEn === deal.lossReason)?.key ?? reasons[0]?.key ?? "OTHER",
      secondaryReasons: [], winnerCompetitor: index % 2 === 0 ? "Acme Grid Systems" : null,
      lessons: index % 3 === 2 ? "" : "Engage procurement and the technical gatekeeper before the tender is written.",
      toRepeat: null,
    })),
  });

  // The cached score uses what the seed knows (positioning, activity recency); gates are counted when a deal is next scored.
  const deals = await tx.opportunity.findMany({ where: { orgId }, select: { id: true, amount: true } });
  const latest = await tx.activity.groupBy({ by: ["opportunityId"], where: { orgId, opportunityId: { not: null } }, _max: { occurredAt: true } });
  const lastActivity = new Map(latest.map((row) => [row.opportunityId, row._max.occurredAt]));
  await tx.opportunityHealth.createMany({
    data: deals.map((deal) => {
      const at = lastActivity.get(deal.id);
      const positioning = positioned.get(deal.id);
      const { score } = computeHealthScore({
        gates: { met: 0, total: 0 },
        positioning: {
          need: positioning?.need.score ?? 0, budget: positioning?.budget.score ?? 0,
          decisionChain: positioning?.decisionChain.score ?? 0, timeline: positioning?.timeline.score ?? 0,
        },
        daysSinceLastActivity: at ? Math.max(0, Math.floor((now - at.getTime()) / DAY_MS)) : null,
        closeDateSlips: 0,
      }, DEFAULT_HEALTH_WEIGHTS);
      return { opportunityId: deal.id, orgId, score, grade: gradeDeal(deal.amount.toString(), score, DEFAULT_GRADE_THRESHOLDS), computedAt: new Date(now) };
    }),
  });
}
