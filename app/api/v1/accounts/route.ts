import { apiRoute, created, json, parseBody, parseQuery } from "@/lib/api/http";
import { createAccount, listAccounts } from "@/lib/data/accounts";
import { accountCreateSchema, accountListQuerySchema } from "@/lib/validations/account";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts — the org's accounts, alphabetical, cursor-paginated, ?q= searches names
export const GET = apiRoute(async (request, ctx) => {
  return json(await listAccounts(ctx, parseQuery(request, accountListQuerySchema)));
});

// POST /api/v1/accounts — create an account (owned by the caller unless ownerId says otherwise)
export const POST = apiRoute(async (request, ctx) => {
  const account = await createAccount(ctx, await parseBody(request, accountCreateSchema));
  return created(account, `/api/v1/accounts/${account.id}`);
});
