import { apiRoute, created, json, parseBody } from "@/lib/api/http";
import { createContact, listContacts } from "@/lib/data/accounts";
import { contactCreateSchema } from "@/lib/validations/account";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/:id/contacts — the account's contacts, alphabetical
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await listContacts(ctx, id));
});

// POST /api/v1/accounts/:id/contacts — add a contact to the account
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return created(await createContact(ctx, id, await parseBody(request, contactCreateSchema)));
});
