import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { listForecastDeals } from "@/lib/data/forecast";
import { forecastDealsQuerySchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast/deals — the deals that make up one forecast cell (drill-down)
export const GET = apiRoute(async (request, ctx) => json(await listForecastDeals(ctx, parseQuery(request, forecastDealsQuerySchema))));
