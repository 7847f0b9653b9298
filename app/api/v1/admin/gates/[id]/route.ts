import { apiRoute, json, noContent, parseBody } from "@/lib/api/http";
import { auditMetaOf } from "@/lib/api/request-meta";
import { deleteGateCriterion, updateGateCriterion } from "@/lib/data/gates";
import { assertCan } from "@/lib/permissions";
import { gateCriterionInputSchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

// PUT /api/v1/admin/gates/:id — replace a criterion's stage, kind, label, config and mode (audited)
export const PUT = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  assertCan(ctx, "gates.configure");
  return json(await updateGateCriterion(ctx, id, await parseBody(request, gateCriterionInputSchema), auditMetaOf(request)));
});

// DELETE /api/v1/admin/gates/:id — remove a criterion from its stage's gate (audited)
export const DELETE = apiRoute<{ id: string }>(async (request, ctx, { id }) => {
  assertCan(ctx, "gates.configure");
  await deleteGateCriterion(ctx, id, auditMetaOf(request));
  return noContent();
});
