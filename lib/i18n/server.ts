// The request's language, for server components, layouts and server actions: the signed-in user's
// stored choice wins (it follows them across devices), then the crm-locale cookie (signed-out pages,
// e.g. /login), then the browser's Accept-Language.
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getSessionContext } from "@/lib/auth";
import { en, type Messages } from "@/messages/en";
import { zhCN } from "@/messages/zh-CN";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./config";

const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export const getLocale = cache(async (): Promise<Locale> => {
  const ctx = await getSessionContext().catch(() => null);
  if (ctx && isLocale(ctx.locale)) return ctx.locale;
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export function getMessages(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** Locale and messages together, the usual need of a page. */
export async function getI18n(): Promise<{ locale: Locale; m: Messages }> {
  const locale = await getLocale();
  return { locale, m: getMessages(locale) };
}
