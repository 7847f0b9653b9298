import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getAnalysisDocument, saveAnalysisDocument } from "@/lib/data/analysis";
import { swotSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/swot — the deal's SWOT and TOWS strategies (version 0 = never saved: the empty default)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getAnalysisDocument(ctx, id, "SWOT"));
});

// PUT /api/v1/opportunities/:id/swot — replace the the deal's SWOT and TOWS strategies; send the version you read (stale → 409)
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await saveAnalysisDocument(ctx, id, "SWOT", await parseBody(request, swotSchema)));
});
