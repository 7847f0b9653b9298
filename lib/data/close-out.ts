// The close-out review (项目总结) of a won or lost deal: primary and secondary reasons from the org's WIN_REASON
// / LOSS_REASON lists, the competitor who won, lessons and what to repeat. The LOST gate: a move to LOST needs
// a complete review (lib/domain/close-out.ts), written before the move or carried by it and written in its
// transaction, checked in the one stage-move path; the report lists the reasons across deals.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { CLOSE_OUT_GAP_MESSAGES, findCloseOutGaps, isCloseOutComplete } from "@/lib/domain/close-out";
import { listItemLabel } from "@/lib/domain/org-lists";
import type { StageKey } from "@/lib/domain/stages";
import { type FieldError, invalid } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import { type CloseOutReviewInput, competitorsSchema, type LostReviewInput } from "@/lib/validations/analysis";
import { findVisibleDeal } from "./deal-access";

export type CloseOutReview = CloseOutReviewInput & { authorId: string; updatedAt: string; isComplete: boolean };

type ReviewRow = {
  outcome: string; primaryReason: string; secondaryReasons: string[]; winnerCompetitor: string | null; lessons: string;
  toRepeat: string | null; authorId: string; updatedAt: Date;
};

function toReview(row: ReviewRow): CloseOutReview {
  const outcome = row.outcome as CloseOutReview["outcome"];
  return {
    outcome, primaryReason: row.primaryReason, secondaryReasons: row.secondaryReasons,
    winnerCompetitor: row.winnerCompetitor, lessons: row.lessons, toRepeat: row.toRepeat, authorId: row.authorId,
    updatedAt: row.updatedAt.toISOString(), isComplete: isCloseOutComplete({ ...row, outcome }, outcome),
  };
}

export async function getCloseOutReview(ctx: Ctx, opportunityId: string): Promise<CloseOutReview | null> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const row = await db.closeOutReview.findUnique({ where: { opportunityId: deal.id } });
  return row ? toReview(row) : null;
}

const gapMessage = (ctx: Ctx, gap: keyof typeof CLOSE_OUT_GAP_MESSAGES) => CLOSE_OUT_GAP_MESSAGES[gap][ctx.locale === "zh-CN" ? "zh-CN" : "en"];

/**
 * Validates and writes a review inside `tx`: reasons must be active keys of the outcome's list and the review
 * complete. `stage` is where the deal is — or goes, for a review carried by a move — and decides which outcome
 * may be written. `prefix` puts the field errors where the caller's form has the fields.
 */
async function writeCloseOutReview(tx: Tx, ctx: Ctx, dealId: string, stage: StageKey, input: CloseOutReviewInput, prefix = ""): Promise<ReviewRow> {
  if (input.outcome === "WON" && stage !== "P7") throw invalid([{ path: `${prefix}outcome`, message: "Only a deal in P7 (signed) is reviewed as won." }]);
  if (input.outcome === "LOST" && stage === "P7") throw invalid([{ path: `${prefix}outcome`, message: "A signed deal is reviewed as won." }]);
  const list = input.outcome === "WON" ? "WIN_REASON" : "LOSS_REASON";
  const items = await tx.orgListItem.findMany({ where: { orgId: ctx.orgId, list, active: true }, select: { key: true } });
  const keys = new Set(items.map((item) => item.key));
  const errors: FieldError[] = [
    ...(keys.has(input.primaryReason) ? [] : [{ path: `${prefix}primaryReason`, message: "Pick a reason from the list." }]),
    ...input.secondaryReasons.flatMap((reason, index) => (keys.has(reason) ? [] : [{ path: `${prefix}secondaryReasons.${index}`, message: "Pick a reason from the list." }])),
    ...findCloseOutGaps(input, input.outcome).map((gap) => ({ path: `${prefix}${gap}`, message: gapMessage(ctx, gap), kind: "CLOSE_OUT" })),
  ];
  if (errors.length) throw invalid(errors);
  const data = {
    outcome: input.outcome, primaryReason: input.primaryReason, secondaryReasons: input.secondaryReasons,
    winnerCompetitor: input.winnerCompetitor ?? null, lessons: input.lessons, toRepeat: input.toRepeat ?? null, authorId: ctx.userId,
  };
  return tx.closeOutReview.upsert({ where: { opportunityId: dealId }, create: { ...data, opportunityId: dealId, orgId: ctx.orgId }, update: data });
}

