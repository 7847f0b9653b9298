"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import { LOCALES } from "@/lib/i18n/config";

/** The language choice on the settings page: the same action as the header's language menu. */
export function LanguagePreference({ changeLocale }: { changeLocale: (locale: string) => Promise<ActionResult> }) {
  const { locale, m } = useI18n();
  const [isPending, startTransition] = useTransition();
  const [isSaved, setIsSaved] = useState(false);
  const choose = (value: string) => {
    setIsSaved(false);
    startTransition(async () => {
      const result = await changeLocale(value);
      setIsSaved(result.ok);
    });
  };
  return (
    <fieldset>
      <legend className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{m.settings.language}</legend>
      <div className="mt-2 inline-flex rounded-md border border-border bg-muted p-0.5">
        {LOCALES.map((option) => {
          const isChecked = option === locale;
          return (
            <label
              key={option}
              lang={option}
              className={cn(
                "relative cursor-pointer rounded px-3 py-1.5 text-sm font-medium transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                isChecked ? "bg-surface text-foreground shadow-xs" : "text-muted-foreground hover:text-foreground",
              )}
            >
              <input
                type="radio"
                name="locale"
                value={option}
                checked={isChecked}
                onChange={() => choose(option)}
                disabled={isPending}
                className="sr-only"
              />
              {m.languages[option]}
            </label>
          );
        })}
      </div>
      <p className="mt-2 flex items-center gap-1.5 text-xs text-muted-foreground" role="status">
        {isPending ? <Spinner className="size-3" /> : null}
        {isSaved ? m.settings.languageSaved : m.settings.languageHint}
      </p>
    </fieldset>
  );
}
