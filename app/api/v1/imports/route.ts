import { apiRoute, created, json, parseQuery } from "@/lib/api/http";
import { readUploadedFile } from "@/lib/api/multipart";
import { createImportJob, listImportJobs, MAX_IMPORT_BYTES } from "@/lib/data/imports";
import { importUploadQuerySchema } from "@/lib/validations/import";

export const dynamic = "force-dynamic";

// GET /api/v1/imports — the caller's recent imports (an admin's: the org's), newest first
export const GET = apiRoute(async (_request, ctx) => {
  return json({ data: await listImportJobs(ctx) });
});

// POST /api/v1/imports — upload a CSV or .xlsx file of accounts, contacts or deals; answers its columns and a suggested mapping
export const POST = apiRoute(async (request, ctx) => {
  const { entity } = parseQuery(request, importUploadQuerySchema);
  const job = await createImportJob(ctx, entity, await readUploadedFile(request, MAX_IMPORT_BYTES + 64 * 1024));
  return created(job, `/api/v1/imports/${job.id}`);
});
