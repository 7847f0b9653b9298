import { apiRoute, json, parseBody } from "@/lib/api/http";
import { auditMetaOf } from "@/lib/api/request-meta";
import { updateStageSetting } from "@/lib/data/stage-config";
import { notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { stageSchema } from "@/lib/validations/common";
import { stageSettingUpdateSchema } from "@/lib/validations/stage-config";

export const dynamic = "force-dynamic";

// PUT /api/v1/admin/stages/:key — change one stage's name, probability, limit, decision stage or guidance (audited)
export const PUT = apiRoute<{ key: string }>(async (request, ctx, { key }) => {
  // Refuse non-admins before reading the body, so they learn nothing from validation errors.
  assertCan(ctx, "gates.configure");
  const stage = stageSchema.safeParse(key);
  if (!stage.success) throw notFound("Stage");
  return json(await updateStageSetting(ctx, stage.data, await parseBody(request, stageSettingUpdateSchema), auditMetaOf(request)));
});
