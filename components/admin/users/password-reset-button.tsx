"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionFailure } from "@/components/forms/action-result";
import { toFieldErrorMap } from "@/components/forms/localize";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { interpolate } from "@/lib/i18n/config";
import { adminFailureText } from "../failure";
import type { AdminUserRow, UserActions } from "./types";

type PasswordResetButtonProps = {
  user: AdminUserRow;
  onDone: (message: string) => void;
  resetPassword: UserActions["resetPassword"];
};

const NETWORK_FAILURE: ActionFailure = { ok: false, code: "INTERNAL", message: "", fieldErrors: [] };

/** An admin sets a new password for a user (handed over in person); the user's sessions end. */
export function PasswordResetButton({ user, onDone, resetPassword }: PasswordResetButtonProps) {
  const { m } = useI18n();
  const t = m.security.reset;
  const [isOpen, setIsOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const reset = useMutation({
    mutationFn: () => resetPassword(user.id, { password }),
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result);
      setIsOpen(false);
      setPassword("");
      onDone(interpolate(t.done, { name: user.name }));
    },
    onError: () => setFailure(NETWORK_FAILURE),
  });
  const fieldError = failure ? toFieldErrorMap(failure.fieldErrors, m).password : undefined;
  return (
    <ConfirmDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) {
          setFailure(null);
          setPassword("");
        }
      }}
      trigger={
        <Button variant="ghost" size="sm">
          {t.button}
        </Button>
      }
      title={interpolate(t.title, { name: user.name })}
      description={t.body}
      confirmLabel={t.submit}
      cancelLabel={m.common.cancel}
      onConfirm={() => reset.mutate()}
      isPending={reset.isPending}
    >
      <div className="space-y-3">
        {failure && !fieldError ? <Alert tone="danger">{adminFailureText(failure, m)}</Alert> : null}
        <Field label={t.field} error={fieldError} hint={m.security.password.description}>
          <Input type="password" autoComplete="new-password" value={password} maxLength={128} onChange={(event) => setPassword(event.target.value)} />
        </Field>
      </div>
    </ConfirmDialog>
  );
}
