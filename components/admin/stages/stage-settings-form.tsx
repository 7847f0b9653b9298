"use client";

import { type FormEvent, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { DECISION_STAGE_KEYS, DECISION_STAGE_NAMES } from "@/lib/domain/decision-cycle";
import { toDecimal } from "@/lib/domain/money";
import { interpolate } from "@/lib/i18n/config";
import { stageSettingUpdateSchema } from "@/lib/validations/stage-config";
import type { AdminStage, StageActions } from "./types";

type StageSettingsFormProps = { stage: AdminStage; update: StageActions["updateStage"]; onSaved: () => void };

// The admin types a percentage; the stored value is the exact decimal fraction (never a float).
const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

function toPercent(probability: string): string {
  return toDecimal(probability).times(100).toString();
}

/** One stage's settings; the server validates the whole table (monotone probabilities) and answers inline. */
export function StageSettingsForm({ stage, update, onSaved }: StageSettingsFormProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.stages;
  const [values, setValues] = useState({
    nameEn: stage.name.en,
    nameZh: stage.name["zh-CN"],
    percent: toPercent(stage.probability),
    maxDays: stage.maxDaysInStage === null ? "" : String(stage.maxDaysInStage),
    decision: stage.expectedDecisionStage ?? "",
    guidanceEn: stage.guidance.en,
    guidanceZh: stage.guidance["zh-CN"],
  });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: stageSettingUpdateSchema,
    action: (input: unknown) => update(stage.key, input),
    onSuccess: onSaved,
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!stage.isProbabilityFixed && !PERCENT.test(values.percent.trim())) errors.probability = t.invalidPercent;
    if (!stage.isClosed && values.maxDays.trim() !== "" && !/^\d{1,4}$/.test(values.maxDays.trim())) errors.maxDaysInStage = t.invalidDays;
    setLocalErrors(errors);
    if (Object.keys(errors).length) return;
    submit({
      name: { en: values.nameEn, "zh-CN": values.nameZh },
      ...(stage.isProbabilityFixed ? {} : { probability: toDecimal(values.percent.trim()).div(100).toFixed() }),
      ...(stage.isClosed ? {} : { maxDaysInStage: values.maxDays.trim() === "" ? null : Number(values.maxDays.trim()) }),
      expectedDecisionStage: values.decision === "" ? null : values.decision,
      guidance: { en: values.guidanceEn, "zh-CN": values.guidanceZh },
    });
  };
  const error = (path: string) => localErrors[path] ?? fieldErrors[path];
  // Table-wide refusals (e.g. "P4: probability must not be below P3") arrive as field errors of other stages.
  const serverProblems = failure?.fieldErrors.map((item) => item.message) ?? [];

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 px-5 py-4 md:grid-cols-2 lg:grid-cols-4">
      <Field label={t.nameEn} error={error("name.en")}>
        <Input value={values.nameEn} onChange={set("nameEn")} maxLength={60} lang="en" />
      </Field>
      <Field label={t.nameZh} error={error("name.zh-CN")}>
        <Input value={values.nameZh} onChange={set("nameZh")} maxLength={60} lang="zh-CN" />
      </Field>
      <Field label={t.probability} error={error("probability")} hint={stage.isProbabilityFixed ? t.fixed : undefined}>
        <Input value={values.percent} onChange={set("percent")} inputMode="decimal" readOnly={stage.isProbabilityFixed} disabled={stage.isProbabilityFixed} />
      </Field>
      <Field label={t.maxDays} error={error("maxDaysInStage")}>
        <Input value={values.maxDays} onChange={set("maxDays")} inputMode="numeric" disabled={stage.isClosed} />
      </Field>
      <Field label={t.decisionStage} error={error("expectedDecisionStage")} className="lg:col-span-2">
        <NativeSelect value={values.decision} onChange={set("decision")}>
          <option value="">{t.none}</option>
          {DECISION_STAGE_KEYS.map((key) => (
            <option key={key} value={key}>
              {DECISION_STAGE_NAMES[key][locale === "zh-CN" ? "zh-CN" : "en"]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t.guidanceEn} error={error("guidance.en")} className="md:col-span-2 lg:col-span-4">
        <Textarea value={values.guidanceEn} onChange={set("guidanceEn")} rows={2} maxLength={2000} lang="en" />
      </Field>
      <Field label={t.guidanceZh} error={error("guidance.zh-CN")} className="md:col-span-2 lg:col-span-4">
        <Textarea value={values.guidanceZh} onChange={set("guidanceZh")} rows={2} maxLength={2000} lang="zh-CN" />
      </Field>
      <div className="flex flex-wrap items-center justify-end gap-3 md:col-span-2 lg:col-span-4">
        {failure ? (
          <ul role="alert" className="mr-auto space-y-0.5 text-xs font-medium text-danger">
            {serverProblems.length ? serverProblems.map((text) => <li key={text}>{text}</li>) : <li>{failure.message}</li>}
          </ul>
        ) : null}
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? m.common.saving : interpolate(t.save, { stage: stage.key })}
        </Button>
      </div>
    </form>
  );
}
