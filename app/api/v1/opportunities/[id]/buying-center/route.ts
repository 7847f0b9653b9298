import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getBuyingCenter, replaceBuyingCenter } from "@/lib/data/buying-center";
import { buyingCenterReplaceSchema } from "@/lib/validations/buying-center";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/buying-center — the deal's contacts, their roles in it, degrees and red flags
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getBuyingCenter(ctx, id));
});

// PUT /api/v1/opportunities/:id/buying-center — replace the deal's buying center
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await replaceBuyingCenter(ctx, id, await parseBody(request, buyingCenterReplaceSchema)));
});
