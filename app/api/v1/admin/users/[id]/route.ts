import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getAdminUser, updateUser } from "@/lib/data/admin-users";
import { userUpdateSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/users/:id — one user of the org (admins only)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getAdminUser(ctx, id));
});

// PATCH /api/v1/admin/users/:id — change name, role or teams; never your own role nor the last admin's
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await updateUser(ctx, id, await parseBody(request, userUpdateSchema)));
});
