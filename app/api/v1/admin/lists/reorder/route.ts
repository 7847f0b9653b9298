import { apiRoute, json, parseBody } from "@/lib/api/http";
import { reorderList } from "@/lib/data/lists";
import { listReorderSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// POST /api/v1/admin/lists/reorder — put one list in a new order (every item exactly once; admins only)
export const POST = apiRoute(async (request, ctx) => {
  return json({ data: await reorderList(ctx, await parseBody(request, listReorderSchema)) });
});
