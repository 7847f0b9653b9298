"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { interpolate } from "@/lib/i18n/config";
import { listItemCreateSchema } from "@/lib/validations/admin";
import type { ListActions, OrgListKey } from "./types";

type ListItemAddFormProps = { list: OrgListKey; create: ListActions["create"]; onAdded: (message: string) => void };

/** Adds an item at the end of the list; both labels are required, the key is optional. */
export function ListItemAddForm({ list, create, onAdded }: ListItemAddFormProps) {
  const { m, locale } = useI18n();
  const t = m.admin.lists;
  const [values, setValues] = useState({ labelEn: "", labelZh: "", key: "" });
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: listItemCreateSchema,
    action: create,
    onSuccess: (item) => {
      setValues({ labelEn: "", labelZh: "", key: "" });
      onAdded(interpolate(t.added, { label: locale === "zh-CN" ? item.labelZh : item.labelEn }));
    },
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: key === "key" ? event.target.value.toUpperCase() : event.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (["labelEn", "labelZh"] as const).filter((key) => values[key].trim() === "");
    submit({ list, labelEn: values.labelEn, labelZh: values.labelZh, ...(values.key.trim() ? { key: values.key.trim() } : {}) }, empty);
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="list-add-heading">
      <h3 id="list-add-heading" className="text-sm font-semibold text-foreground">
        {interpolate(t.addTitle, { list: t.names[list] })}
      </h3>
      <FormFailure failure={failure} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[1fr_1fr_minmax(0,0.8fr)_auto] md:items-start">
        <Field label={t.labelEn} error={fieldErrors.labelEn} isRequired requiredLabel={m.common.required}>
          <Input name="labelEn" value={values.labelEn} onChange={set("labelEn")} maxLength={120} autoComplete="off" lang="en" />
        </Field>
        <Field label={t.labelZh} error={fieldErrors.labelZh} isRequired requiredLabel={m.common.required}>
          <Input name="labelZh" value={values.labelZh} onChange={set("labelZh")} maxLength={120} autoComplete="off" lang="zh-CN" />
        </Field>
        <Field label={t.key} error={fieldErrors.key} hint={t.keyHint}>
          <Input name="key" value={values.key} onChange={set("key")} maxLength={60} autoComplete="off" className="font-mono" />
        </Field>
        <Button type="submit" disabled={isPending} className="md:mt-[26px]">
          {isPending ? <Spinner /> : <Plus aria-hidden="true" />}
          {isPending ? t.adding : t.add}
        </Button>
      </div>
    </form>
  );
}
