import { apiRoute, noContent, parseBody } from "@/lib/api/http";
import { resetUserPassword } from "@/lib/data/passwords";
import { passwordResetSchema } from "@/lib/validations/password";

export const dynamic = "force-dynamic";

// POST /api/v1/admin/users/:id/password — set a user's new password; their sessions end (admins only)
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { password } = await parseBody(request, passwordResetSchema);
  await resetUserPassword(ctx, id, password);
  return noContent();
});
