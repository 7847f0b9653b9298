import { apiRoute, created, json, parseBody } from "@/lib/api/http";
import { createUser, listAdminUsers } from "@/lib/data/admin-users";
import { userCreateSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/users — every user of the org with role, teams, state and open-deal count (admins only)
export const GET = apiRoute(async (_request, ctx) => {
  return json({ data: await listAdminUsers(ctx) });
});

// POST /api/v1/admin/users — create a user with an initial password (no email is sent; admins only)
export const POST = apiRoute(async (request, ctx) => {
  const user = await createUser(ctx, await parseBody(request, userCreateSchema));
  return created(user, `/api/v1/admin/users/${user.id}`);
});
