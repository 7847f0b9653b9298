import { apiRoute, json, noContent, parseBody } from "@/lib/api/http";
import { tickChecklistItem, untickChecklistItem } from "@/lib/data/checklist";
import { checklistTickSchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

type Params = { id: string; criterionId: string };

// POST /api/v1/opportunities/:id/checklist/:criterionId — tick a checklist item with evidence (an activity or a file of the deal)
export const POST = apiRoute<Params>(async (request, ctx, { id, criterionId }) => {
  return json(await tickChecklistItem(ctx, id, criterionId, await parseBody(request, checklistTickSchema)));
});

// DELETE /api/v1/opportunities/:id/checklist/:criterionId — untick a checklist item
export const DELETE = apiRoute<Params>(async (_request, ctx, { id, criterionId }) => {
  await untickChecklistItem(ctx, id, criterionId);
  return noContent();
});
