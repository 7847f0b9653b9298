import { apiRoute, created, json, parseBody } from "@/lib/api/http";
import { listOpportunityApprovals, requestApproval } from "@/lib/data/approvals";
import { approvalCreateSchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/approvals — the deal's approval requests and decisions, newest first
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => json(await listOpportunityApprovals(ctx, id)));

// POST /api/v1/opportunities/:id/approvals — ask a manager to approve a move (立项 project initiation and other APPROVAL gates)
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return created(await requestApproval(ctx, id, await parseBody(request, approvalCreateSchema)));
});
