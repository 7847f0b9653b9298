import { apiRoute, json, parseBody } from "@/lib/api/http";
import { moveOpportunitiesInBulk } from "@/lib/data/bulk";
import { bulkStageMoveSchema } from "@/lib/validations/opportunity-table";

export const dynamic = "force-dynamic";

// POST /api/v1/opportunities/bulk-stage — move many deals to one stage, each with its own version through
// the one stage-move path; 200 with a result per deal (moved, or refused with the reason)
export const POST = apiRoute(async (request, ctx) => {
  return json({ results: await moveOpportunitiesInBulk(ctx, await parseBody(request, bulkStageMoveSchema)) });
});
