"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { decideApproval } from "@/lib/data/approvals";
import { approvalDecisionSchema } from "@/lib/validations/gates";
import { runAction } from "../_lib/action";

// /approvals: the same data function as POST /api/v1/approvals/:id/decision (it checks who may decide).
export async function decideApprovalAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const saved = await decideApproval(ctx, String(id), parseWith(approvalDecisionSchema, input));
    revalidatePath("/approvals");
    return { id: saved.id, status: saved.status };
  });
}
