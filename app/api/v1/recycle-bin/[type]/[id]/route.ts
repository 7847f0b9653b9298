import { apiRoute, noContent, parseWith } from "@/lib/api/http";
import { hardDeleteFromRecycleBin } from "@/lib/data/recycle-bin";
import { recycleBinTypeSchema } from "@/lib/validations/recycle-bin";

export const dynamic = "force-dynamic";

// DELETE /api/v1/recycle-bin/:type/:id — remove a deleted record for good (administrators only)
export const DELETE = apiRoute<{ type: string; id: string }>(async (_request, ctx, { type, id }) => {
  await hardDeleteFromRecycleBin(ctx, parseWith(recycleBinTypeSchema, type), id);
  return noContent();
});
