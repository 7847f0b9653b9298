import { apiRoute, json } from "@/lib/api/http";
import { getProfile } from "@/lib/data/users";

export const dynamic = "force-dynamic";

// GET /api/v1/me — who the caller is: role, organization, teams and language
export const GET = apiRoute(async (_request, ctx) => {
  const profile = await getProfile(ctx);
  return json({
    id: profile.id,
    email: profile.email,
    name: profile.name,
    role: profile.role,
    orgId: profile.orgId,
    teamIds: profile.teamIds,
    locale: profile.locale,
  });
});
