"use client";

import { signOut } from "next-auth/react";
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
import { passwordChangeSchema } from "@/lib/validations/password";

type PasswordChangeFormProps = { changePassword: (input: unknown) => Promise<ActionResult<null>> };

/** Changes the user's own password; the server ends every session, so the form signs out afterwards. */
export function PasswordChangeForm({ changePassword }: PasswordChangeFormProps) {
  const { m } = useI18n();
  const t = m.security.password;
  const [isChanged, setIsChanged] = useState(false);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: passwordChangeSchema,
    action: changePassword,
    onSuccess: () => {
      setIsChanged(true);
      void signOut({ callbackUrl: "/login" });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    submit({ currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") }, ["currentPassword"]);
  };
  if (isChanged) return <Alert tone="success">{t.changed}</Alert>;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormFailure failure={failure} />
      <Field label={t.current} error={fieldErrors.currentPassword} isRequired requiredLabel={m.common.required}>
        <Input name="currentPassword" type="password" autoComplete="current-password" maxLength={1024} />
      </Field>
      <Field label={t.new} error={fieldErrors.newPassword} hint={t.description} isRequired requiredLabel={m.common.required}>
        <Input name="newPassword" type="password" autoComplete="new-password" maxLength={128} />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? <Spinner /> : null}
        {isPending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
