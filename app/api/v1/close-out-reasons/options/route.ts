import { apiRoute, json } from "@/lib/api/http";
import { listCloseOutReasonOptions } from "@/lib/data/close-out";

export const dynamic = "force-dynamic";

// GET /api/v1/close-out-reasons/options — the org's active win and loss reasons, for a review not tied to one stored deal
export const GET = apiRoute(async (_request, ctx) => json({ reasons: await listCloseOutReasonOptions(ctx) }));
