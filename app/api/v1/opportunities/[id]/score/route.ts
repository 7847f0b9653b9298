import { apiRoute, json } from "@/lib/api/http";
import { getHealthScore } from "@/lib/data/health";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/score — the health score 0–100, its grade and each factor's contribution
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getHealthScore(ctx, id));
});
