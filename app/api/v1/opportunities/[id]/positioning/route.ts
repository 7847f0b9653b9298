import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getAnalysisDocument, saveAnalysisDocument } from "@/lib/data/analysis";
import { positioningSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/positioning — the deal's four-element positioning (version 0 = never saved: the empty default)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getAnalysisDocument(ctx, id, "POSITIONING"));
});

// PUT /api/v1/opportunities/:id/positioning — replace the the deal's four-element positioning; send the version you read (stale → 409)
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await saveAnalysisDocument(ctx, id, "POSITIONING", await parseBody(request, positioningSchema)));
});
