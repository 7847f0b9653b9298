import { apiRoute, json } from "@/lib/api/http";
import { getFunnelStats } from "@/lib/data/forecast-stats";

export const dynamic = "force-dynamic";

// GET /api/v1/forecast/funnel — stage conversion, days in stage, win rate, deal size, cycle length, monthly trend
export const GET = apiRoute(async (_request, ctx) => json(await getFunnelStats(ctx)));
