import { apiRoute, json, noContent, parseBody } from "@/lib/api/http";
import { deleteAccount, getAccount, updateAccount } from "@/lib/data/accounts";
import { accountUpdateSchema } from "@/lib/validations/account";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/:id — one account of the caller's org
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getAccount(ctx, id));
});

// PATCH /api/v1/accounts/:id — edit an account (its owner, a manager or an admin)
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await updateAccount(ctx, id, await parseBody(request, accountUpdateSchema)));
});

// DELETE /api/v1/accounts/:id — soft-delete an account that has no live opportunities
export const DELETE = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  await deleteAccount(ctx, id);
  return noContent();
});
