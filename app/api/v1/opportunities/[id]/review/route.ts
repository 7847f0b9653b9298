import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getCloseOutReview, saveCloseOutReview } from "@/lib/data/close-out";
import { notFound } from "@/lib/errors";
import { closeOutReviewSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/review — the deal's close-out (win/loss) review; 404 until one is written
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  const review = await getCloseOutReview(ctx, id);
  if (!review) throw notFound("Close-out review");
  return json(review);
});

// PUT /api/v1/opportunities/:id/review — write the close-out review; reasons are keys of the WIN_REASON/LOSS_REASON list
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await saveCloseOutReview(ctx, id, await parseBody(request, closeOutReviewSchema)));
});
