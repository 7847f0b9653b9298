import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getOpportunityTeam, replaceOpportunityTeam } from "@/lib/data/opportunity-team";
import { teamReplaceSchema } from "@/lib/validations/opportunity-team";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/team — the deal's virtual project team with roles and bonus-pool shares
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getOpportunityTeam(ctx, id));
});

// PUT /api/v1/opportunities/:id/team — replace the whole team; shares must total exactly 100
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await replaceOpportunityTeam(ctx, id, await parseBody(request, teamReplaceSchema)));
});
