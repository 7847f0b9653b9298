import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getDecisionSummary } from "@/lib/data/decision-portfolio";
import { decisionSummaryQuerySchema } from "@/lib/validations/decision-cycle";

export const dynamic = "force-dynamic";

// GET /api/v1/decision-cycle/summary — accounts and open deals per customer decision stage (?scope=mine|team|org)
export const GET = apiRoute(async (request, ctx) => {
  const { scope } = parseQuery(request, decisionSummaryQuerySchema);
  return json(await getDecisionSummary(ctx, scope));
});
