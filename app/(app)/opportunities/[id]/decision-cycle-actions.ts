"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { changeDecisionStage, setPurchaseStep } from "@/lib/data/decision-cycle";
import { decisionStageChangeSchema, purchaseStepUpdateSchema } from "@/lib/validations/decision-cycle";
import { runAction } from "../../_lib/action";

// The deal page's decision cycle: the same data functions as /api/v1/opportunities/:id/decision-cycle|purchase-steps.

export async function changeDecisionStageAction(opportunityId: string, input: unknown) {
  return runAction(async (ctx) => {
    const cycle = await changeDecisionStage(ctx, String(opportunityId), parseWith(decisionStageChangeSchema, input));
    revalidatePath(`/opportunities/${opportunityId}`, "layout");
    return { stage: cycle.stage };
  });
}

export async function setPurchaseStepAction(opportunityId: string, step: string, input: unknown) {
  return runAction(async (ctx) => {
    const saved = await setPurchaseStep(ctx, String(opportunityId), String(step), parseWith(purchaseStepUpdateSchema, input));
    revalidatePath(`/opportunities/${opportunityId}/decision-cycle`);
    return saved;
  });
}
