// The close-out review (项目总结) of a won or lost deal: primary and secondary reasons from the org's WIN_REASON
// / LOSS_REASON lists, the competitor who won, lessons and what to repeat. The LOST gate: a move to LOST needs
// the review or its required field (the primary reason, carried by the move as its loss reason), checked in the
// one stage-move path; the report lists the reasons across deals.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { listItemLabel } from "@/lib/domain/org-lists";
import type { StageKey } from "@/lib/domain/stages";
import { invalid } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { CloseOutReviewInput } from "@/lib/validations/analysis";
import { findVisibleDeal } from "./deal-access";

export type CloseOutReview = CloseOutReviewInput & { authorId: string; updatedAt: string; isComplete: boolean };

type ReviewRow = {
  outcome: string; primaryReason: string; secondaryReasons: string[]; winnerCompetitor: string | null; lessons: string;
  toRepeat: string | null; authorId: string; updatedAt: Date;
};

function toReview(row: ReviewRow): CloseOutReview {
  return {
    outcome: row.outcome as CloseOutReview["outcome"], primaryReason: row.primaryReason, secondaryReasons: row.secondaryReasons,
    winnerCompetitor: row.winnerCompetitor, lessons: row.lessons, toRepeat: row.toRepeat, authorId: row.authorId,
    updatedAt: row.updatedAt.toISOString(), isComplete: row.lessons.trim().length > 0,
  };
}

export async function getCloseOutReview(ctx: Ctx, opportunityId: string): Promise<CloseOutReview | null> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const row = await db.closeOutReview.findUnique({ where: { opportunityId: deal.id } });
  return row ? toReview(row) : null;
}

/**
 * Writes the review. Reasons must be active keys of the outcome's list; a LOST review may be written before
 * the move (it then satisfies the LOST gate), a WON review only once the deal is in P7.
 */
export async function saveCloseOutReview(ctx: Ctx, opportunityId: string, input: CloseOutReviewInput): Promise<CloseOutReview> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const { stage } = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id }, select: { stage: true } });
  if (input.outcome === "WON" && stage !== "P7") throw invalid([{ path: "outcome", message: "Only a deal in P7 (signed) is reviewed as won." }]);
  if (input.outcome === "LOST" && stage === "P7") throw invalid([{ path: "outcome", message: "A signed deal is reviewed as won." }]);
  const list = input.outcome === "WON" ? "WIN_REASON" : "LOSS_REASON";
  const items = await db.orgListItem.findMany({ where: { orgId: ctx.orgId, list, active: true }, select: { key: true } });
  const keys = new Set(items.map((item) => item.key));
  const errors = [
    ...(keys.has(input.primaryReason) ? [] : [{ path: "primaryReason", message: "Pick a reason from the list." }]),
    ...input.secondaryReasons.flatMap((reason, index) => (keys.has(reason) ? [] : [{ path: `secondaryReasons.${index}`, message: "Pick a reason from the list." }])),
  ];
  if (errors.length) throw invalid(errors);
  const data = {
    outcome: input.outcome, primaryReason: input.primaryReason, secondaryReasons: input.secondaryReasons,
    winnerCompetitor: input.winnerCompetitor ?? null, lessons: input.lessons, toRepeat: input.toRepeat ?? null, authorId: ctx.userId,
  };
  const row = await db.closeOutReview.upsert({
    where: { opportunityId: deal.id }, create: { ...data, opportunityId: deal.id, orgId: ctx.orgId }, update: data,
  });
  return toReview(row);
}

/** The LOSS_REASON key a free-text loss reason names (by key or either label), else the text itself. */
async function lossReasonKey(tx: Tx, orgId: string, reason: string): Promise<string> {
  const text = reason.trim();
  const item = await tx.orgListItem.findFirst({
    where: { orgId, list: "LOSS_REASON", OR: [{ key: text }, { labelEn: { equals: text, mode: "insensitive" } }, { labelZh: text }] },
    select: { key: true },
  });
  return item?.key ?? text.slice(0, 60);
}

/**
 * The LOST gate, inside the stage move's transaction: a LOST review must exist, or the move carries its
 * required field (the primary reason, as the loss reason) and then starts the review from it — lessons still
 * to be written, which the review page and the report show as incomplete. Called by moveOpportunityToStage.
 */
export async function enforceCloseOutReview(tx: Tx, ctx: Ctx, deal: { id: string }, move: { to: StageKey; lossReason?: string | null }): Promise<void> {
  if (move.to !== "LOST") return;
  const existing = await tx.closeOutReview.findUnique({ where: { opportunityId: deal.id }, select: { outcome: true } });
  if (existing?.outcome === "LOST") return;
  if (!move.lossReason?.trim()) {
    throw invalid([{ path: "lossReason", message: "A lost deal needs its close-out review or at least its primary loss reason." }]);
  }
  const data = {
    outcome: "LOST", primaryReason: await lossReasonKey(tx, ctx.orgId, move.lossReason), secondaryReasons: [],
    winnerCompetitor: null, lessons: "", toRepeat: null, authorId: ctx.userId,
  };
  await tx.closeOutReview.upsert({ where: { opportunityId: deal.id }, create: { ...data, opportunityId: deal.id, orgId: ctx.orgId }, update: data });
}

export type ReasonReportRow = { outcome: "WON" | "LOST"; reason: string; label: string; primary: number; secondary: number };
export type ReasonReport = { rows: ReasonReportRow[]; reviews: number; incomplete: number; winners: { name: string; count: number }[] };

/** Reasons across the visible deals' reviews: how often each was primary and secondary; who beat us. */
export async function reportCloseOutReasons(ctx: Ctx): Promise<ReasonReport> {
  const reviews = await db.closeOutReview.findMany({
    where: { orgId: ctx.orgId, opportunity: opportunityVisibility(ctx) },
    select: { outcome: true, primaryReason: true, secondaryReasons: true, winnerCompetitor: true, lessons: true },
  });
  const items = await db.orgListItem.findMany({
    where: { orgId: ctx.orgId, list: { in: ["WIN_REASON", "LOSS_REASON"] } }, select: { list: true, key: true, labelEn: true, labelZh: true },
  });
  const labelOf = (outcome: string, key: string) => {
    const item = items.find((candidate) => candidate.key === key && candidate.list === (outcome === "WON" ? "WIN_REASON" : "LOSS_REASON"));
    return item ? listItemLabel(item, ctx.locale) : key;
  };
  const rows = new Map<string, ReasonReportRow>();
  const bump = (outcome: string, reason: string, field: "primary" | "secondary") => {
    const id = `${outcome}:${reason}`;
    const row = rows.get(id) ?? { outcome: outcome as ReasonReportRow["outcome"], reason, label: labelOf(outcome, reason), primary: 0, secondary: 0 };
    row[field] += 1;
    rows.set(id, row);
  };
  const winners = new Map<string, number>();
  for (const review of reviews) {
    bump(review.outcome, review.primaryReason, "primary");
    review.secondaryReasons.forEach((reason) => bump(review.outcome, reason, "secondary"));
    if (review.winnerCompetitor) winners.set(review.winnerCompetitor, (winners.get(review.winnerCompetitor) ?? 0) + 1);
  }
  return {
    rows: [...rows.values()].sort((a, b) => a.outcome.localeCompare(b.outcome) || b.primary - a.primary || b.secondary - a.secondary),
    reviews: reviews.length,
    incomplete: reviews.filter((review) => !review.lessons.trim()).length,
    winners: [...winners.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
  };
}
