import { apiRoute, json } from "@/lib/api/http";
import { listStageSettings } from "@/lib/data/stage-config";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/stages — every stage's effective settings and which the org overrides (admins only)
export const GET = apiRoute(async (_request, ctx) => json(await listStageSettings(ctx)));
