import { apiRoute, json } from "@/lib/api/http";
import { getCloseOutFormOptions } from "@/lib/data/close-out";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/review/options — what the review form offers: the review, the reason lists, the deal's competitors
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => json(await getCloseOutFormOptions(ctx, id)));
