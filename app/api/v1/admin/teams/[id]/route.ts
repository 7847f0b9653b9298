import { apiRoute, json, parseBody } from "@/lib/api/http";
import { updateTeam } from "@/lib/data/admin-teams";
import { teamUpdateSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// PATCH /api/v1/admin/teams/:id — rename, change kind, manager or members (admins only)
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await updateTeam(ctx, id, await parseBody(request, teamUpdateSchema)));
});
