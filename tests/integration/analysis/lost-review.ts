// Test setup for the LOST gate: a complete loss review stored for a deal, as if written on its review page
// before the move (PUT …/review), so tests about other parts of a LOST move can make it.
import { db } from "@/lib/db";

export async function writeLostReview(opportunityId: string, authorId: string, overrides: { lessons?: string; primaryReason?: string; winnerCompetitor?: string | null } = {}) {
  const { orgId } = await db.opportunity.findUniqueOrThrow({ where: { id: opportunityId }, select: { orgId: true } });
  return db.closeOutReview.create({
    data: {
      opportunityId, orgId, authorId, outcome: "LOST", primaryReason: overrides.primaryReason ?? "PRICE", secondaryReasons: [],
      winnerCompetitor: overrides.winnerCompetitor ?? null, lessons: overrides.lessons ?? "Qualify the budget earlier.", toRepeat: null,
    },
  });
}
