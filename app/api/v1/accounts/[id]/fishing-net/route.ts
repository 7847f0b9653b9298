import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getFishingNet } from "@/lib/data/fishing-net";
import { fishingNetQuerySchema } from "@/lib/validations/buying-center";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/:id/fishing-net — our people × their people with degrees and coverage gaps (?opportunityId=)
export const GET = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { opportunityId } = parseQuery(request, fishingNetQuerySchema);
  return json(await getFishingNet(ctx, id, opportunityId));
});
