"use client";

import { type FormEvent, useState } from "react";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { interpolate } from "@/lib/i18n/config";
import { reassignDealsSchema } from "@/lib/validations/admin";
import { AdminDialog } from "../admin-dialog";
import type { AdminUserRow, Option, UserActions } from "./types";

type ReassignDialogProps = {
  user: AdminUserRow | null;
  /** Active users who may take the deals (the user themself excluded by the caller). */
  owners: Option[];
  onOpenChange: (open: boolean) => void;
  onDone: (message: string) => void;
  reassign: UserActions["reassign"];
};

/** Hands all of a (usually deactivated) user's open deals to one new owner. */
export function ReassignDialog({ user, owners, onOpenChange, onDone, reassign }: ReassignDialogProps) {
  const { m } = useI18n();
  const t = m.admin.users;
  return (
    <AdminDialog
      open={user !== null}
      onOpenChange={onOpenChange}
      title={interpolate(t.reassignTitle, { name: user?.name ?? "" })}
      description={interpolate(t.reassignBody, { count: user?.openDealCount ?? 0 })}
    >
      {user ? <ReassignForm key={user.id} user={user} owners={owners} onCancel={() => onOpenChange(false)} onDone={onDone} reassign={reassign} /> : null}
    </AdminDialog>
  );
}

function ReassignForm({ user, owners, onCancel, onDone, reassign }: Omit<ReassignDialogProps, "onOpenChange" | "user"> & { user: AdminUserRow; onCancel: () => void }) {
  const { m } = useI18n();
  const t = m.admin.users;
  const [toUserId, setToUserId] = useState("");
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: reassignDealsSchema,
    action: (input: unknown) => reassign(user.id, input),
    onSuccess: ({ moved }) => onDone(interpolate(t.reassigned, { count: moved })),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ toUserId }, toUserId === "" ? ["toUserId"] : []);
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFailure failure={failure} />
      <Field label={t.reassignTo} error={fieldErrors.toUserId} isRequired requiredLabel={m.common.required}>
        <NativeSelect name="toUserId" value={toUserId} onChange={(event) => setToUserId(event.target.value)} autoFocus>
          <option value="">{t.reassignChoose}</option>
          {owners.map((owner) => (
            <option key={owner.value} value={owner.value}>
              {owner.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-5">
        <Button variant="secondary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isPending ? t.reassigning : t.reassignSubmit}
        </Button>
      </div>
    </form>
  );
}
