import { apiRoute, noContent, parseBody } from "@/lib/api/http";
import { changeOwnPassword } from "@/lib/data/passwords";
import { passwordChangeSchema } from "@/lib/validations/password";

export const dynamic = "force-dynamic";

// POST /api/v1/me/password — change your own password (proving the current one); every session ends
export const POST = apiRoute(async (request, ctx) => {
  await changeOwnPassword(ctx, await parseBody(request, passwordChangeSchema));
  return noContent();
});
