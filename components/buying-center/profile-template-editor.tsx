"use client";

import { ArrowUp, Plus, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ProfileSection } from "@/lib/domain/account-profile";
import { useRunAction } from "./use-run-action";

type Row = { key: string; titleEn: string; titleZh: string; hintEn: string; hintZh: string };

/** Admins edit the key-account profile template: sections with stable keys and titles in both languages. */
export function ProfileTemplateEditor({ sections, save }: { sections: ProfileSection[]; save: (input: unknown) => Promise<ActionResult<null>> }) {
  const { m } = useI18n();
  const t = m.buyingCenter.template;
  const { run, isPending, error, notice } = useRunAction();
  const [rows, setRows] = useState<Row[]>(() =>
    sections.map((section) => ({ key: section.key, titleEn: section.title.en, titleZh: section.title["zh-CN"], hintEn: section.hint.en, hintZh: section.hint["zh-CN"] })));
  const setField = (index: number, field: keyof Row) => (event: { target: { value: string } }) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [field]: event.target.value } : row)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(() => save({
      sections: rows.map((row) => ({ key: row.key.trim(), title: { en: row.titleEn, "zh-CN": row.titleZh }, hint: { en: row.hintEn, "zh-CN": row.hintZh } })),
    }), t.saved);
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {rows.map((row, index) => (
        <fieldset key={index} className="grid grid-cols-1 gap-3 rounded-md border border-border p-3 md:grid-cols-5">
          <legend className="sr-only">{row.titleEn || row.key}</legend>
          <Field label={t.key}><Input value={row.key} onChange={setField(index, "key")} maxLength={40} /></Field>
          <Field label={t.titleEn}><Input value={row.titleEn} onChange={setField(index, "titleEn")} maxLength={200} lang="en" /></Field>
          <Field label={t.titleZh}><Input value={row.titleZh} onChange={setField(index, "titleZh")} maxLength={200} lang="zh-CN" /></Field>
          <Field label={t.hintEn}><Input value={row.hintEn} onChange={setField(index, "hintEn")} maxLength={500} lang="en" /></Field>
          <Field label={t.hintZh}><Input value={row.hintZh} onChange={setField(index, "hintZh")} maxLength={500} lang="zh-CN" /></Field>
          <div className="flex gap-2 md:col-span-5">
            <Button variant="ghost" size="sm" disabled={index === 0} onClick={() => setRows((current) => {
              const next = [...current];
              [next[index - 1], next[index]] = [next[index], next[index - 1]];
              return next;
            })}><ArrowUp aria-hidden="true" />{t.moveUp}</Button>
            <Button variant="ghost" size="sm" onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>
              <Trash2 aria-hidden="true" />{t.remove}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => setRows((current) => [...current, { key: `section-${current.length + 1}`, titleEn: "", titleZh: "", hintEn: "", hintZh: "" }])}>
          <Plus aria-hidden="true" />{t.add}
        </Button>
        <Button type="submit" disabled={isPending}>{isPending ? m.common.saving : t.save}</Button>
        <span role="status" className={error ? "text-sm text-danger" : "text-sm text-success"}>{error ?? notice ?? ""}</span>
      </div>
    </form>
  );
}
