import { apiRoute, json, parseBody } from "@/lib/api/http";
import { changeDecisionStage, getDecisionCycle } from "@/lib/data/decision-cycle";
import { decisionStageChangeSchema } from "@/lib/validations/decision-cycle";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/decision-cycle — the customer's stage, alignment with the P stage, history and purchase steps
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => json(await getDecisionCycle(ctx, id)));

// PUT /api/v1/opportunities/:id/decision-cycle — record where the customer now is, with a note or an activity as evidence
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await changeDecisionStage(ctx, id, await parseBody(request, decisionStageChangeSchema)));
});
