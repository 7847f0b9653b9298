import { apiRoute, json, parseBody, parseQuery } from "@/lib/api/http";
import { getAccountProfile, saveAccountProfile } from "@/lib/data/account-profile";
import { accountProfileSaveSchema, profileVersionQuerySchema } from "@/lib/validations/buying-center";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/:id/profile — the key-account profile (latest, or ?version=) with its version list
export const GET = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { version } = parseQuery(request, profileVersionQuerySchema);
  return json(await getAccountProfile(ctx, id, version));
});

// PUT /api/v1/accounts/:id/profile — save the profile's sections as a new version
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await saveAccountProfile(ctx, id, await parseBody(request, accountProfileSaveSchema)));
});
