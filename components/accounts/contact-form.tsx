"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { contactCreateSchema } from "@/lib/validations/account";

const EMPTY = { name: "", title: "", phone: "", email: "" };

/** "Add contact" on an account page; the list above refreshes from the server on success. */
export function ContactForm({ action }: { action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const { m } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState(EMPTY);
  const [isAdded, setIsAdded] = useState(false);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: contactCreateSchema,
    action,
    onSuccess: () => {
      setValues(EMPTY);
      setIsAdded(true);
      router.refresh();
    },
  });
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => {
    setIsAdded(false);
    setValues((current) => ({ ...current, [key]: event.target.value }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsAdded(false);
    submit(values, values.name.trim() === "" ? ["name"] : []);
  };
  const a = m.account;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="add-contact-heading">
      <h3 id="add-contact-heading" className="text-sm font-semibold">
        {a.addContactTitle}
      </h3>
      <FormFailure failure={failure} />
      {isAdded ? <Alert tone="success">{a.contactAdded}</Alert> : null}
      <Field label={a.contactName} error={fieldErrors.name} isRequired requiredLabel={m.common.required}>
        <Input name="name" value={values.name} onChange={set("name")} maxLength={200} autoComplete="off" />
      </Field>
      <Field label={a.contactTitle} error={fieldErrors.title}>
        <Input name="title" value={values.title} onChange={set("title")} maxLength={200} autoComplete="off" />
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 md:grid-cols-1 xl:grid-cols-2">
        <Field label={a.contactPhone} error={fieldErrors.phone}>
          <Input name="phone" type="tel" value={values.phone} onChange={set("phone")} maxLength={50} autoComplete="off" />
        </Field>
        <Field label={a.contactEmail} error={fieldErrors.email}>
          <Input name="email" type="email" value={values.email} onChange={set("email")} maxLength={320} autoComplete="off" />
        </Field>
      </div>
      <Button type="submit" variant="secondary" className="w-full" disabled={isPending}>
        {isPending ? <Spinner /> : null}
        {isPending ? a.contactAdding : a.addContact}
      </Button>
    </form>
  );
}
