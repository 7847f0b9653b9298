"use client";

import { type FormEvent, useState } from "react";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { interpolate } from "@/lib/i18n/config";
import { userCreateSchema, userUpdateSchema } from "@/lib/validations/admin";
import { AdminDialog } from "../admin-dialog";
import { CheckboxList } from "../checkbox-list";
import type { AdminUserRow, Option, UserActions } from "./types";

const ROLES = ["REP", "MANAGER", "ADMIN"] as const;

type UserFormDialogProps = {
  /** null: a new user; otherwise the user being edited. */
  user: AdminUserRow | null;
  isSelf: boolean;
  teams: Option[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (message: string) => void;
  actions: Pick<UserActions, "create" | "update">;
};

/** Create a user (with an initial password) or change name, role and teams of one. */
export function UserFormDialog({ user, isSelf, teams, open, onOpenChange, onSaved, actions }: UserFormDialogProps) {
  const { m } = useI18n();
  const t = m.admin.users;
  const title = user ? interpolate(t.editTitle, { name: user.name }) : t.addTitle;
  return (
    <AdminDialog open={open} onOpenChange={onOpenChange} title={title} description={user ? user.email : undefined}>
      {/* Keyed so each opening starts from the user's current values. */}
      <UserForm key={user?.id ?? "new"} user={user} isSelf={isSelf} teams={teams} onCancel={() => onOpenChange(false)} onSaved={onSaved} actions={actions} />
    </AdminDialog>
  );
}

function UserForm({ user, isSelf, teams, onCancel, onSaved, actions }: Omit<UserFormDialogProps, "open" | "onOpenChange"> & { onCancel: () => void }) {
  const { m } = useI18n();
  const t = m.admin.users;
  const [values, setValues] = useState({ name: user?.name ?? "", email: user?.email ?? "", role: user?.role ?? "REP", password: "" });
  const [teamIds, setTeamIds] = useState<string[]>(user?.teams.map((team) => team.id) ?? []);
  const isEdit = user !== null;
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: isEdit ? userUpdateSchema : userCreateSchema,
    action: isEdit ? (input: unknown) => actions.update(user.id, input) : actions.create,
    onSuccess: ({ name }) => onSaved(interpolate(isEdit ? t.saved : t.created, { name })),
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (["name", "email", "password"] as const).filter((key) => values[key].trim() === "");
    if (isEdit) {
      submit({ name: values.name, ...(isSelf ? {} : { role: values.role }), teamIds }, empty.filter((key) => key === "name"));
    } else {
      submit({ ...values, teamIds }, empty);
    }
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFailure failure={failure} />
      <Field label={t.name} error={fieldErrors.name} isRequired requiredLabel={m.common.required}>
        <Input name="name" value={values.name} onChange={set("name")} maxLength={200} autoComplete="off" autoFocus />
      </Field>
      <Field label={t.email} error={fieldErrors.email} isRequired={!isEdit} requiredLabel={m.common.required} hint={isEdit ? t.emailFixed : undefined}>
        <Input name="email" type="email" value={values.email} onChange={set("email")} maxLength={320} autoComplete="off" disabled={isEdit} />
      </Field>
      <Field label={t.role} error={fieldErrors.role} hint={isSelf ? m.admin.validation.ownRole : undefined}>
        <NativeSelect name="role" value={values.role} onChange={set("role")} disabled={isSelf}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {m.roles[role]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <CheckboxList legend={t.teams} options={teams} selected={teamIds} onChange={setTeamIds} error={fieldErrors.teamIds} emptyText={t.noTeams} />
      {isEdit ? null : (
        <>
          <Field label={t.password} error={fieldErrors.password} hint={t.passwordHint} isRequired requiredLabel={m.common.required}>
            <Input name="password" type="password" value={values.password} onChange={set("password")} maxLength={128} autoComplete="new-password" />
          </Field>
          <Alert tone="info">{t.inviteNote}</Alert>
        </>
      )}
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-5">
        <Button variant="secondary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isEdit ? (isPending ? m.common.saving : m.common.save) : isPending ? t.creating : t.create}
        </Button>
      </div>
    </form>
  );
}
