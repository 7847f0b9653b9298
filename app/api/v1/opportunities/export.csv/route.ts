import { apiRoute, parseQuery } from "@/lib/api/http";
import { exportFileName, openOpportunityCsvExport } from "@/lib/data/opportunity-export";
import { isLocale } from "@/lib/i18n/config";
import { getMessages } from "@/lib/i18n/server";
import { opportunityExportQuerySchema } from "@/lib/validations/opportunity-table";

export const dynamic = "force-dynamic";

// GET /api/v1/opportunities/export.csv — every visible deal matching the filters as CSV, streamed in keyset
// batches; headers and stage names in the caller's language
export const GET = apiRoute(async (request, ctx) => {
  const query = parseQuery(request, opportunityExportQuerySchema);
  const locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const now = new Date();
  const stream = await openOpportunityCsvExport(ctx, query, { headers: getMessages(locale).opportunityTable.csv, locale, now });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(now)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
