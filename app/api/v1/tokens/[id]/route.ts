import { apiRoute, noContent } from "@/lib/api/http";
import { revokeApiToken } from "@/lib/data/tokens";

export const dynamic = "force-dynamic";

// DELETE /api/v1/tokens/:id — revoke one of the caller's own tokens (anyone else's is 404)
export const DELETE = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  await revokeApiToken(ctx, id);
  return noContent();
});
