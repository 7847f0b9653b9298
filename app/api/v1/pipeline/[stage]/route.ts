import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { listPipelineColumn } from "@/lib/data/pipeline";
import { pipelineColumnQuerySchema } from "@/lib/validations/pipeline";

export const dynamic = "force-dynamic";

// GET /api/v1/pipeline/:stage — more cards of one column, with the board's filters and the cursor it gave
export const GET = apiRoute<{ stage: string }>(async (request, ctx, { stage }) => {
  return json(await listPipelineColumn(ctx, stage, parseQuery(request, pipelineColumnQuerySchema)));
});
