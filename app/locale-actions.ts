"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/forms/action-result";
import { getSessionContext } from "@/lib/auth";
import { updateOwnLocale } from "@/lib/data/users";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Switches the UI language: stored on the signed-in user (so it follows them to other devices) and in
 * the crm-locale cookie (so signed-out pages such as /login keep it too).
 */
export async function changeLocaleAction(locale: string): Promise<ActionResult> {
  if (!isLocale(locale)) {
    return { ok: false, code: "VALIDATION", message: "Unsupported language.", fieldErrors: [{ path: "locale", message: "Use en or zh-CN." }] };
  }
  const ctx = await getSessionContext();
  if (ctx) await updateOwnLocale(ctx, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: false });
  revalidatePath("/", "layout");
  return { ok: true, data: null };
}
