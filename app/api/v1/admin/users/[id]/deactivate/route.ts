import { apiRoute, json } from "@/lib/api/http";
import { deactivateUser } from "@/lib/data/admin-users";

export const dynamic = "force-dynamic";

// POST /api/v1/admin/users/:id/deactivate — end the user's sessions and tokens; their deals stay (admins only)
export const POST = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await deactivateUser(ctx, id));
});
