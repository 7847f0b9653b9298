"use client";

import { Printer } from "lucide-react";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import type { AccountProfileOutput } from "@/lib/validations/buying-center";
import { useRunAction } from "./use-run-action";

type ProfileEditorProps = { profile: AccountProfileOutput; isReadOnly: boolean; save: (input: unknown) => Promise<ActionResult<{ version: number }>> };

/** The profile's sections filled in place; Save writes a new version (stale edits are refused, 409). */
export function ProfileEditor({ profile, isReadOnly, save }: ProfileEditorProps) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter.profile;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const { run, isPending, error, notice } = useRunAction();
  const [content, setContent] = useState(profile.content);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(() => save({ content, baseVersion: profile.version }), t.saved);
  };
  return (
    <form onSubmit={onSubmit} className="space-y-5">
      {profile.sections.map((section) => (
        <section key={section.key} className="print:break-inside-avoid">
          <label htmlFor={`profile-${section.key}`} className="text-base font-semibold text-foreground">{section.title[lang]}</label>
          {section.hint[lang] ? <p className="text-xs text-muted-foreground print:hidden">{section.hint[lang]}</p> : null}
          {isReadOnly ? (
            <p id={`profile-${section.key}`} className="mt-1 whitespace-pre-wrap text-sm">{content[section.key] || m.common.none}</p>
          ) : (
            <>
              <Textarea
                id={`profile-${section.key}`}
                className="mt-1 min-h-28 print:hidden"
                value={content[section.key] ?? ""}
                maxLength={20000}
                onChange={(event) => setContent((current) => ({ ...current, [section.key]: event.target.value }))}
              />
              <p className="hidden whitespace-pre-wrap text-sm print:block">{content[section.key]}</p>
            </>
          )}
        </section>
      ))}
      <div className="flex items-center gap-3 print:hidden">
        {isReadOnly ? null : <Button type="submit" disabled={isPending}>{isPending ? m.common.saving : t.save}</Button>}
        <Button variant="secondary" onClick={() => window.print()}><Printer aria-hidden="true" />{t.print}</Button>
        <span role="status" className={error ? "text-sm text-danger" : "text-sm text-success"}>{error ?? notice ?? ""}</span>
      </div>
    </form>
  );
}
