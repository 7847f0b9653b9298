import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getForecast } from "@/lib/data/forecast";
import { forecastQuerySchema, resolveForecastQuery } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast — weighted forecast of the visible deals closing in [from, to] (or the next rollingMonths
// months), by up to two dimensions
export const GET = apiRoute(async (request, ctx) =>
  json(await getForecast(ctx, resolveForecastQuery(parseQuery(request, forecastQuerySchema), new Date()))));
