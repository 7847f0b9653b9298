import { apiRoute, json, parseBody } from "@/lib/api/http";
import { auditMetaOf } from "@/lib/api/request-meta";
import { decideApproval } from "@/lib/data/approvals";
import { approvalDecisionSchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

// POST /api/v1/approvals/:id/decision — approve or reject with a comment (a manager of the deal's team or an admin, never the requester)
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await decideApproval(ctx, id, await parseBody(request, approvalDecisionSchema), auditMetaOf(request)));
});
