// The project review meeting (销售项目分析会): a manager picks a team and steps through its open deals, A before
// B before C and the highest score first, and records decisions as actions with owners.
import "server-only";
import { db } from "@/lib/db";
import { compareByGradeAndScore, type Grade } from "@/lib/domain/health-score";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { ReviewDecisionInput, ReviewDecisionStatusInput } from "@/lib/validations/analysis";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";
import { findVisibleDeal } from "./deal-access";
import { getHealthScore } from "./health";

const OPEN_STAGES = ["P0", "P1", "P2", "P3", "P4", "P5", "P6"] as const;

/** Teams whose meeting the caller can run: an admin every team, a manager the teams they manage. */
export async function listReviewTeams(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  if (ctx.role === "REP") return [];
  return db.team.findMany({
    where: { orgId: ctx.orgId, ...(ctx.role === "ADMIN" ? {} : { id: { in: ctx.managedTeamIds } }) },
    select: { id: true, name: true }, orderBy: { name: "asc" },
  });
}

export type ReviewDeal = { id: string; name: string; accountName: string; ownerName: string; stage: string; amount: string; currency: string; score: number; grade: Grade };

/**
 * The agenda: the team's open deals the caller can see (all visible open deals without a team), ordered by
 * grade then score, from the stored scores (kept current by the writes); a deal never scored is scored live.
 */
export async function listReviewDeals(ctx: Ctx, teamId: string | null): Promise<ReviewDeal[]> {
  const rows = await db.opportunity.findMany({
    where: { AND: [opportunityVisibility(ctx), { stage: { in: [...OPEN_STAGES] } }, teamId ? { teamId } : {}] },
    select: {
      id: true, name: true, stage: true, amount: true, currency: true, account: { select: { name: true } }, owner: { select: { name: true } },
      health: { select: { score: true, grade: true } },
    },
    take: 300,
  });
  const deals: ReviewDeal[] = [];
  for (const row of rows) {
    // A deal never scored (written before scores were stored) is scored live for the order, without storing.
    const health = row.health ?? (await getHealthScore(ctx, row.id));
    deals.push({
      id: row.id, name: row.name, accountName: row.account.name, ownerName: row.owner.name, stage: row.stage,
      amount: row.amount.toString(), currency: row.currency, score: health.score, grade: health.grade as Grade,
    });
  }
  return deals.sort(compareByGradeAndScore);
}

export type ReviewDecision = { id: string; text: string; ownerId: string; ownerName: string; dueDate: string | null; status: string; createdAt: string };

export async function listReviewDecisions(ctx: Ctx, opportunityId: string): Promise<ReviewDecision[]> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const rows = await db.reviewDecision.findMany({ where: { opportunityId: deal.id, orgId: ctx.orgId }, orderBy: { createdAt: "desc" } });
  return listDecisionRows(ctx, rows);
}

type DecisionRow = { id: string; text: string; ownerId: string; dueDate: Date | null; status: string; createdAt: Date };

async function listDecisionRows(ctx: Ctx, rows: DecisionRow[]): Promise<ReviewDecision[]> {
  const owners = await db.user.findMany({ where: { id: { in: rows.map((row) => row.ownerId) } }, select: { id: true, name: true } });
  return rows.map((row) => ({
    id: row.id, text: row.text, ownerId: row.ownerId, ownerName: owners.find((owner) => owner.id === row.ownerId)?.name ?? "—",
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null, status: row.status, createdAt: row.createdAt.toISOString(),
  }));
}

/** A meeting decision on a deal the caller sees; managers and admins run the meeting, so only they record. */
export async function recordReviewDecision(ctx: Ctx, opportunityId: string, input: ReviewDecisionInput): Promise<void> {
  if (ctx.role === "REP") throw forbidden("Only managers and administrators record review-meeting decisions.");
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const owner = await db.user.findFirst({ where: { id: input.ownerId, orgId: ctx.orgId, isActive: true }, select: { id: true } });
  if (!owner) throw invalid([{ path: "ownerId", message: "No such active user in your organization." }]);
  await db.reviewDecision.create({
    data: {
      orgId: ctx.orgId, opportunityId: deal.id, text: input.text, ownerId: owner.id, createdById: ctx.userId,
      dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
    },
  });
}

/**
 * Marks a meeting decision done (or open again). Who may: the decision's owner — it is their action — or a
 * manager or admin who sees the deal (who runs the meeting). Anyone else gets NOT_FOUND or FORBIDDEN.
 */
export async function setReviewDecisionStatus(ctx: Ctx, decisionId: string, input: ReviewDecisionStatusInput): Promise<ReviewDecision> {
  if (!isUuid(decisionId)) throw notFound("Decision");
  const row = await db.reviewDecision.findFirst({ where: { id: decisionId, orgId: ctx.orgId } });
  if (!row) throw notFound("Decision");
  const isOwner = row.ownerId === ctx.userId;
  // The owner may close their action even on a deal they cannot otherwise see; the meeting's runners see the deal.
  if (!isOwner) {
    await findVisibleDeal(db, ctx, row.opportunityId);
    if (ctx.role === "REP") throw forbidden("Only the decision's owner or a manager marks it done.");
  }
  await db.$transaction(async (tx) => {
    await tx.reviewDecision.update({ where: { id: row.id }, data: { status: input.status } });
    await recordAudit(tx, ctx, { action: "reviewDecision.status", entityType: "ReviewDecision", entityId: row.id, before: { status: row.status }, after: { status: input.status } });
  });
  const [decision] = await listDecisionRows(ctx, [{ ...row, status: input.status }]);
  return decision;
}
