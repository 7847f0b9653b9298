import { apiRoute, json, parseBody } from "@/lib/api/http";
import { getAnalysisSettings, updateAnalysisSettings } from "@/lib/data/health";
import { assertCan } from "@/lib/permissions";
import { analysisSettingsSchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/analysis-settings — health-score weights and grade thresholds; admins only
export const GET = apiRoute(async (_request, ctx) => {
  assertCan(ctx, "analysis.configure");
  return json(await getAnalysisSettings(ctx));
});

// PUT /api/v1/admin/analysis-settings — replace the weights and thresholds; audited
export const PUT = apiRoute(async (request, ctx) => {
  return json(await updateAnalysisSettings(ctx, await parseBody(request, analysisSettingsSchema)));
});
