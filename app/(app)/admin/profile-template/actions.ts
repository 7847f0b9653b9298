"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { updateProfileTemplate } from "@/lib/data/account-profile";
import { profileTemplateSchema } from "@/lib/validations/buying-center";
import { runAction } from "../../_lib/action";

export async function updateProfileTemplateAction(input: unknown) {
  return runAction(async (ctx) => {
    await updateProfileTemplate(ctx, parseWith(profileTemplateSchema, input));
    revalidatePath("/admin/profile-template");
    return null;
  });
}
