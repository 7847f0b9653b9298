import { apiRoute, created, json, parseBody } from "@/lib/api/http";
import { createTeam, listAdminTeams } from "@/lib/data/admin-teams";
import { teamCreateSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/teams — the org's teams with kind, manager and members (admins only)
export const GET = apiRoute(async (_request, ctx) => {
  return json({ data: await listAdminTeams(ctx) });
});

// POST /api/v1/admin/teams — create a team (admins only)
export const POST = apiRoute(async (request, ctx) => {
  return created(await createTeam(ctx, await parseBody(request, teamCreateSchema)));
});
