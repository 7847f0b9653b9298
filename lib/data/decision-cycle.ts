// The customer decision cycle of a deal (issue 5, METHOD.md §2): the customer's current stage with its
// append-only history (who, when, the evidence), the purchase-step checklist, and the alignment of the P stage
// with the customer. Exactly as visible as the deal (findVisibleDeal); writes need what editing the deal needs
// — seeing it (lib/permissions: a visible deal may be edited and moved).
import "server-only";
import { db, type Tx } from "@/lib/db";
import {
  decisionAlignment, type DecisionStageKey, isDecisionStageKey, isPurchaseStepKey, PURCHASE_STEP_KEYS, type PurchaseStepKey,
} from "@/lib/domain/decision-cycle";
import type { StageKey } from "@/lib/domain/stages";
import { invalid, notFound } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type {
  DecisionCycleOutput, DecisionStageChangeInput, DecisionStageChangeOutput, PurchaseStepOutput, PurchaseStepUpdate,
} from "@/lib/validations/decision-cycle";
import { findVisibleDeal } from "./deal-access";
import { getStageTable } from "./stage-config";
import { refreshDealHealth } from "./health";

const changeInclude = {
  byUser: { select: { name: true } },
  activity: { select: { id: true, subject: true, type: true, occurredAt: true } },
} as const;

type ChangeRow = {
  id: string; fromStage: string | null; toStage: string; note: string | null; byUserId: string; at: Date;
  byUser: { name: string }; activity: { id: string; subject: string; type: string; occurredAt: Date } | null;
};

export function toDecisionChangeOutput(row: ChangeRow): DecisionStageChangeOutput {
  return {
    id: row.id,
    fromStage: isDecisionStageKey(row.fromStage) ? row.fromStage : null,
    toStage: row.toStage as DecisionStageKey,
    note: row.note,
    activity: row.activity ? { ...row.activity, occurredAt: row.activity.occurredAt.toISOString() } : null,
    byUserId: row.byUserId,
    byUserName: row.byUser.name,
    at: row.at.toISOString(),
  };
}

/** The deal's decision cycle: current stage, alignment with its P stage, history oldest first, purchase steps. */
export async function getDecisionCycle(ctx: Ctx, opportunityId: string): Promise<DecisionCycleOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const [table, row, history, steps] = await Promise.all([
    getStageTable(ctx),
    db.opportunity.findUniqueOrThrow({ where: { id: deal.id }, select: { stage: true, decisionStage: true } }),
    db.decisionStageChange.findMany({
      where: { opportunityId: deal.id, orgId: ctx.orgId },
      include: changeInclude,
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    db.purchaseStep.findMany({ where: { opportunityId: deal.id, orgId: ctx.orgId }, include: { updatedBy: { select: { name: true } } } }),
  ]);
  const stage = row.stage as StageKey;
  const decisionStage = isDecisionStageKey(row.decisionStage) ? row.decisionStage : null;
  const byStep = new Map(steps.map((step) => [step.step, step]));
  return {
    opportunityId: deal.id,
    projectStage: stage,
    stage: decisionStage,
    ...decisionAlignment(stage, decisionStage, table),
    history: history.map(toDecisionChangeOutput),
    purchaseSteps: PURCHASE_STEP_KEYS.map((key): PurchaseStepOutput => {
      const stored = byStep.get(key);
      return {
        step: key,
        done: stored?.done ?? false,
        date: stored?.date ? stored.date.toISOString().slice(0, 10) : null,
        updatedByName: stored?.updatedBy.name ?? null,
        updatedAt: stored?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

/** The evidence activity must be one of the deal's own (or, for an account-level change, of the account). */
async function assertEvidence(tx: Tx, ctx: Ctx, activityId: string | null | undefined, where: { opportunityId?: string; accountId: string }) {
  if (!activityId) return;
  const found = await tx.activity.findFirst({ where: { id: activityId, orgId: ctx.orgId, ...where }, select: { id: true } });
  if (!found) throw invalid([{ path: "activityId", message: "The evidence must be an activity of this deal." }]);
}

/**
 * Records where the customer now is. Appends a DecisionStageChange (never rewrites one), then sets the deal's
 * current stage and — as the latest observation of this customer — its account's. The deal row is locked so
 * two concurrent changes record their true `fromStage` one after the other.
 */
export async function changeDecisionStage(ctx: Ctx, opportunityId: string, input: DecisionStageChangeInput): Promise<DecisionCycleOutput> {
  await db.$transaction(async (tx) => {
    const deal = await findVisibleDeal(tx, ctx, opportunityId);
    const [current] = await tx.$queryRaw<{ decisionStage: string | null }[]>`
      SELECT "decisionStage" FROM "Opportunity" WHERE id = ${deal.id}::uuid FOR UPDATE`;
    if (current?.decisionStage === input.stage) {
      throw invalid([{ path: "stage", message: `The customer is already in ${input.stage}.` }]);
    }
    await assertEvidence(tx, ctx, input.activityId, { opportunityId: deal.id, accountId: deal.accountId });
    await tx.decisionStageChange.create({
      data: {
        orgId: ctx.orgId, accountId: deal.accountId, opportunityId: deal.id, byUserId: ctx.userId,
        fromStage: current?.decisionStage ?? null, toStage: input.stage, note: input.note ?? null, activityId: input.activityId ?? null,
      },
    });
    await tx.opportunity.update({ where: { id: deal.id }, data: { decisionStage: input.stage } });
    await tx.account.update({ where: { id: deal.accountId }, data: { decisionStage: input.stage } });
    // Customer alignment feeds the health score.
    await refreshDealHealth(tx, ctx.orgId, [deal.id]);
  });
  return getDecisionCycle(ctx, opportunityId);
}

/** Ticks or unticks one purchase step; a done step carries its date (today when none is given). */
export async function setPurchaseStep(ctx: Ctx, opportunityId: string, step: string, input: PurchaseStepUpdate): Promise<PurchaseStepOutput> {
  if (!isPurchaseStepKey(step)) throw notFound("Purchase step");
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const date = input.done ? new Date(`${input.date ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`) : null;
  const data = { done: input.done, date, updatedById: ctx.userId };
  const row = await db.purchaseStep.upsert({
    where: { opportunityId_step: { opportunityId: deal.id, step } },
    create: { ...data, opportunityId: deal.id, orgId: ctx.orgId, step },
    update: data,
    include: { updatedBy: { select: { name: true } } },
  });
  return {
    step: row.step as PurchaseStepKey,
    done: row.done,
    date: row.date ? row.date.toISOString().slice(0, 10) : null,
    updatedByName: row.updatedBy.name,
    updatedAt: row.updatedAt.toISOString(),
  };
}
