import { apiRoute, json, parseBody, parseQuery } from "@/lib/api/http";
import { listQuotaProgress, setQuota } from "@/lib/data/quotas";
import { quotaInputSchema, quotaQuerySchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast/quotas — quota, won, weighted open, attainment and coverage per reachable user and team
export const GET = apiRoute(async (request, ctx) => json({ data: await listQuotaProgress(ctx, parseQuery(request, quotaQuerySchema).period) }));

// PUT /api/v1/forecast/quotas — set one user's or team's quota for a period (managers: their teams; admins)
export const PUT = apiRoute(async (request, ctx) => json(await setQuota(ctx, await parseBody(request, quotaInputSchema))));
