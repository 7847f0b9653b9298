import { apiRoute, json, noContent, parseBody, parseQuery } from "@/lib/api/http";
import { opportunityDeleteQuerySchema } from "@/lib/api/schemas";
import { deleteOpportunity, getOpportunity, updateOpportunity } from "@/lib/data/opportunities";
import { opportunityUpdateSchema } from "@/lib/validations/opportunity";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id — one visible deal (an invisible one is 404, like a missing one)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getOpportunity(ctx, id));
});

// PATCH /api/v1/opportunities/:id — edit a deal against the version last read (stale → 409)
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await updateOpportunity(ctx, id, await parseBody(request, opportunityUpdateSchema)));
});

// DELETE /api/v1/opportunities/:id — soft-delete a deal; ?version= makes it conditional
export const DELETE = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { version } = parseQuery(request, opportunityDeleteQuerySchema);
  await deleteOpportunity(ctx, id, version);
  return noContent();
});