/** PUT …/review. A LOST review may be written before the move (it then satisfies the LOST gate), a WON review only in P7. */
export async function saveCloseOutReview(ctx: Ctx, opportunityId: string, input: CloseOutReviewInput): Promise<CloseOutReview> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const row = await db.$transaction(async (tx) => {
    const { stage } = await tx.opportunity.findUniqueOrThrow({ where: { id: deal.id }, select: { stage: true } });
    return writeCloseOutReview(tx, ctx, deal.id, stage as StageKey, input);
  });
  return toReview(row);
}

/**
 * The LOST gate, inside the stage move's transaction (called by moveOpportunityToStage). The move may carry
 * the review (`closeOut`), which is written here — a later refusal rolls it back with the move. Then the
 * deal's review must be complete; a refusal lists each missing part (kind CLOSE_OUT, path closeOut.<field>).
 * Returns the loss reason the move records: the one it was given, else the primary reason's label.
 */
export async function enforceCloseOutReview(
  tx: Tx, ctx: Ctx, deal: { id: string }, move: { to: StageKey; lossReason?: string | null; closeOut?: LostReviewInput },
): Promise<string | null> {
  if (move.to !== "LOST") return null;
  const review = move.closeOut
    ? await writeCloseOutReview(tx, ctx, deal.id, "LOST", { outcome: "LOST", ...move.closeOut }, "closeOut.")
    : await tx.closeOutReview.findUnique({ where: { opportunityId: deal.id } });
  return judgeLostMove(ctx, review, move.lossReason, (key) => tx.orgListItem.findFirst({ where: { orgId: ctx.orgId, list: "LOSS_REASON", key } }));
}

type LossReasonItem = { labelEn: string; labelZh: string };

/**
 * The LOST gate once the deal's review is read (`review`, null if none): refused unless complete, listing each
 * missing part. Returns the loss reason the move records: the one it was given, else the label of the review's
 * primary reason (`findItem` reads that list item). Shared by enforceCloseOutReview and the import's batch of
 * changed deals, which reads the reviews of a whole batch at once.
 */
export async function judgeLostMove(
  ctx: Ctx, review: ReviewRow | null, lossReason: string | null | undefined, findItem: (key: string) => Promise<LossReasonItem | null>,
): Promise<string> {
  const gaps = findCloseOutGaps(review ? { ...review, outcome: review.outcome as "WON" | "LOST" } : null, "LOST");
  if (gaps.length) throw closeOutRefusal(ctx, gaps);
  if (lossReason?.trim()) return lossReason.trim();
  const item = await findItem(review!.primaryReason);
  return item ? listItemLabel(item, ctx.locale) : review!.primaryReason;
}

/**
 * The LOST gate at creation, for every way a deal is created — one at a time (createOpportunity) or in an
 * import batch: a deal created directly at LOST needs the same complete loss review a move to LOST needs
 * (lib/domain/close-out.ts), carried by the create input as `closeOut`, since a deal that did not exist has
 * no review saved before. Call it inside the creating transaction once the row is inserted: the review is
 * written there, and a refusal — the move's field errors, closeOut.<field> with kind CLOSE_OUT — rolls the
 * row back. Returns the loss reason the row records (the one given, else the primary reason's label); null
 * for any other stage.
 */
export async function enforceCloseOutAtCreation(
  tx: Tx, ctx: Ctx, deal: { id: string; stage: StageKey }, input: { lossReason?: string | null; closeOut?: LostReviewInput },
): Promise<string | null> {
  return enforceCloseOutReview(tx, ctx, deal, { to: deal.stage, lossReason: input.lossReason, closeOut: input.closeOut });
}

/**
 * The import batch's side of the LOST gate at creation: its rows carry no close-out review, so a new deal
 * at LOST is refused with the field errors enforceCloseOutAtCreation gives a creation without one.
 */
export function refuseLostWithoutReview(ctx: Ctx, stage: StageKey): void {
  if (stage === "LOST") throw closeOutRefusal(ctx, findCloseOutGaps(null, "LOST"));
}

function closeOutRefusal(ctx: Ctx, gaps: ReturnType<typeof findCloseOutGaps>) {
  return invalid(gaps.map((gap) => ({ path: `closeOut.${gap}`, message: gapMessage(ctx, gap), kind: "CLOSE_OUT" })));
}

