import { apiRoute, created, json, parseBody, parseQuery } from "@/lib/api/http";
import { listForecastSnapshots, submitForecast } from "@/lib/data/forecast-snapshots";
import { snapshotCreateSchema, snapshotQuerySchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast/snapshots — frozen forecasts the caller may read (own; a manager's teams; an admin's org)
export const GET = apiRoute(async (request, ctx) => {
  const { period } = parseQuery(request, snapshotQuerySchema);
  return json({ data: await listForecastSnapshots(ctx, period) });
});

// POST /api/v1/forecast/snapshots — submit my forecast for a period (default this quarter), frozen now
export const POST = apiRoute(async (request, ctx) => {
  const { period } = await parseBody(request, snapshotCreateSchema);
  return created(await submitForecast(ctx, period));
});
