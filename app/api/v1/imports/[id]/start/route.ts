import { apiRoute, json, parseBody } from "@/lib/api/http";
import { startImport } from "@/lib/data/imports";
import { importStartSchema } from "@/lib/validations/import";

export const dynamic = "force-dynamic";

// POST /api/v1/imports/:id/start — run (or resume) the import in the background; poll GET /api/v1/imports/:id
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { mapping } = await parseBody(request, importStartSchema);
  return json(await startImport(ctx, id, mapping));
});
