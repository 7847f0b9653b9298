import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getAnalysisDocument, saveAnalysisDocument } from "@/lib/data/analysis";
import { fishboneSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/fishbone — the deal's fishbone (version 0 = never saved: the empty default)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getAnalysisDocument(ctx, id, "FISHBONE"));
});

// PUT /api/v1/opportunities/:id/fishbone — replace the the deal's fishbone; send the version you read (stale → 409)
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await saveAnalysisDocument(ctx, id, "FISHBONE", await parseBody(request, fishboneSchema)));
});
