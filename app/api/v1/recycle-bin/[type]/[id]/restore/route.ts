import { apiRoute, noContent, parseWith } from "@/lib/api/http";
import { restoreFromRecycleBin } from "@/lib/data/recycle-bin";
import { recycleBinTypeSchema } from "@/lib/validations/recycle-bin";

export const dynamic = "force-dynamic";

// POST /api/v1/recycle-bin/:type/:id/restore — bring a deleted record back with its history and relations
export const POST = apiRoute<{ type: string; id: string }>(async (_request, ctx, { type, id }) => {
  await restoreFromRecycleBin(ctx, parseWith(recycleBinTypeSchema, type), id);
  return noContent();
});
