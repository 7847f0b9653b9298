"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import {
  createOpportunity, deleteOpportunity, moveOpportunityToStage, updateOpportunity,
} from "@/lib/data/opportunities";
import { opportunityCreateSchema, opportunityUpdateSchema, stageMoveSchema } from "@/lib/validations/opportunity";
import { runAction } from "../_lib/action";

// Server actions behind the opportunity pages. Each is a public endpoint: runAction authenticates,
// the shared zod schema parses, and lib/data authorizes (an invisible deal is "not found").

export async function createOpportunityAction(input: unknown) {
  return runAction(async (ctx) => {
    const created = await createOpportunity(ctx, parseWith(opportunityCreateSchema, input));
    revalidatePath("/opportunities");
    return { id: created.id };
  });
}

export async function updateOpportunityAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const updated = await updateOpportunity(ctx, String(id), parseWith(opportunityUpdateSchema, input));
    revalidatePath("/opportunities");
    return { id: updated.id };
  });
}

export async function moveOpportunityStageAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const moved = await moveOpportunityToStage(ctx, String(id), parseWith(stageMoveSchema, input));
    revalidatePath(`/opportunities/${moved.id}`);
    return { id: moved.id, stage: moved.stage, version: moved.version };
  });
}

export async function deleteOpportunityAction(id: string, version: number) {
  return runAction(async (ctx) => {
    await deleteOpportunity(ctx, String(id), typeof version === "number" ? version : undefined);
    revalidatePath("/opportunities");
    return null;
  });
}
