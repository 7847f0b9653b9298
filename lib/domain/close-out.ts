// When is a close-out review (项目总结, METHOD.md §5) complete? The one definition: the review's form, its
// PUT, the LOST gate in the stage move, the review page, the P7 prompt and the reasons report all ask here.

export type CloseOutOutcome = "WON" | "LOST";

/** What a review says, stored or about to be written; null fields are unanswered. */
export type CloseOutFacts = {
  outcome: CloseOutOutcome;
  primaryReason: string | null;
  winnerCompetitor: string | null;
  lessons: string | null;
};

export type CloseOutGap = "outcome" | "primaryReason" | "winnerCompetitor" | "lessons";

/**
 * A loss reason is about the competition when its stable key says so (the default list's
 * COMPETITOR_RELATIONSHIP, or any reason an admin keys COMPETITOR_… / …_COMPETITION): then the review must
 * name who won, which is what the reasons report counts.
 */
export function isCompetitionReason(reasonKey: string | null | undefined): boolean {
  return Boolean(reasonKey && /COMPETIT/.test(reasonKey));
}

const isBlank = (value: string | null | undefined) => !value?.trim();

/**
 * The unanswered parts of a review, in the order a form shows them; empty = complete. `expected` is the
 * outcome the deal's stage calls for (a LOST move needs a LOST review). Complete means: the primary reason,
 * the lessons, and — for a loss to the competition — the competitor who won.
 */
export function findCloseOutGaps(review: CloseOutFacts | null, expected: CloseOutOutcome): CloseOutGap[] {
  if (!review) return ["primaryReason", "lessons"];
  const gaps: CloseOutGap[] = [];
  if (review.outcome !== expected) gaps.push("outcome");
  if (isBlank(review.primaryReason)) gaps.push("primaryReason");
  if (review.outcome === "LOST" && isCompetitionReason(review.primaryReason) && isBlank(review.winnerCompetitor)) gaps.push("winnerCompetitor");
  if (isBlank(review.lessons)) gaps.push("lessons");
  return gaps;
}

export function isCloseOutComplete(review: CloseOutFacts | null, expected: CloseOutOutcome): boolean {
  return findCloseOutGaps(review, expected).length === 0;
}

/** The gate's wording of each gap (English; the UI shows its own translated labels beside the field). */
export const CLOSE_OUT_GAP_MESSAGES: Record<CloseOutGap, { en: string; "zh-CN": string }> = {
  outcome: { en: "The review must be a loss review.", "zh-CN": "总结须为输单总结。" },
  primaryReason: { en: "Pick the primary loss reason.", "zh-CN": "请选择主要原因。" },
  winnerCompetitor: { en: "Name the competitor who won (the primary reason is the competition).", "zh-CN": "主要原因与竞争有关，请填写赢单的竞争对手。" },
  lessons: { en: "Write the lessons learned.", "zh-CN": "请填写经验教训。" },
};
