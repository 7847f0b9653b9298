import { apiRoute, json } from "@/lib/api/http";
import { getImportJob } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

// GET /api/v1/imports/:id — one import with its progress (polled while it runs)
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await getImportJob(ctx, id));
});
