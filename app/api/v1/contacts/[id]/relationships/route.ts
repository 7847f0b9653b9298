import { apiRoute, json, parseBody } from "@/lib/api/http";
import { listContactRelationships, setContactRelationship } from "@/lib/data/relationships";
import { relationshipSetSchema } from "@/lib/validations/buying-center";

export const dynamic = "force-dynamic";

// GET /api/v1/contacts/:id/relationships — who of ours holds which degree with the contact, and the history
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await listContactRelationships(ctx, id));
});

// PUT /api/v1/contacts/:id/relationships — set one user's degree (0–5) with a note; appended to history
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await setContactRelationship(ctx, id, await parseBody(request, relationshipSetSchema)));
});
