import { apiRoute, json } from "@/lib/api/http";
import { getStageTable } from "@/lib/data/stage-config";
import { listStages } from "@/lib/domain/stages";

export const dynamic = "force-dynamic";

// GET /api/v1/stages — the caller's org stage table; probabilities come from the stage module only
export const GET = apiRoute(async (_request, ctx) => {
  const table = await getStageTable(ctx);
  return json(
    listStages(table).map((stage) => ({
      key: stage.key,
      name: stage.name,
      probability: Number(stage.probability),
      order: stage.order,
      isClosed: stage.isClosed,
      isWon: stage.isWon,
    })),
  );
});
