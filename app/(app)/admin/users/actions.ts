"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { createUser, deactivateUser, reactivateUser, reassignOpenDeals, updateUser } from "@/lib/data/admin-users";
import { resetUserPassword } from "@/lib/data/passwords";
import { reassignDealsSchema, userCreateSchema, userUpdateSchema } from "@/lib/validations/admin";
import { passwordResetSchema } from "@/lib/validations/password";
import { runAction } from "../../_lib/action";

// User administration from /admin/users: the same data functions (and permission checks) as /api/v1/admin/users.

export async function createUserAction(input: unknown) {
  return runAction(async (ctx) => {
    const user = await createUser(ctx, parseWith(userCreateSchema, input));
    revalidatePath("/admin/users");
    return { id: user.id, name: user.name };
  });
}

export async function updateUserAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const user = await updateUser(ctx, String(id), parseWith(userUpdateSchema, input));
    revalidatePath("/admin", "layout");
    return { id: user.id, name: user.name };
  });
}

export async function deactivateUserAction(id: string) {
  return runAction(async (ctx) => {
    const user = await deactivateUser(ctx, String(id));
    revalidatePath("/admin", "layout");
    return { id: user.id, name: user.name };
  });
}

export async function reactivateUserAction(id: string) {
  return runAction(async (ctx) => {
    const user = await reactivateUser(ctx, String(id));
    revalidatePath("/admin", "layout");
    return { id: user.id, name: user.name };
  });
}

export async function reassignDealsAction(fromUserId: string, input: unknown) {
  return runAction(async (ctx) => {
    const { toUserId } = parseWith(reassignDealsSchema, input);
    const result = await reassignOpenDeals(ctx, String(fromUserId), toUserId);
    revalidatePath("/admin/users");
    return { moved: result.moved };
  });
}

export async function resetPasswordAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    await resetUserPassword(ctx, String(id), parseWith(passwordResetSchema, input).password);
    return null;
  });
}
