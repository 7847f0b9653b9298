import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getOpportunityGates } from "@/lib/data/gate-status";
import { gateStatusQuerySchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/gates — the gate checklist of a move (?to=, default the next stage) with evidence
export const GET = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { to } = parseQuery(request, gateStatusQuerySchema);
  return json(await getOpportunityGates(ctx, id, to));
});
