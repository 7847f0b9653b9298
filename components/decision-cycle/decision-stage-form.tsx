"use client";

import { type FormEvent, useState } from "react";
import { FormFailure } from "@/components/forms/form-failure";
import type { ActionResult } from "@/components/forms/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NativeSelect, Textarea } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { DECISION_STAGE_KEYS, DECISION_STAGE_NAMES, type DecisionStageKey } from "@/lib/domain/decision-cycle";
import { decisionStageChangeSchema } from "@/lib/validations/decision-cycle";

export type EvidenceActivity = { id: string; subject: string; occurredAt: string };

type DecisionStageFormProps = {
  current: DecisionStageKey | null;
  /** Activities offered as evidence (the deal's or the account's); none for a note-only form. */
  activities: EvidenceActivity[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** Records where the customer now is, with its evidence; the server appends it to the history. */
export function DecisionStageForm({ current, activities, action }: DecisionStageFormProps) {
  const { m, locale } = useI18n();
  const t = m.decisionCycle.form;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const initial = { stage: current ?? "SATISFACTION", note: "", activityId: "" };
  const [values, setValues] = useState(initial);
  const [isSaved, setIsSaved] = useState(false);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: decisionStageChangeSchema,
    action,
    onSuccess: () => {
      setValues((previous) => ({ ...previous, note: "", activityId: "" }));
      setIsSaved(true);
    },
  });
  const set = (key: keyof typeof initial) => (event: { target: { value: string } }) => {
    setIsSaved(false);
    setValues((previous) => ({ ...previous, [key]: event.target.value }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ stage: values.stage, note: values.note, activityId: values.activityId === "" ? null : values.activityId });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t.title}>
      <FormFailure failure={failure} />
      <Field label={t.stage} error={fieldErrors.stage}>
        <NativeSelect value={values.stage} onChange={set("stage")} name="stage">
          {DECISION_STAGE_KEYS.map((key, index) => (
            <option key={key} value={key}>
              {`${index + 1}. ${DECISION_STAGE_NAMES[key][lang]}`}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t.note} error={fieldErrors.note} hint={t.hint}>
        <Textarea value={values.note} onChange={set("note")} name="note" rows={2} maxLength={2000} />
      </Field>
      {activities.length ? (
        <Field label={t.activity} error={fieldErrors.activityId}>
          <NativeSelect value={values.activityId} onChange={set("activityId")} name="activityId">
            <option value="">{t.noActivity}</option>
            {activities.map((activity) => (
              <option key={activity.id} value={activity.id}>
                {`${activity.occurredAt.slice(0, 10)} · ${activity.subject}`}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <p role="status" className="text-xs text-emerald-700">
          {isSaved ? t.saved : ""}
        </p>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isPending ? t.saving : t.save}
        </Button>
      </div>
    </form>
  );
}
