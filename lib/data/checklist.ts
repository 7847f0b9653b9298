// Ticking a CHECKLIST gate criterion on a deal — "what is done is seen": every tick carries its evidence,
// an activity logged on the deal or a file uploaded to it. Whoever may edit the deal may tick and untick.
import "server-only";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { ChecklistTickInput } from "@/lib/validations/gates";
import { recordAudit } from "./audit";
import { findVisibleDeal } from "./deal-access";
import { isUuid } from "./pagination";
import { refreshDealHealth } from "./health";

export type ChecklistEvidence = {
  criterionId: string;
  tickedBy: { id: string; name: string };
  at: string;
  activity: { id: string; type: string; subject: string; occurredAt: string } | null;
  file: { id: string; name: string; mime: string; size: number } | null;
};

async function findChecklistCriterion(ctx: Ctx, criterionId: string) {
  if (!isUuid(criterionId)) throw notFound("Gate criterion");
  const criterion = await db.gateCriterion.findFirst({ where: { id: criterionId, orgId: ctx.orgId, active: true }, select: { id: true, kind: true } });
  if (!criterion) throw notFound("Gate criterion");
  if (criterion.kind !== "CHECKLIST") throw invalid([{ path: "criterionId", message: "Only checklist criteria are ticked; the others follow the deal's data." }]);
  return criterion;
}

/** Ticks (or re-ticks with new evidence) one checklist item; the evidence must belong to the same deal. */
export async function tickChecklistItem(ctx: Ctx, opportunityId: string, criterionId: string, input: ChecklistTickInput): Promise<ChecklistEvidence> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  await findChecklistCriterion(ctx, criterionId);
  const evidenceWhere = { orgId: ctx.orgId, opportunityId: deal.id };
  if (input.activityId) {
    const activity = await db.activity.findFirst({ where: { id: input.activityId, ...evidenceWhere }, select: { id: true } });
    if (!activity) throw invalid([{ path: "activityId", message: "No such activity on this deal." }]);
  } else if (input.fileId) {
    const file = await db.storedFile.findFirst({ where: { id: input.fileId, ...evidenceWhere }, select: { id: true } });
    if (!file) throw invalid([{ path: "fileId", message: "No such file on this deal." }]);
  }
  const evidence = { tickedById: ctx.userId, at: new Date(), activityId: input.activityId ?? null, fileId: input.fileId ?? null };
  const tick = await db.$transaction(async (tx) => {
    await recordAudit(tx, ctx, { action: "checklist.tick", entityType: "Opportunity", entityId: deal.id, after: { criterionId, activityId: evidence.activityId, fileId: evidence.fileId } });
    const ticked = await tx.checklistTick.upsert({
    where: { criterionId_opportunityId: { criterionId, opportunityId: deal.id } },
    create: { ...evidence, orgId: ctx.orgId, criterionId, opportunityId: deal.id },
    update: evidence,
    include: {
      tickedBy: { select: { id: true, name: true } },
      activity: { select: { id: true, type: true, subject: true, occurredAt: true } },
      file: { select: { id: true, name: true, mime: true, size: true } },
    },
    });
    // Gates met feed the health score.
    await refreshDealHealth(tx, ctx.orgId, [deal.id]);
    return ticked;
  });
  return {
    criterionId,
    tickedBy: tick.tickedBy,
    at: tick.at.toISOString(),
    activity: tick.activity ? { ...tick.activity, occurredAt: tick.activity.occurredAt.toISOString() } : null,
    file: tick.file,
  };
}

/** Removes the tick (idempotent: an item that is not ticked stays unticked). */
export async function untickChecklistItem(ctx: Ctx, opportunityId: string, criterionId: string): Promise<void> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  await findChecklistCriterion(ctx, criterionId);
  await db.$transaction(async (tx) => {
    const removed = await tx.checklistTick.deleteMany({ where: { criterionId, opportunityId: deal.id, orgId: ctx.orgId } });
    if (removed.count) await recordAudit(tx, ctx, { action: "checklist.untick", entityType: "Opportunity", entityId: deal.id, before: { criterionId } });
    await refreshDealHealth(tx, ctx.orgId, [deal.id]);
  });
}
