"use client";

import { Globe } from "lucide-react";
import { useTransition } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { isLocale, LOCALES } from "@/lib/i18n/config";
import { useI18n } from "./i18n-provider";

type LanguageSwitchProps = {
  changeLocale: (locale: string) => Promise<ActionResult>;
  className?: string;
};

/** The "Language" menu: English / 简体中文. The server re-renders the whole page in the chosen language. */
export function LanguageSwitch({ changeLocale, className }: LanguageSwitchProps) {
  const { locale, m } = useI18n();
  const [isPending, startTransition] = useTransition();
  const select = (value: string) => {
    if (!isLocale(value) || value === locale) return;
    startTransition(async () => {
      await changeLocale(value);
    });
  };
  return (
    <LazyDropdownMenu
      trigger={{ className: cn(buttonVariants({ variant: "ghost", size: "sm" }), "gap-1.5", className), "aria-label": `${m.nav.language}: ${m.languages[locale]}` }}
      triggerContent={
        <>
          {isPending ? <Spinner /> : <Globe aria-hidden="true" />}
          <span aria-hidden="true">{m.languages[locale]}</span>
        </>
      }
      content={({ DropdownMenuContent, DropdownMenuRadioGroup, DropdownMenuRadioItem }) => (
        <DropdownMenuContent className="min-w-40">
          <DropdownMenuRadioGroup value={locale} onValueChange={select}>
            {LOCALES.map((option) => (
              <DropdownMenuRadioItem key={option} value={option} lang={option}>
                {m.languages[option]}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      )}
    />
  );
}
