// Approval requests (立项 project initiation and any APPROVAL gate). The rep asks; a manager of the deal's
// team (or an admin) approves or rejects with a comment, never the requester; an approved request lets one
// move through and is then USED (lib/data/gate-enforcement.ts).
import "server-only";
import { db } from "@/lib/db";
import { type ApprovalStatus, canDecideApproval } from "@/lib/domain/approvals";
import type { StageKey } from "@/lib/domain/stages";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { ApprovalCreate, ApprovalDecision, ApprovalListQuery, ApprovalOutput } from "@/lib/validations/gates";
import { recordAudit } from "./audit";
import { findVisibleDeal } from "./deal-access";
import { isUuid } from "./pagination";
import type { AuditMeta } from "./stage-config";
import { refreshDealHealth } from "./health";

const approvalInclude = {
  opportunity: { select: { name: true, stage: true, teamId: true } },
  requestedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.ApprovalRequestInclude;

type ApprovalRow = Prisma.ApprovalRequestGetPayload<{ include: typeof approvalInclude }>;

function toApprovalOutput(ctx: Ctx, row: ApprovalRow): ApprovalOutput {
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    opportunityName: row.opportunity.name,
    fromStage: row.opportunity.stage as StageKey,
    toStage: row.toStage as StageKey,
    status: row.status,
    note: row.note,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    comment: row.comment,
    canDecide: row.status === "PENDING" && canDecideApproval(ctx, { requestedById: row.requestedById, dealTeamId: row.opportunity.teamId }),
  };
}

/** Whoever may edit the deal asks; one open (pending or approved, unused) request per deal and stage. */
export async function requestApproval(ctx: Ctx, opportunityId: string, input: ApprovalCreate): Promise<ApprovalOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  return db.$transaction(async (tx) => {
    // Serialises requests on one deal so two clicks cannot open two requests for the same stage.
    const current = await tx.$queryRaw<{ stage: string }[]>`SELECT stage::text FROM "Opportunity" WHERE id = ${deal.id}::uuid FOR UPDATE`;
    if (current[0]?.stage === input.toStage) throw invalid([{ path: "toStage", message: `The deal is already in ${input.toStage}.` }]);
    const open = await tx.approvalRequest.findFirst({
      where: { opportunityId: deal.id, toStage: input.toStage, status: { in: ["PENDING", "APPROVED"] } },
      select: { id: true, status: true },
    });
    if (open) {
      throw new AppError("CONFLICT", `There is already a ${open.status.toLowerCase()} request for ${input.toStage}.`, {
        extensions: { approvalId: open.id },
      });
    }
    const row = await tx.approvalRequest.create({
      data: { orgId: ctx.orgId, opportunityId: deal.id, toStage: input.toStage, requestedById: ctx.userId, note: input.note ?? null },
      include: approvalInclude,
    });
    await recordAudit(tx, ctx, { action: "approval.request", entityType: "ApprovalRequest", entityId: row.id, after: { opportunityId: deal.id, toStage: input.toStage, note: input.note ?? null } });
    return toApprovalOutput(ctx, row);
  });
}

/** 403 unless the caller manages the deal's team (or is an admin) and did not ask; 409 once decided. */
export async function decideApproval(ctx: Ctx, approvalId: string, input: ApprovalDecision, meta: AuditMeta = {}): Promise<ApprovalOutput> {
  if (!isUuid(approvalId)) throw notFound("Approval request");
  return db.$transaction(async (tx) => {
    const row = await tx.approvalRequest.findFirst({
      where: { id: approvalId, orgId: ctx.orgId, opportunity: { deletedAt: null } },
      include: approvalInclude,
    });
    if (!row) throw notFound("Approval request");
    if (!canDecideApproval(ctx, { requestedById: row.requestedById, dealTeamId: row.opportunity.teamId })) {
      throw forbidden(
        row.requestedById === ctx.userId
          ? "You cannot decide your own request."
          : "Only a manager of the deal's team or an administrator may decide this request.",
      );
    }
    const status: ApprovalStatus = input.approve ? "APPROVED" : "REJECTED";
    const decided = await tx.approvalRequest.updateMany({
      where: { id: approvalId, status: "PENDING" },
      data: { status, decidedById: ctx.userId, decidedAt: new Date(), comment: input.comment ?? null },
    });
    if (decided.count === 0) throw new AppError("CONFLICT", `This request was already ${row.status.toLowerCase()}.`);
    await recordAudit(tx, ctx, {
      action: input.approve ? "approval.approve" : "approval.reject", entityType: "ApprovalRequest", entityId: approvalId,
      before: { status: row.status }, after: { status, comment: input.comment ?? null }, ip: meta.ip,
    });
    // An approval can meet an APPROVAL gate criterion, which feeds the health score.
    await refreshDealHealth(tx, ctx.orgId, [row.opportunityId]);
    return toApprovalOutput(ctx, await tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId }, include: approvalInclude }));
  });
}

/**
 * A manager's inbox (requests on deals of the teams they manage) plus the caller's own requests; an admin
 * sees the whole org. Newest first.
 */
export async function listApprovals(ctx: Ctx, query: ApprovalListQuery): Promise<ApprovalOutput[]> {
  const reach: Prisma.ApprovalRequestWhereInput =
    ctx.role === "ADMIN"
      ? {}
      : {
        OR: [
          { requestedById: ctx.userId },
          { opportunity: { ownerId: ctx.userId } },
          ...(ctx.role === "MANAGER" ? [{ opportunity: { teamId: { in: ctx.managedTeamIds } } }] : []),
        ],
      };
  const rows = await db.approvalRequest.findMany({
    where: { AND: [{ orgId: ctx.orgId, opportunity: { deletedAt: null } }, reach, query.status ? { status: query.status } : {}] },
    include: approvalInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return rows.map((row) => toApprovalOutput(ctx, row));
}

/** Every request of one deal, newest first (the deal page's history of asks and decisions). */
export async function listOpportunityApprovals(ctx: Ctx, opportunityId: string): Promise<ApprovalOutput[]> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const rows = await db.approvalRequest.findMany({
    where: { opportunityId: deal.id, orgId: ctx.orgId },
    include: approvalInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => toApprovalOutput(ctx, row));
}
