import { apiRoute } from "@/lib/api/http";
import { openAccountXlsxExport } from "@/lib/data/xlsx-export";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/export.xlsx — every live account of the organization as a streamed Excel workbook
export const GET = apiRoute(async (_request, ctx) => {
  return new Response(openAccountXlsxExport(ctx), {
    status: 200,
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="accounts-${new Date().toISOString().slice(0, 10)}.xlsx"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
