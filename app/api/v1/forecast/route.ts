import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getForecast } from "@/lib/data/forecast";
import { forecastQuerySchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast — weighted forecast of the visible deals closing in [from, to], by up to two dimensions
export const GET = apiRoute(async (request, ctx) => json(await getForecast(ctx, parseQuery(request, forecastQuerySchema))));
