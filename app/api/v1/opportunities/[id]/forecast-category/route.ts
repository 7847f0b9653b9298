import { apiRoute, json, parseBody } from "@/lib/api/http";
import { setForecastCategory } from "@/lib/data/forecast";
import { forecastCategoryUpdateSchema } from "@/lib/validations/forecast";

export const dynamic = "force-dynamic";

// PUT /api/v1/opportunities/:id/forecast-category — the owner's override of an open deal's forecast category
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { category, version } = await parseBody(request, forecastCategoryUpdateSchema);
  return json(await setForecastCategory(ctx, id, category, version));
});
