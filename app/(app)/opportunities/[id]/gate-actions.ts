"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { requestApproval } from "@/lib/data/approvals";
import { tickChecklistItem, untickChecklistItem } from "@/lib/data/checklist";
import { approvalCreateSchema, checklistTickSchema } from "@/lib/validations/gates";
import { runAction } from "../../_lib/action";

// The deal page's gate checklist: the same data functions as /api/v1/opportunities/:id/checklist|approvals.

export async function tickChecklistAction(opportunityId: string, criterionId: string, input: unknown) {
  return runAction(async (ctx) => {
    await tickChecklistItem(ctx, String(opportunityId), String(criterionId), parseWith(checklistTickSchema, input));
    revalidatePath(`/opportunities/${opportunityId}`);
    return null;
  });
}

export async function untickChecklistAction(opportunityId: string, criterionId: string) {
  return runAction(async (ctx) => {
    await untickChecklistItem(ctx, String(opportunityId), String(criterionId));
    revalidatePath(`/opportunities/${opportunityId}`);
    return null;
  });
}

export async function requestApprovalAction(opportunityId: string, input: unknown) {
  return runAction(async (ctx) => {
    const saved = await requestApproval(ctx, String(opportunityId), parseWith(approvalCreateSchema, input));
    revalidatePath(`/opportunities/${opportunityId}`);
    return { id: saved.id };
  });
}
