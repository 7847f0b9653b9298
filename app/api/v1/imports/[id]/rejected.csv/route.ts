import { apiRoute } from "@/lib/api/http";
import { buildRejectedReport } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

// GET /api/v1/imports/:id/rejected.csv — the rejected rows with their reasons and original cells
export const GET = apiRoute<{ id: string }>(async (_request, ctx, { id }) => {
  return new Response(await buildRejectedReport(ctx, id), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${id}-rejected.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
