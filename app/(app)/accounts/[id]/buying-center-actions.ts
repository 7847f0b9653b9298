"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { saveAccountProfile } from "@/lib/data/account-profile";
import { replaceBuyingCenter } from "@/lib/data/buying-center";
import { updateContact } from "@/lib/data/contacts";
import { accountProfileSaveSchema, buyingCenterReplaceSchema, contactUpdateSchema } from "@/lib/validations/buying-center";
import { runAction } from "../../_lib/action";

// Server actions of the buying-center pages (issue 6): authenticated by runAction, parsed with the shared
// zod schemas, authorized (and cycle-checked) by lib/data.

export async function updateContactAction(contactId: string, input: unknown) {
  return runAction(async (ctx) => {
    const contact = await updateContact(ctx, String(contactId), parseWith(contactUpdateSchema, input));
    revalidatePath(`/accounts/${contact.accountId}`, "layout");
    return { id: contact.id };
  });
}

export async function saveAccountProfileAction(accountId: string, input: unknown) {
  return runAction(async (ctx) => {
    const profile = await saveAccountProfile(ctx, String(accountId), parseWith(accountProfileSaveSchema, input));
    revalidatePath(`/accounts/${profile.accountId}/profile`);
    return { version: profile.version };
  });
}

export async function replaceBuyingCenterAction(opportunityId: string, input: unknown) {
  return runAction(async (ctx) => {
    const center = await replaceBuyingCenter(ctx, String(opportunityId), parseWith(buyingCenterReplaceSchema, input));
    revalidatePath(`/opportunities/${center.opportunityId}`, "layout");
    return { opportunityId: center.opportunityId };
  });
}
