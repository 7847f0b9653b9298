import { apiRoute, created, json } from "@/lib/api/http";
import { readUploadedFile } from "@/lib/api/multipart";
import { listOpportunityFiles, uploadOpportunityFile } from "@/lib/data/files";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/:id/files — the deal's uploaded evidence files, newest first
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => json(await listOpportunityFiles(ctx, id)));

// POST /api/v1/opportunities/:id/files — upload one evidence file (multipart/form-data, field "file", at most 10 MB)
export const POST = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  const file = await uploadOpportunityFile(ctx, id, await readUploadedFile(request));
  return created({ id: file.id, name: file.name, size: file.size, mime: file.mime, createdAt: file.createdAt }, `/api/v1/files/${file.id}`);
});
