"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type ActivityTypeRegistry, listActivityTypes } from "@/lib/domain/activities";
import { CRITERION_KINDS, REQUIRED_FIELD_KEYS, REQUIRED_FIELD_LABELS, type RequiredFieldKey } from "@/lib/domain/gates";
import type { StageKey } from "@/lib/domain/stages";
import { gateCriterionInputSchema } from "@/lib/validations/gates";
import type { StageActions } from "./types";
import { kindName } from "./criterion-summary";
import { BuyingCenterGateFields, buyingCenterGateConfig, EMPTY_BUYING_CENTER_GATE } from "./buying-center-gate-fields";
import { DecisionStageConfigField } from "@/components/decision-cycle/decision-stage-config-field";

type CriterionAddFormProps = {
  stage: StageKey;
  /** The org's active activity types (built-in and admin-added). */
  activityTypes: ActivityTypeRegistry;
  create: StageActions["createCriterion"];
  onAdded: () => void;
};

const EMPTY = { kind: "CHECKLIST", labelEn: "", labelZh: "", mode: "BLOCK", fields: [] as RequiredFieldKey[], activityType: "", atLeast: "EVALUATION" };

/** Adds a criterion: the kind decides which settings are asked (fields, an activity type, or none). */
export function CriterionAddForm({ stage, activityTypes, create, onAdded }: CriterionAddFormProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.criteria;
  const headingId = useId();
  const [values, setValues] = useState(EMPTY);
  const [buyingCenter, setBuyingCenter] = useState(EMPTY_BUYING_CENTER_GATE);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: gateCriterionInputSchema,
    action: create,
    onSuccess: () => {
      setValues(EMPTY);
      onAdded();
    },
  });
  const set = (key: "kind" | "labelEn" | "labelZh" | "mode" | "activityType" | "atLeast") => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const toggleField = (field: RequiredFieldKey) =>
    setValues((current) => ({
      ...current,
      fields: current.fields.includes(field) ? current.fields.filter((item) => item !== field) : [...current.fields, field],
    }));
  const config = buyingCenterGateConfig(values.kind, buyingCenter) ??
    (values.kind === "REQUIRED_FIELDS" ? { fields: values.fields } : values.kind === "ACTIVITY" ? { activityType: values.activityType }
      : values.kind === "DECISION_STAGE" ? { atLeast: values.atLeast } : {});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [values.labelEn.trim() === "" ? "label.en" : "", values.labelZh.trim() === "" ? "label.zh-CN" : ""].filter(Boolean);
    submit({ stage, kind: values.kind, label: { en: values.labelEn, "zh-CN": values.labelZh }, config, mode: values.mode }, empty);
  };
  const lang = locale === "zh-CN" ? "zh-CN" : "en";

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby={headingId}>
      <h4 id={headingId} className="text-sm font-semibold text-foreground">
        {t.add}
      </h4>
      <FormFailure failure={failure} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-4 md:items-start">
        <Field label={t.kind} error={fieldErrors.kind}>
          <NativeSelect value={values.kind} onChange={set("kind")}>
            {Object.keys(CRITERION_KINDS).map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind, locale)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t.labelEn} error={fieldErrors["label.en"]} isRequired requiredLabel={m.common.required}>
          <Input value={values.labelEn} onChange={set("labelEn")} maxLength={200} autoComplete="off" lang="en" />
        </Field>
        <Field label={t.labelZh} error={fieldErrors["label.zh-CN"]} isRequired requiredLabel={m.common.required}>
          <Input value={values.labelZh} onChange={set("labelZh")} maxLength={200} autoComplete="off" lang="zh-CN" />
        </Field>
        <Field label={t.mode} error={fieldErrors.mode}>
          <NativeSelect value={values.mode} onChange={set("mode")}>
            <option value="BLOCK">{t.block}</option>
            <option value="WARN">{t.warn}</option>
          </NativeSelect>
        </Field>
        {values.kind === "REQUIRED_FIELDS" ? (
          <fieldset className="md:col-span-3">
            <legend className="text-sm font-medium text-foreground">{t.fields}</legend>
            <div className="mt-2 flex flex-wrap gap-4">
              {REQUIRED_FIELD_KEYS.map((field) => (
                <label key={field} className="inline-flex items-center gap-2 text-sm">
                  <Checkbox checked={values.fields.includes(field)} onChange={() => toggleField(field)} />
                  {REQUIRED_FIELD_LABELS[field][lang]}
                </label>
              ))}
            </div>
            {fieldErrors["config.fields"] ? (
              <p role="alert" className="mt-1 text-xs font-medium text-danger">
                {fieldErrors["config.fields"]}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {values.kind === "ACTIVITY" ? (
          <Field label={t.activityType} error={fieldErrors["config.activityType"]} className="md:col-span-2" isRequired requiredLabel={m.common.required}>
            <NativeSelect value={values.activityType} onChange={set("activityType")}>
              <option value="" disabled>
                {m.gatesUi.stages.none}
              </option>
              {listActivityTypes(activityTypes).map((type) => (
                <option key={type.key} value={type.key}>
                  {type.name[lang]}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : null}
        <BuyingCenterGateFields kind={values.kind} values={buyingCenter} onChange={setBuyingCenter} errors={fieldErrors} />
        {values.kind === "DECISION_STAGE" ? (
          <DecisionStageConfigField value={values.atLeast} onChange={set("atLeast")} error={fieldErrors["config.atLeast"]} />
        ) : null}
        <Button type="submit" disabled={isPending} className="md:col-start-4 md:justify-self-end">
          {isPending ? <Spinner /> : <Plus aria-hidden="true" />}
          {isPending ? t.adding : t.add}
        </Button>
      </div>
    </form>
  );
}
