import { apiRoute, json, noContent, parseBody } from "@/lib/api/http";
import { deleteContact } from "@/lib/data/accounts";
import { getContact, updateContact } from "@/lib/data/contacts";
import { contactUpdateSchema } from "@/lib/validations/buying-center";

export const dynamic = "force-dynamic";

// GET /api/v1/contacts/:id — one contact with its org-chart fields and strongest relationship degree
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getContact(ctx, id));
});

// PATCH /api/v1/contacts/:id — edit a contact; a reports-to cycle or a manager from another account → 422
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await updateContact(ctx, id, await parseBody(request, contactUpdateSchema)));
});

// DELETE /api/v1/contacts/:id — move a contact to the recycle bin (its account's owner, managers, admins)
export const DELETE = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  await deleteContact(ctx, id);
  return noContent();
});
