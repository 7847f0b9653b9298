import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { listApprovals } from "@/lib/data/approvals";
import { approvalListQuerySchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

// GET /api/v1/approvals — approval requests the caller decides (deals of the teams they manage) or asked, newest first
export const GET = apiRoute(async (request, ctx) => json(await listApprovals(ctx, parseQuery(request, approvalListQuerySchema))));
