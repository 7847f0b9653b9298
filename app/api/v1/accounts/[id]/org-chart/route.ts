import { apiRoute, json } from "@/lib/api/http";
import { getOrgChart } from "@/lib/data/contacts";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/:id/org-chart — the account's contacts as a nested reports-to tree
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getOrgChart(ctx, id));
});
