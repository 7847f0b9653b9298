import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getAnalysisDocument, saveAnalysisDocument } from "@/lib/data/analysis";
import { competitorsSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/competitors — the deal's competitors and golden triangles (version 0 = never saved: the empty default)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getAnalysisDocument(ctx, id, "COMPETITORS"));
});

// PUT /api/v1/opportunities/:id/competitors — replace the the deal's competitors and golden triangles; send the version you read (stale → 409)
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await saveAnalysisDocument(ctx, id, "COMPETITORS", await parseBody(request, competitorsSchema)));
});
