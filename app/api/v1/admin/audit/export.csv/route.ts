import { apiRoute, parseQuery } from "@/lib/api/http";
import { auditExportFileName, openAuditCsvExport } from "@/lib/data/audit-view";
import { isLocale } from "@/lib/i18n/config";
import { getMessages } from "@/lib/i18n/server";
import { auditQuerySchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/audit/export.csv — the filtered audit trail as CSV, streamed page by page (admins only)
export const GET = apiRoute(async (request, ctx) => {
  const filters = parseQuery(request, auditQuerySchema);
  const locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const stream = await openAuditCsvExport(ctx, filters, getMessages(locale).admin.audit.csv);
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${auditExportFileName()}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
