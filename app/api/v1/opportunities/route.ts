import { apiRoute, created, json, parseBody, parseQuery } from "@/lib/api/http";
import { createOpportunity, listOpportunities } from "@/lib/data/opportunities";
import { opportunityCreateSchema, opportunityListQuerySchema } from "@/lib/validations/opportunity";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities — the deals the caller may see, newest first, filtered and cursor-paginated
export const GET = apiRoute(async (request, ctx) => {
  return json(await listOpportunities(ctx, parseQuery(request, opportunityListQuerySchema)));
});

// POST /api/v1/opportunities — create a deal (for someone else only within the caller's reach)
export const POST = apiRoute(async (request, ctx) => {
  const opportunity = await createOpportunity(ctx, await parseBody(request, opportunityCreateSchema));
  return created(opportunity, `/api/v1/opportunities/${opportunity.id}`);
});
