import { apiRoute, created, json, parseBody } from "@/lib/api/http";
import { createApiToken, listApiTokens } from "@/lib/data/tokens";
import { tokenCreateSchema } from "@/lib/validations/token";

export const dynamic = "force-dynamic";

// GET /api/v1/tokens — the caller's active personal API tokens, without their secrets
export const GET = apiRoute(async (_request, ctx) => {
  return json(await listApiTokens(ctx));
});

// POST /api/v1/tokens — create a personal API token; the secret appears only in this response
export const POST = apiRoute(async (request, ctx) => {
  return created(await createApiToken(ctx, await parseBody(request, tokenCreateSchema)));
});
