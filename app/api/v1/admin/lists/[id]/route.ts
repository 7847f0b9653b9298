import { apiRoute, json, parseBody } from "@/lib/api/http";
import { updateListItem } from "@/lib/data/lists";
import { listItemUpdateSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// PATCH /api/v1/admin/lists/:id — relabel, deactivate or reactivate an item; its key never changes
export const PATCH = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  return json(await updateListItem(ctx, id, await parseBody(request, listItemUpdateSchema)));
});
