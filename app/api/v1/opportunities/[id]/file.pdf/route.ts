import { apiRoute } from "@/lib/api/http";
import { loadProjectFile, recordProjectFileExport } from "@/lib/data/project-file";
import { isLocale } from "@/lib/i18n/config";
import { getMessages } from "@/lib/i18n/server";
import { renderProjectFilePdf } from "@/lib/pdf/project-file-pdf";

export const dynamic = "force-dynamic";
// pdfkit reads its font files from disk.
export const runtime = "nodejs";

// GET /api/v1/opportunities/:id/file.pdf — the deal's project file (档案) as a PDF in the caller's language; audited as an export
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  const locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const file = await loadProjectFile(ctx, id);
  const pdf = await renderProjectFilePdf(file, getMessages(locale), locale);
  await recordProjectFileExport(ctx, file.deal.id);
  const name = `project-file-${file.deal.id.slice(0, 8)}.pdf`;
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
      "content-length": String(pdf.length),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
