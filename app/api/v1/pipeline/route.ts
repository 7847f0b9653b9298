import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getPipelineBoard } from "@/lib/data/pipeline";
import { pipelineBoardQuerySchema } from "@/lib/validations/pipeline";

export const dynamic = "force-dynamic";

// GET /api/v1/pipeline — the board: per stage (P0…P7, LOST) the count, amount and weighted amount over the
// whole filtered visible set, and the first cards with a cursor for more
export const GET = apiRoute(async (request, ctx) => {
  const { columns } = await getPipelineBoard(ctx, parseQuery(request, pipelineBoardQuerySchema));
  return json({ columns });
});
