import { apiRoute, created, json, parseBody, parseQuery } from "@/lib/api/http";
import { createListItem, listListItems } from "@/lib/data/lists";
import { listItemCreateSchema, listQuerySchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/lists — the items of one list (?list=) or of all, inactive ones included (admins only)
export const GET = apiRoute(async (request, ctx) => {
  const { list } = parseQuery(request, listQuerySchema);
  return json({ data: await listListItems(ctx, list) });
});

// POST /api/v1/admin/lists — add an item, with English and Chinese labels, at the end of its list
export const POST = apiRoute(async (request, ctx) => {
  return created(await createListItem(ctx, await parseBody(request, listItemCreateSchema)));
});
