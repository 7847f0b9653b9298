"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { signupSchema } from "@/lib/validations/admin";

type SignupFormProps = {
  currencies: { value: string; label: string }[];
  signUp: (input: unknown) => Promise<ActionResult<{ email: string }>>;
};

/**
 * Organization sign-up: creates the org and its admin through the server action, then signs in with the
 * same credentials through next-auth, so the new admin lands in the app already signed in.
 */
export function SignupForm({ currencies, signUp }: SignupFormProps) {
  const { m, locale } = useI18n();
  const t = m.signup;
  const router = useRouter();
  const [values, setValues] = useState({ orgName: "", baseCurrency: currencies[0]?.value ?? "CNY", name: "", email: "", password: "" });
  const [isSigningIn, setIsSigningIn] = useState(false);
  const [hasSignInFailed, setHasSignInFailed] = useState(false);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: signupSchema,
    action: signUp,
    onSuccess: async ({ email }) => {
      setIsSigningIn(true);
      const result = await signIn("credentials", { redirect: false, email, password: values.password }).catch(() => null);
      if (result?.ok && !result.error) {
        router.replace("/opportunities");
        router.refresh();
        return;
      }
      setIsSigningIn(false);
      setHasSignInFailed(true);
    },
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (["orgName", "name", "email", "password"] as const).filter((key) => values[key].trim() === "");
    submit({ ...values, locale }, empty);
  };

  if (hasSignInFailed) {
    return (
      <div className="space-y-4">
        <Alert tone="warning">{t.signInFailed}</Alert>
        <Link href="/login" className="text-sm font-medium text-primary hover:underline">
          {t.haveAccount}
        </Link>
      </div>
    );
  }
  const isBusy = isPending || isSigningIn;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFailure failure={failure} />
      <Field label={t.orgName} error={fieldErrors.orgName} isRequired requiredLabel={m.common.required}>
        <Input name="orgName" value={values.orgName} onChange={set("orgName")} maxLength={200} autoComplete="organization" autoFocus className="h-10" />
      </Field>
      <Field label={t.baseCurrency} error={fieldErrors.baseCurrency} hint={t.baseCurrencyHint}>
        <NativeSelect name="baseCurrency" value={values.baseCurrency} onChange={set("baseCurrency")}>
          {currencies.map((currency) => (
            <option key={currency.value} value={currency.value}>
              {currency.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t.name} error={fieldErrors.name} isRequired requiredLabel={m.common.required}>
        <Input name="name" value={values.name} onChange={set("name")} maxLength={200} autoComplete="name" className="h-10" />
      </Field>
      <Field label={t.email} error={fieldErrors.email} isRequired requiredLabel={m.common.required}>
        <Input name="email" type="email" value={values.email} onChange={set("email")} maxLength={320} autoComplete="username" inputMode="email" className="h-10" />
      </Field>
      <Field label={t.password} error={fieldErrors.password} hint={t.passwordHint} isRequired requiredLabel={m.common.required}>
        <Input name="password" type="password" value={values.password} onChange={set("password")} maxLength={128} autoComplete="new-password" className="h-10" />
      </Field>
      <Button type="submit" size="lg" className="w-full" disabled={isBusy}>
        {isBusy ? <Spinner /> : null}
        {isBusy ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
