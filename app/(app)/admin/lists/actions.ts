"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { createListItem, reorderList, updateListItem } from "@/lib/data/lists";
import { listItemCreateSchema, listItemUpdateSchema, listReorderSchema } from "@/lib/validations/admin";
import { runAction } from "../../_lib/action";

// The org's lists from /admin/lists: the same data functions as /api/v1/admin/lists.

export async function createListItemAction(input: unknown) {
  return runAction(async (ctx) => {
    const item = await createListItem(ctx, parseWith(listItemCreateSchema, input));
    revalidatePath("/admin/lists");
    return { id: item.id, labelEn: item.labelEn, labelZh: item.labelZh };
  });
}

export async function updateListItemAction(id: string, input: unknown) {
  return runAction(async (ctx) => {
    const item = await updateListItem(ctx, String(id), parseWith(listItemUpdateSchema, input));
    revalidatePath("/admin/lists");
    return { id: item.id, labelEn: item.labelEn, labelZh: item.labelZh };
  });
}

export async function reorderListAction(input: unknown) {
  return runAction(async (ctx) => {
    await reorderList(ctx, parseWith(listReorderSchema, input));
    revalidatePath("/admin/lists");
    return null;
  });
}
