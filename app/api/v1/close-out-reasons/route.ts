import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { reportCloseOutReasons } from "@/lib/data/close-out";
import { reasonReportQuerySchema } from "@/lib/validations/analysis";

export const dynamic = "force-dynamic";

// GET /api/v1/close-out-reasons — win/loss reasons across the visible closed deals' reviews, by period (closed between from and to) and team
export const GET = apiRoute(async (request, ctx) => json(await reportCloseOutReasons(ctx, parseQuery(request, reasonReportQuerySchema))));
