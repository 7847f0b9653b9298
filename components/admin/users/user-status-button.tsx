"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionFailure } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { interpolate } from "@/lib/i18n/config";
import { adminFailureText } from "../failure";
import type { AdminUserRow, UserActions } from "./types";

type UserStatusButtonProps = {
  user: AdminUserRow;
  onDone: (message: string) => void;
  onFailure: (message: string) => void;
  actions: Pick<UserActions, "deactivate" | "reactivate">;
};

const NETWORK_FAILURE: ActionFailure = { ok: false, code: "INTERNAL", message: "", fieldErrors: [] };

/** Deactivate (after a confirmation naming the consequences) or reactivate a user. */
export function UserStatusButton({ user, onDone, onFailure, actions }: UserStatusButtonProps) {
  const { m } = useI18n();
  const t = m.admin.users;
  const [isOpen, setIsOpen] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const deactivation = useMutation({
    mutationFn: () => actions.deactivate(user.id),
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result);
      setIsOpen(false);
      onDone(interpolate(t.deactivated, { name: user.name }));
    },
    onError: () => setFailure(NETWORK_FAILURE),
  });
  const reactivation = useMutation({
    mutationFn: () => actions.reactivate(user.id),
    onSuccess: (result) => (result.ok ? onDone(interpolate(t.reactivated, { name: user.name })) : onFailure(adminFailureText(result, m))),
    onError: () => onFailure(adminFailureText(NETWORK_FAILURE, m)),
  });

  if (!user.isActive) {
    return (
      <Button variant="ghost" size="sm" onClick={() => reactivation.mutate()} disabled={reactivation.isPending}>
        {t.reactivate}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) setFailure(null);
      }}
      trigger={
        <Button variant="ghost" size="sm" className="text-rose-700 hover:bg-rose-50 hover:text-rose-800">
          {t.deactivate}
        </Button>
      }
      title={interpolate(t.deactivateTitle, { name: user.name })}
      description={t.deactivateBody}
      confirmLabel={t.deactivate}
      cancelLabel={m.common.cancel}
      onConfirm={() => deactivation.mutate()}
      isPending={deactivation.isPending}
    >
      {failure ? <Alert tone="danger">{adminFailureText(failure, m)}</Alert> : null}
    </ConfirmDialog>
  );
}
