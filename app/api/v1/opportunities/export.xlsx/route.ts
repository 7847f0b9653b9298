import { apiRoute, parseQuery } from "@/lib/api/http";
import { isLocale } from "@/lib/i18n/config";
import { getMessages } from "@/lib/i18n/server";
import { openOpportunityXlsxExport } from "@/lib/data/xlsx-export";
import { opportunityExportQuerySchema } from "@/lib/validations/opportunity-table";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// GET /api/v1/opportunities/export.xlsx — the same deals and columns as export.csv, as a streamed Excel workbook
export const GET = apiRoute(async (request, ctx) => {
  const query = parseQuery(request, opportunityExportQuerySchema);
  const locale = isLocale(ctx.locale) ? ctx.locale : "en";
  const now = new Date();
  const stream = await openOpportunityXlsxExport(ctx, query, { headers: getMessages(locale).opportunityTable.csv, locale, now });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="opportunities-${now.toISOString().slice(0, 10)}.xlsx"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
