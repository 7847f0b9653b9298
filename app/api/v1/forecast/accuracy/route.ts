import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { getForecastAccuracy } from "@/lib/data/forecast-snapshots";
import { accuracyQuerySchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast/accuracy — each readable snapshot of a period against what was won, with the error in %
export const GET = apiRoute(async (request, ctx) => json(await getForecastAccuracy(ctx, parseQuery(request, accuracyQuerySchema).period)));
