"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { recordReviewDecision, setReviewDecisionStatus } from "@/lib/data/review-meeting";
import { reviewDecisionSchema, reviewDecisionStatusSchema } from "@/lib/validations/analysis";
import { runAction } from "../_lib/action";

export async function recordReviewDecisionAction(opportunityId: string, input: unknown) {
  return runAction(async (ctx) => {
    await recordReviewDecision(ctx, opportunityId, parseWith(reviewDecisionSchema, input));
    revalidatePath("/review-meeting");
    return null;
  });
}

export async function setReviewDecisionStatusAction(decisionId: string, input: unknown) {
  return runAction(async (ctx) => {
    await setReviewDecisionStatus(ctx, String(decisionId), parseWith(reviewDecisionStatusSchema, input));
    revalidatePath("/review-meeting");
    return null;
  });
}
