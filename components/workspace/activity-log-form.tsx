"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, NativeSelect, Textarea } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type ActivityTypeDefinition, listActivityTypes } from "@/lib/domain/activities";
import { activityCreateSchema } from "@/lib/validations/activity";
import { localizeWorkspaceErrors } from "./localize-errors";

export type ContactOption = { id: string; name: string; title: string | null };

type ActivityLogFormProps = {
  activityTypes: readonly ActivityTypeDefinition[];
  contacts: ContactOption[];
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  onDone: (isLogged: boolean) => void;
};

/** "2027-03-31T09:30" in the browser's time zone, for a datetime-local input. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value is wall-clock time in the browser's zone; the API wants an instant with an offset. */
function toInstant(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
}

/** Logs what was done on the deal: type (METHOD.md §3), when, with whom, notes and the next step. */
export function ActivityLogForm({ activityTypes, contacts, action, onDone }: ActivityLogFormProps) {
  const { locale, m } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState({ type: "", occurredAt: localNow(), subject: "", notes: "", nextStep: "" });
  const [contactIds, setContactIds] = useState<string[]>([]);
  const { formRef, fieldErrors: rawFieldErrors, failure, isPending, submit: submitForm } = useActionForm({
    schema: activityCreateSchema,
    action,
    onSuccess: () => {
      onDone(true);
      router.refresh();
    },
  });
  const fieldErrors = localizeWorkspaceErrors(rawFieldErrors, m);
  const contactError = Object.entries(fieldErrors).find(([path]) => path.startsWith("contactIds"))?.[1];
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const toggleContact = (id: string, isChecked: boolean) =>
    setContactIds((current) => (isChecked ? [...current, id] : current.filter((each) => each !== id)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const payload = { ...values, occurredAt: toInstant(values.occurredAt), contactIds };
    const empty = (["type", "occurredAt", "subject"] as const).filter((key) => payload[key].trim() === "");
    submitForm(payload, [...empty]);
  };

  const t = m.workspace.activities;
  const types = listActivityTypes(activityTypes);
  const groups = [
    { label: t.salesCycle, items: types.filter((type) => type.group === "SALES_CYCLE") },
    { label: t.market, items: types.filter((type) => type.group === "MARKET") },
    { label: m.gatesFinish.activityTypes.orgGroup, items: types.filter((type) => type.group === "ORG") },
  ].filter((group) => group.items.length > 0);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-border bg-muted/40 p-4" aria-labelledby="log-activity-heading">
      <h3 id="log-activity-heading" className="text-sm font-semibold">
        {t.logTitle}
      </h3>
      <FormFailure failure={failure} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label={t.type} error={fieldErrors.type} isRequired requiredLabel={m.common.required}>
          <NativeSelect name="type" value={values.type} onChange={set("type")}>
            <option value="">{t.chooseType}</option>
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.items.map((type) => (
                  <option key={type.key} value={type.key}>
                    {locale === "zh-CN" ? type.name["zh-CN"] : type.name.en}
                  </option>
                ))}
              </optgroup>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t.occurredAt} error={fieldErrors.occurredAt} isRequired requiredLabel={m.common.required}>
          <Input name="occurredAt" type="datetime-local" value={values.occurredAt} onChange={set("occurredAt")} />
        </Field>
      </div>
      <Field label={t.subject} error={fieldErrors.subject} isRequired requiredLabel={m.common.required}>
        <Input name="subject" value={values.subject} onChange={set("subject")} maxLength={200} placeholder={t.subjectPlaceholder} autoComplete="off" />
      </Field>
      <fieldset className="space-y-2" aria-describedby={contactError ? "activity-contacts-error" : undefined}>
        <legend className="text-sm font-medium text-foreground">{t.contacts}</legend>
        {contacts.length === 0 ? <p className="text-xs text-muted-foreground">{t.noContacts}</p> : null}
        <div className="grid grid-cols-1 gap-x-4 gap-y-1.5 sm:grid-cols-2">
          {contacts.map((contact) => (
            <label key={contact.id} className="flex items-center gap-2 text-sm">
              <Checkbox name="contactIds" value={contact.id} checked={contactIds.includes(contact.id)} onChange={(event) => toggleContact(contact.id, event.target.checked)} />
              <span className="min-w-0 truncate">
                {contact.name}
                {contact.title ? <span className="text-muted-foreground"> · {contact.title}</span> : null}
              </span>
            </label>
          ))}
        </div>
        {contactError ? (
          <p id="activity-contacts-error" role="alert" className="text-xs font-medium text-danger">
            {contactError}
          </p>
        ) : null}
      </fieldset>
      <Field label={t.notes} error={fieldErrors.notes}>
        <Textarea name="notes" value={values.notes} onChange={set("notes")} maxLength={5000} rows={3} />
      </Field>
      <Field label={t.nextStep} error={fieldErrors.nextStep}>
        <Input name="nextStep" value={values.nextStep} onChange={set("nextStep")} maxLength={500} placeholder={t.nextStepPlaceholder} autoComplete="off" />
      </Field>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={() => onDone(false)} disabled={isPending}>
          {m.common.cancel}
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isPending ? t.submitting : t.submit}
        </Button>
      </div>
    </form>
  );
}
