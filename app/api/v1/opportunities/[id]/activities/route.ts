import { apiRoute, created, json, parseBody, parseQuery } from "@/lib/api/http";
import { listOpportunityActivities, logOpportunityActivity } from "@/lib/data/activities";
import { activityCreateSchema, activityListQuerySchema } from "@/lib/validations/activity";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/activities — the deal's activities, newest first (an invisible deal is 404)
export const GET = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await listOpportunityActivities(ctx, id, parseQuery(request, activityListQuerySchema)));
});

// POST /api/v1/opportunities/:id/activities — log an activity; its contacts must belong to the deal's account
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return created(await logOpportunityActivity(ctx, id, await parseBody(request, activityCreateSchema)));
});
