"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { changeOwnPassword } from "@/lib/data/passwords";
import { createApiToken, revokeApiToken } from "@/lib/data/tokens";
import { passwordChangeSchema } from "@/lib/validations/password";
import { tokenCreateSchema } from "@/lib/validations/token";
import { runAction } from "../_lib/action";

// Personal API tokens from the settings page; the same data-layer functions as /api/v1/tokens.

export async function createTokenAction(input: unknown) {
  return runAction(async (ctx) => {
    const created = await createApiToken(ctx, parseWith(tokenCreateSchema, input));
    revalidatePath("/settings");
    // The secret goes back to this one response only; it is stored hashed.
    return { id: created.id, token: created.token };
  });
}

export async function revokeTokenAction(id: string) {
  return runAction(async (ctx) => {
    await revokeApiToken(ctx, String(id));
    revalidatePath("/settings");
    return null;
  });
}

/** Changes the caller's password; every session ends, this one too (the form then signs out). */
export async function changePasswordAction(input: unknown) {
  return runAction(async (ctx) => {
    await changeOwnPassword(ctx, parseWith(passwordChangeSchema, input));
    return null;
  });
}
