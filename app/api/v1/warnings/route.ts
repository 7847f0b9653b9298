import { apiRoute, json, noContent, parseBody, parseQuery } from "@/lib/api/http";
import { actOnWarning, listWarnings } from "@/lib/data/warnings";
import { warningActionSchema, warningQuerySchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/warnings — early warnings on the caller's deals (scope mine|team|org), each explained
export const GET = apiRoute(async (request, ctx) => {
  const { scope, includeDismissed } = parseQuery(request, warningQuerySchema);
  return json({ data: await listWarnings(ctx, scope, { includeDismissed }) });
});

// POST /api/v1/warnings — acknowledge or snooze one warning of a visible deal, for the caller
export const POST = apiRoute(async (request, ctx) => {
  await actOnWarning(ctx, await parseBody(request, warningActionSchema));
  return noContent();
});
