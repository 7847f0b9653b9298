"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { accountCreateSchema } from "@/lib/validations/account";

type AccountFormProps = { action: (input: unknown) => Promise<ActionResult<{ id: string }>> };

export function AccountForm({ action }: AccountFormProps) {
  const { m } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState({ name: "", industry: "", segment: "", region: "" });
  const [isKeyAccount, setIsKeyAccount] = useState(false);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: accountCreateSchema,
    action,
    onSuccess: ({ id }) => {
      router.push(`/accounts/${id}`);
      router.refresh();
    },
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ ...values, isKeyAccount }, values.name.trim() === "" ? ["name"] : []);
  };

  const f = m.accountForm;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <FormFailure failure={failure} />
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field label={f.name} error={fieldErrors.name} isRequired requiredLabel={m.common.required} className="md:col-span-2">
          <Input name="name" value={values.name} onChange={set("name")} maxLength={200} />
        </Field>
        <Field label={f.industry} error={fieldErrors.industry}>
          <Input name="industry" value={values.industry} onChange={set("industry")} maxLength={100} />
        </Field>
        <Field label={f.segment} error={fieldErrors.segment}>
          <Input name="segment" value={values.segment} onChange={set("segment")} maxLength={100} />
        </Field>
        <Field label={f.region} error={fieldErrors.region}>
          <Input name="region" value={values.region} onChange={set("region")} maxLength={100} />
        </Field>
        <div className="flex items-start gap-3 rounded-md border border-border bg-muted/40 p-3 md:col-span-2">
          <Checkbox id="account-key" checked={isKeyAccount} onChange={(event) => setIsKeyAccount(event.target.checked)} className="mt-0.5" aria-describedby="account-key-hint" />
          <div>
            <label htmlFor="account-key" className="text-sm font-medium">
              {f.isKeyAccount}
            </label>
            <p id="account-key-hint" className="text-xs text-muted-foreground">
              {f.isKeyAccountHint}
            </p>
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border pt-5">
        <Link href="/accounts" className={buttonVariants({ variant: "secondary" })}>
          {m.common.cancel}
        </Link>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isPending ? f.creating : f.create}
        </Button>
      </div>
    </form>
  );
}
