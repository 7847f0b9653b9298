import { apiRoute, json, parseBody } from "@/lib/api/http";
import { reassignOpenDeals } from "@/lib/data/admin-users";
import { reassignDealsSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// POST /api/v1/admin/users/:id/reassign-deals — hand all of the user's open deals to another active owner
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { toUserId } = await parseBody(request, reassignDealsSchema);
  return json(await reassignOpenDeals(ctx, id, toUserId));
});
