"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { createGateCriterion, deleteGateCriterion, updateGateCriterion } from "@/lib/data/gates";
import { updateStageSetting } from "@/lib/data/stage-config";
import { isStageKey } from "@/lib/domain/stages";
import { notFound } from "@/lib/errors";
import { gateCriterionInputSchema } from "@/lib/validations/gates";
import { stageSettingUpdateSchema } from "@/lib/validations/stage-config";
import { runAction } from "../../_lib/action";

// /admin/stages: the same data functions as /api/v1/admin/stages and /api/v1/admin/gates.

export async function updateStageSettingAction(key: string, input: unknown) {
  return runAction(async (ctx) => {
    if (!isStageKey(key)) throw notFound("Stage");
    const saved = await updateStageSetting(ctx, key, parseWith(stageSettingUpdateSchema, input));
    revalidatePath("/admin/stages");
    return { key: saved.key };
  });
}

export async function createGateCriterionAction(input: unknown) {
  return runAction(async (ctx) => {
    const saved = await createGateCriterion(ctx, parseWith(gateCriterionInputSchema, input));
    revalidatePath("/admin/stages");
    return { id: saved.id };
  });
}

export async function updateGateCriterionAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const saved = await updateGateCriterion(ctx, String(id), parseWith(gateCriterionInputSchema, input));
    revalidatePath("/admin/stages");
    return { id: saved.id };
  });
}

export async function deleteGateCriterionAction(id: string) {
  return runAction(async (ctx) => {
    await deleteGateCriterion(ctx, String(id));
    revalidatePath("/admin/stages");
    return null;
  });
}
