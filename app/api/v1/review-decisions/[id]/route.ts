import { apiRoute, json, parseBody } from "@/lib/api/http";
import { setReviewDecisionStatus } from "@/lib/data/review-meeting";
import { reviewDecisionStatusSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// PATCH /api/v1/review-decisions/:id — mark a review-meeting decision done (or open again); its owner or a manager who sees the deal
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await setReviewDecisionStatus(ctx, id, await parseBody(request, reviewDecisionStatusSchema)));
});