/** Deals that reached P7 or LOST without a complete review: the close-out prompt on the reasons page. */
export async function listDealsMissingReview(ctx: Ctx): Promise<{ id: string; name: string; stage: "P7" | "LOST" }[]> {
  const deals = await db.opportunity.findMany({
    where: { AND: [opportunityVisibility(ctx), { orgId: ctx.orgId, stage: { in: ["P7", "LOST"] }, deletedAt: null }] },
    select: { id: true, name: true, stage: true, closeOutReview: { select: { outcome: true, primaryReason: true, winnerCompetitor: true, lessons: true } } },
    orderBy: { stageEnteredAt: "desc" },
    take: 200,
  });
  return deals
    .filter((deal) => {
      const expected = deal.stage === "P7" ? "WON" : "LOST";
      const review = deal.closeOutReview;
      return !isCloseOutComplete(review ? { ...review, outcome: review.outcome as "WON" | "LOST" } : null, expected);
    })
    .map((deal) => ({ id: deal.id, name: deal.name, stage: deal.stage as "P7" | "LOST" }));
}

export type ReasonReportRow = { outcome: "WON" | "LOST"; reason: string; label: string; primary: number; secondary: number };
export type ReasonReport = { rows: ReasonReportRow[]; reviews: number; incomplete: number; winners: { name: string; count: number }[] };

/** Which closed deals the report counts: closed (entered P7 or LOST) from `from` to `to` (inclusive days), of one team. */
export type ReasonReportFilters = { from?: string; to?: string; teamId?: string };

/**
 * Reasons across the reviews of the visible closed deals (P7 or LOST; a loss review written ahead of the move
 * does not count until the deal is lost): how often each was primary and secondary; who beat us.
 */
export async function reportCloseOutReasons(ctx: Ctx, filters: ReasonReportFilters = {}): Promise<ReasonReport> {
  const closedAt = {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
    ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
  const reviews = await db.closeOutReview.findMany({
    where: {
      orgId: ctx.orgId,
      opportunity: {
        AND: [opportunityVisibility(ctx), { stage: { in: ["P7", "LOST"] } }],
        ...(filters.from || filters.to ? { stageEnteredAt: closedAt } : {}),
        ...(filters.teamId ? { teamId: filters.teamId } : {}),
      },
    },
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
    incomplete: reviews.filter((review) => !isCloseOutComplete({ ...review, outcome: review.outcome as "WON" | "LOST" }, review.outcome as "WON" | "LOST")).length,
    winners: [...winners.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
  };
}

export type CloseOutFormOptions = {
  review: CloseOutReview | null;
  reasons: { WON: { value: string; label: string }[]; LOST: { value: string; label: string }[] };
  competitorNames: string[];
};

/**
 * The org's active win and loss reasons in the reader's language: what a review form offers when it is not
 * about one stored deal (a bulk move to LOST, a deal created at LOST). Any signed-in member may read them.
 */
export async function listCloseOutReasonOptions(ctx: Ctx): Promise<CloseOutFormOptions["reasons"]> {
  const items = await db.orgListItem.findMany({
    where: { orgId: ctx.orgId, list: { in: ["WIN_REASON", "LOSS_REASON"] }, active: true },
    select: { list: true, key: true, labelEn: true, labelZh: true }, orderBy: [{ order: "asc" }, { labelEn: "asc" }],
  });
  const options = (list: string) => items.filter((item) => item.list === list).map((item) => ({ value: item.key, label: listItemLabel(item, ctx.locale) }));
  return { WON: options("WIN_REASON"), LOST: options("LOSS_REASON") };
}

/** What the review form offers for one visible deal: its review, both reason lists, the deal's competitors' names. */
export async function getCloseOutFormOptions(ctx: Ctx, opportunityId: string): Promise<CloseOutFormOptions> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const [review, reasons, competitors] = await Promise.all([
    db.closeOutReview.findUnique({ where: { opportunityId: deal.id } }),
    listCloseOutReasonOptions(ctx),
    db.opportunityAnalysis.findUnique({ where: { opportunityId_kind: { opportunityId: deal.id, kind: "COMPETITORS" } }, select: { data: true } }),
  ]);
  const stored = competitorsSchema.safeParse(competitors?.data);
  return {
    review: review ? toReview(review) : null,
    reasons,
    competitorNames: stored.success ? stored.data.competitors.map((competitor) => competitor.name) : [],
  };
}
