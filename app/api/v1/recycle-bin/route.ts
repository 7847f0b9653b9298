import { apiRoute, json, parseQuery } from "@/lib/api/http";
import { listRecycleBin } from "@/lib/data/recycle-bin";
import { recycleBinQuerySchema } from "@/lib/validations/recycle-bin";

export const dynamic = "force-dynamic";

// GET /api/v1/recycle-bin — deleted accounts, contacts and deals the caller may see, newest deletion first
export const GET = apiRoute(async (request, ctx) => {
  return json({ data: await listRecycleBin(ctx, parseQuery(request, recycleBinQuerySchema)) });
});
