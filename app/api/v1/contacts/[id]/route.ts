import { apiRoute, noContent } from "@/lib/api/http";
import { deleteContact } from "@/lib/data/accounts";

export const dynamic = "force-dynamic";

// DELETE /api/v1/contacts/:id — move a contact to the recycle bin (its account's owner, managers, admins)
export const DELETE = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  await deleteContact(ctx, id);
  return noContent();
});
