import { apiRoute, json, parseBody } from "@/lib/api/http";
import { setPurchaseStep } from "@/lib/data/decision-cycle";
import { purchaseStepUpdateSchema } from "@/lib/validations/decision-cycle";

export const dynamic = "force-dynamic";

// PUT /api/v1/opportunities/:id/purchase-steps/:step — tick or untick one of the customer's purchase steps, with its date
export const PUT = apiRoute<{ id: string; step: string }>(async (request, ctx, { id, step }) => {
  return json(await setPurchaseStep(ctx, id, step, await parseBody(request, purchaseStepUpdateSchema)));
});
