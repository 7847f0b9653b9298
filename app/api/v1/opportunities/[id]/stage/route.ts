import { apiRoute, json, parseBody } from "@/lib/api/http";
import { moveOpportunityToStage } from "@/lib/data/opportunities";
import { stageMoveSchema } from "@/lib/validations/opportunity";

export const dynamic = "force-dynamic";

// POST /api/v1/opportunities/:id/stage — move a deal through the one stage-move path (version check,
// LOST needs a loss reason, history row written in the same transaction)
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await moveOpportunityToStage(ctx, id, await parseBody(request, stageMoveSchema)));
});
