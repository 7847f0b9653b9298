import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getProfileTemplate, updateProfileTemplate } from "@/lib/data/account-profile";
import { profileTemplateSchema } from "@/lib/validations/buying-center";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/profile-template — the key-account profile template's sections
export const GET = apiRoute(async (_request, ctx) => {
  return json({ sections: await getProfileTemplate(ctx) });
});

// PUT /api/v1/admin/profile-template — replace the template's sections (admins); audited
export const PUT = apiRoute(async (request, ctx) => {
  return json({ sections: await updateProfileTemplate(ctx, await parseBody(request, profileTemplateSchema)) });
});
