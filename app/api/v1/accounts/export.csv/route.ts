import { apiRoute } from "@/lib/api/http";
import { csvHeaderLine, csvLines, UTF8_BOM } from "@/lib/csv";
import { ACCOUNT_EXPORT_COLUMNS, accountBatches } from "@/lib/data/xlsx-export";

export const dynamic = "force-dynamic";

// GET /api/v1/accounts/export.csv — every live account of the organization as CSV, streamed in keyset batches
export const GET = apiRoute(async (_request, ctx) => {
  const next = accountBatches(ctx);
  const encoder = new TextEncoder();
  let isHeaderSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvHeaderLine(ACCOUNT_EXPORT_COLUMNS)));
        return;
      }
      const rows = await next();
      if (rows) controller.enqueue(encoder.encode(csvLines(ACCOUNT_EXPORT_COLUMNS, rows)));
      else controller.close();
    },
  }, { highWaterMark: 1 });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="accounts-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
