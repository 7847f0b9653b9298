import { apiRoute, json, parseBody } from "@/lib/api/http";
import { previewImport } from "@/lib/data/imports";
import { importStartSchema } from "@/lib/validations/import";

export const dynamic = "force-dynamic";

// POST /api/v1/imports/:id/preview — check every row under a mapping, writing nothing
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { mapping } = await parseBody(request, importStartSchema);
  return json(await previewImport(ctx, id, mapping));
});
