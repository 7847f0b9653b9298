// The gate checklist of a deal for a move (by default to the next stage): each criterion, met or not, with
// its evidence — who ticked it, when, with which activity or file — and the approval covering it. The same
// facts and evaluation as the move itself (lib/data/gate-enforcement.ts), so what the deal page shows is
// what the move will decide.
import "server-only";
import { db } from "@/lib/db";
import { evaluateStages, lastOpenStage, planStageMove } from "@/lib/domain/gate-moves";
import { PIPELINE_STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { notFound } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { GateStatus } from "@/lib/validations/gates";
import { loadActiveCriteria, loadDealFacts } from "./gate-enforcement";
import { isUuid } from "./pagination";

/** The next pipeline stage; a won or lost deal has none, so its own stage (an empty checklist). */
function defaultTarget(stage: StageKey): StageKey {
  const index = (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(stage);
  return index >= 0 && index < PIPELINE_STAGE_KEYS.length - 1 ? PIPELINE_STAGE_KEYS[index + 1] : stage;
}

type ApprovalSummary = NonNullable<GateStatus["criteria"][number]["approval"]>;

export async function getOpportunityGates(ctx: Ctx, id: string, to?: StageKey): Promise<GateStatus> {
  if (!isUuid(id)) throw notFound("Opportunity");
  const deal = await db.opportunity.findFirst({ where: { id, ...opportunityVisibility(ctx) } });
  if (!deal) throw notFound("Opportunity");
  const from = deal.stage as StageKey;
  const target = to ?? defaultTarget(from);
  const criteria = await loadActiveCriteria(db, ctx.orgId);
  const [facts, ticks, approvals] = await Promise.all([
    loadDealFacts(db, deal, criteria),
    db.checklistTick.findMany({
      where: { opportunityId: id, orgId: ctx.orgId },
      include: {
        tickedBy: { select: { id: true, name: true } },
        activity: { select: { id: true, type: true, subject: true, occurredAt: true } },
        file: { select: { id: true, name: true, mime: true, size: true } },
      },
    }),
    db.approvalRequest.findMany({
      where: { opportunityId: id, orgId: ctx.orgId },
      include: { requestedBy: { select: { id: true, name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const isSameStage = target === from;
  const plan = isSameStage ? { gatedStages: [], isBackward: false } : planStageMove(from, target, lastOpenStage(facts));
  const results = evaluateStages(criteria, facts, plan.gatedStages, target);
  const tickByCriterion = new Map(ticks.map((tick) => [tick.criterionId, tick]));
  const latestApproval = (stage: StageKey): ApprovalSummary | null => {
    const found = approvals.find((approval) => approval.toStage === stage || approval.toStage === target);
    return found
      ? { id: found.id, toStage: found.toStage as StageKey, status: found.status, requestedBy: found.requestedBy, createdAt: found.createdAt.toISOString() }
      : null;
  };
  const isGated = criteria.length > 0;
  return {
    opportunityId: id,
    from,
    to: target,
    gatedStages: plan.gatedStages,
    isBackward: plan.isBackward,
    isReasonRequired: isGated && plan.isBackward,
    isLossReasonRequired: target === "LOST",
    canMove: !isSameStage && results.every((result) => result.met || result.mode === "WARN"),
    criteria: results.map((result) => {
      const criterion = criteria.find((item) => item.id === result.criterionId)!;
      const tick = result.kind === "CHECKLIST" ? tickByCriterion.get(result.criterionId) : undefined;
      return {
        criterionId: result.criterionId,
        stage: result.stage,
        kind: result.kind,
        label: result.label,
        mode: result.mode,
        config: (criterion.config ?? {}) as Record<string, unknown>,
        met: result.met,
        message: ctx.locale === "zh-CN" ? result.message["zh-CN"] : result.message.en,
        evidence: tick
          ? {
            tickedBy: tick.tickedBy,
            at: tick.at.toISOString(),
            activity: tick.activity ? { ...tick.activity, occurredAt: tick.activity.occurredAt.toISOString() } : null,
            file: tick.file,
          }
          : null,
        approval: result.kind === "APPROVAL" ? latestApproval(result.stage) : null,
      };
    }),
  };
}
