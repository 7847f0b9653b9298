import { apiRoute, json } from "@/lib/api/http";
import { cancelImport } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

// POST /api/v1/imports/:id/cancel — stop a running import after its current batch (resume with start)
export const POST = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return json(await cancelImport(ctx, id));
});
