"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type Status = "idle" | "pending" | "invalid" | "rateLimited" | "unavailable";

/**
 * Email + password sign-in through next-auth's "credentials" provider. A refusal shows one message
 * whatever the cause (unknown email, wrong password, inactive user), so the form reveals nothing.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const { m } = useI18n();
  const router = useRouter();
  const [status, setStatus] = useState<Status>("idle");
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus("pending");
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const isRateLimited = result?.status === 429 || result?.error === "RateLimited";
      setStatus(isRateLimited ? "rateLimited" : result?.status === 401 || result?.error === "CredentialsSignin" ? "invalid" : "unavailable");
      if (passwordRef.current) {
        passwordRef.current.value = "";
        passwordRef.current.focus();
      }
    } catch {
      setStatus("unavailable");
    }
  };

  const isPending = status === "pending";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {status === "invalid" ? <Alert tone="danger">{m.login.invalid}</Alert> : null}
      {status === "rateLimited" ? <Alert tone="danger">{m.security.rateLimited}</Alert> : null}
      {status === "unavailable" ? <Alert tone="danger">{m.login.unavailable}</Alert> : null}
      <Field label={m.login.email}>
        <Input name="email" type="email" autoComplete="username" required autoFocus inputMode="email" className="h-10" />
      </Field>
      <Field label={m.login.password}>
        <Input ref={passwordRef} name="password" type="password" autoComplete="current-password" required className="h-10" />
      </Field>
      <Button type="submit" size="lg" className="w-full" disabled={isPending}>
        {isPending ? <Spinner /> : null}
        {isPending ? m.login.submitting : m.login.submit}
      </Button>
    </form>
  );
}
