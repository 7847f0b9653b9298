import { apiRoute, json } from "@/lib/api/http";
import { reactivateUser } from "@/lib/data/admin-users";

export const dynamic = "force-dynamic";

// POST /api/v1/admin/users/:id/reactivate — let a deactivated user sign in again (admins only)
export const POST = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await reactivateUser(ctx, id));
});
