"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { tokenCreateSchema } from "@/lib/validations/token";
import { NewTokenNotice } from "./new-token-notice";
import { TokenTable, type TokenRow } from "./token-table";

type TokenManagerProps = {
  tokens: TokenRow[];
  createToken: (input: unknown) => Promise<ActionResult<{ token: string }>>;
  revokeToken: (id: string) => Promise<ActionResult>;
};

/** Personal API tokens: create (the secret is shown once), list with last use, revoke. */
export function TokenManager({ tokens, createToken, revokeToken }: TokenManagerProps) {
  const { m } = useI18n();
  const router = useRouter();
  const [name, setName] = useState("");
  const [newToken, setNewToken] = useState<string | null>(null);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: tokenCreateSchema,
    action: createToken,
    onSuccess: ({ token }) => {
      setNewToken(token);
      setName("");
      router.refresh();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNewToken(null);
    submit({ name }, name.trim() === "" ? ["name"] : []);
  };
  const t = m.settings.tokens;
  return (
    <div className="space-y-5">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
        <FormFailure failure={failure} />
        <div className="flex flex-wrap items-start gap-3">
          <Field label={t.name} error={fieldErrors.name} className="min-w-56 flex-1">
            <Input name="name" value={name} onChange={(event) => setName(event.target.value)} placeholder={t.namePlaceholder} maxLength={100} autoComplete="off" />
          </Field>
          <Button type="submit" disabled={isPending} className="sm:mt-[26px]">
            {isPending ? <Spinner /> : <KeyRound aria-hidden="true" />}
            {isPending ? t.creating : t.create}
          </Button>
        </div>
      </form>
      {newToken ? <NewTokenNotice token={newToken} /> : null}
      {tokens.length > 0 ? (
        <div className="overflow-hidden rounded-md border border-border">
          <TokenTable tokens={tokens} revokeToken={revokeToken} />
        </div>
      ) : (
        <EmptyState icon={KeyRound} title={t.empty} className="rounded-md border border-dashed border-border py-8" />
      )}
    </div>
  );
}
