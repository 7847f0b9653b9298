// The gate verdict on one stage move: which stages' gates apply, and whether the move may go ahead.
// Pure: moveOpportunityToStage (lib/data/opportunities.ts) loads the facts inside its transaction and asks
// decideStageMove, so the board, the form, bulk moves, the API and import all get this same verdict.
import { type CriterionResult, type DealFacts, evaluateCriterion, type GateCriterion } from "./gates";
import { checkStageMove, PIPELINE_STAGE_KEYS, type StageKey } from "./stages";

export type StageMovePlan = {
  /** Stages whose gates the move must meet, in order (every skipped stage and the target). */
  gatedStages: StageKey[];
  /** Going back (or reopening a won or lost deal) is allowed with a reason. */
  isBackward: boolean;
};

const pipelineIndex = (key: StageKey) => (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(key);

/** The stage a lost deal left the pipeline from (for reopening), P0 if history does not say. */
export function lastOpenStage(facts: Pick<DealFacts, "stageEntries">): StageKey {
  const intoLost = facts.stageEntries.findLast((change) => change.toStage === "LOST");
  return intoLost?.fromStage && intoLost.fromStage !== "LOST" ? intoLost.fromStage : "P0";
}

/**
 * P7 and LOST as targets check only their own gates (winning or losing can happen from any stage). Forward
 * from Pj to Pk checks Pj+1 … Pk. Reopening a lost deal continues from the stage it was lost in: further
 * forward checks the stages beyond that one.
 */
export function planStageMove(from: StageKey, to: StageKey, reopenedFrom: StageKey = "P0"): StageMovePlan {
  if (to === "LOST" || to === "P7") return { gatedStages: [to], isBackward: false };
  const start = from === "LOST" ? reopenedFrom : from;
  const startIndex = pipelineIndex(start);
  const toIndex = pipelineIndex(to);
  const gatedStages = toIndex > startIndex ? PIPELINE_STAGE_KEYS.slice(startIndex + 1, toIndex + 1) : [];
  return { gatedStages, isBackward: from === "LOST" || from === "P7" || toIndex < startIndex };
}

export type StageMoveRequest = { from: StageKey; to: StageKey; lossReason?: string | null; reason?: string | null };

export type StageMoveVerdict =
  | {
    allowed: true;
    /** Every criterion evaluated, in stage then criterion order. */
    results: CriterionResult[];
    /** Unmet WARN criteria: the move goes ahead and records each as a gate exception. */
    warnings: CriterionResult[];
    /** Approval requests the move consumes (status → USED). */
    approvalIds: string[];
  }
  | { allowed: false; refusal: "SAME_STAGE" | "LOSS_REASON_REQUIRED" | "REASON_REQUIRED" }
  | { allowed: false; refusal: "GATES_UNMET"; results: CriterionResult[]; unmet: CriterionResult[] };

/** Stage order first, then the admin's order; ids break ties so the verdict never depends on load order. */
export function sortCriteria(criteria: readonly GateCriterion[]): GateCriterion[] {
  const stageOrder = (key: StageKey) => (key === "LOST" ? PIPELINE_STAGE_KEYS.length : pipelineIndex(key));
  return [...criteria].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.order - b.order || a.id.localeCompare(b.id));
}

/** Evaluates the criteria of the given stages against the deal's facts, for a move to `moveTo`. */
export function evaluateStages(
  criteria: readonly GateCriterion[], facts: DealFacts, stages: readonly StageKey[], moveTo: StageKey,
): CriterionResult[] {
  return sortCriteria(criteria.filter((criterion) => stages.includes(criterion.stage)))
    .map((criterion) => evaluateCriterion(criterion, facts, { stage: criterion.stage, moveTo }));
}

/**
 * The one verdict. `criteria` are the org's active criteria; an org with none runs ungated, exactly as
 * before gates existed (no reason needed to go back either), so adopting gates is the admin's decision.
 */
export function decideStageMove(request: StageMoveRequest, criteria: readonly GateCriterion[], facts: DealFacts): StageMoveVerdict {
  const refusal = checkStageMove(request.from, request.to, request.lossReason);
  if (refusal) return { allowed: false, refusal };
  if (criteria.length === 0) return { allowed: true, results: [], warnings: [], approvalIds: [] };
  const plan = planStageMove(request.from, request.to, lastOpenStage(facts));
  if (plan.isBackward && !request.reason?.trim()) return { allowed: false, refusal: "REASON_REQUIRED" };
  const results = evaluateStages(criteria, facts, plan.gatedStages, request.to);
  const unmet = results.filter((result) => !result.met && result.mode === "BLOCK");
  if (unmet.length) return { allowed: false, refusal: "GATES_UNMET", results, unmet };
  const approvalIds = new Set(results.flatMap((result) => (result.met && result.approvalId ? [result.approvalId] : [])));
  // An approval asked for exactly this target is used up by the move even when no criterion demanded it.
  for (const approval of facts.approvals) if (approval.toStage === request.to) approvalIds.add(approval.id);
  return {
    allowed: true,
    results,
    warnings: results.filter((result) => !result.met && result.mode === "WARN"),
    approvalIds: [...approvalIds],
  };
}

/**
 * Creating a deal directly at `stage` is gated exactly like moving a new P0 deal there: every skipped
 * stage's BLOCK criteria must be met (WARN ones become exceptions of the creation). A deal created at P0
 * crosses no gate. `facts` are those of the deal as it would be created (no ticks, activities or approvals).
 */
export function decideCreationAtStage(
  request: { stage: StageKey; lossReason?: string | null }, criteria: readonly GateCriterion[], facts: DealFacts,
): StageMoveVerdict {
  if (request.stage === "P0") return { allowed: true, results: [], warnings: [], approvalIds: [] };
  return decideStageMove({ from: "P0", to: request.stage, lossReason: request.lossReason, reason: null }, criteria, facts);
}
