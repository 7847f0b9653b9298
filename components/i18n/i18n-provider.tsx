"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/messages/en";

type I18nValue = { locale: Locale; m: Messages };

const I18nContext = createContext<I18nValue | null>(null);

/** Hands the request's locale and message catalogue (chosen on the server) to client components. */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, m: messages }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>.");
  return value;
}
