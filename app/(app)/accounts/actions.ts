"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { createAccount, createContact } from "@/lib/data/accounts";
import { accountCreateSchema, contactCreateSchema } from "@/lib/validations/account";
import { runAction } from "../_lib/action";

// Server actions behind the account pages: authenticated by runAction, parsed with the shared zod
// schemas, authorized by lib/data.

export async function createAccountAction(input: unknown) {
  return runAction(async (ctx) => {
    const account = await createAccount(ctx, parseWith(accountCreateSchema, input));
    revalidatePath("/accounts");
    return { id: account.id };
  });
}

export async function createContactAction(accountId: string, input: unknown) {
  return runAction(async (ctx) => {
    const contact = await createContact(ctx, String(accountId), parseWith(contactCreateSchema, input));
    revalidatePath(`/accounts/${contact.accountId}`);
    return { id: contact.id };
  });
}
