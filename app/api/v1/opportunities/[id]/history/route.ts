import { apiRoute, json } from "@/lib/api/http";
import { listStageHistory } from "@/lib/data/opportunities";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/history — stage changes oldest first, with the probability then in force
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await listStageHistory(ctx, id));
});
