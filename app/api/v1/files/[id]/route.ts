import { apiRoute } from "@/lib/api/http";
import { readStoredFile } from "@/lib/data/files";

export const dynamic = "force-dynamic";

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// GET /api/v1/files/:id — download an evidence file of a deal the caller can see
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  const file = await readStoredFile(ctx, id);
  return new Response(Buffer.from(file.data), {
    status: 200,
    headers: {
      "content-type": file.mime,
      "content-length": String(file.data.byteLength),
      // Always a download, never rendered on our origin.
      "content-disposition": contentDisposition(file.name),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
});
