import { apiRoute, json } from "@/lib/api/http";
import { getCalibration } from "@/lib/data/forecast-stats";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast/calibration — configured probability per stage next to the observed win rate, with counts
export const GET = apiRoute(async (_request, ctx) => json(await getCalibration(ctx)));
