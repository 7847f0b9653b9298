"use client";

import { type FormEvent, useState } from "react";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { interpolate } from "@/lib/i18n/config";
import { teamCreateSchema, teamUpdateSchema } from "@/lib/validations/admin";
import { AdminDialog } from "../admin-dialog";
import { CheckboxList } from "../checkbox-list";
import type { AdminTeamRow, PersonOption, TeamActions } from "./types";

const KINDS = ["REGION", "PRODUCT", "CUSTOMER_GROUP"] as const;

type TeamFormDialogProps = {
  team: AdminTeamRow | null;
  people: PersonOption[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (message: string) => void;
  actions: TeamActions;
};

export function TeamFormDialog({ team, people, open, onOpenChange, onSaved, actions }: TeamFormDialogProps) {
  const { m } = useI18n();
  const t = m.admin.teams;
  return (
    <AdminDialog open={open} onOpenChange={onOpenChange} title={team ? interpolate(t.editTitle, { name: team.name }) : t.addTitle} description={t.description}>
      <TeamForm key={team?.id ?? "new"} team={team} people={people} onCancel={() => onOpenChange(false)} onSaved={onSaved} actions={actions} />
    </AdminDialog>
  );
}

function TeamForm({ team, people, onCancel, onSaved, actions }: Omit<TeamFormDialogProps, "open" | "onOpenChange"> & { onCancel: () => void }) {
  const { m } = useI18n();
  const t = m.admin.teams;
  const isEdit = team !== null;
  const [name, setName] = useState(team?.name ?? "");
  const [kind, setKind] = useState<string>(team?.kind ?? "REGION");
  const [managerId, setManagerId] = useState(team?.manager?.id ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(team?.members.map((member) => member.id) ?? []);
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: isEdit ? teamUpdateSchema : teamCreateSchema,
    action: isEdit ? (input: unknown) => actions.update(team.id, input) : actions.create,
    onSuccess: (saved) => onSaved(interpolate(isEdit ? t.saved : t.created, { name: saved.name })),
  });

  const currentMembers = new Set(team?.members.map((member) => member.id) ?? []);
  // Inactive people stay listed only while they are members, so they can be removed.
  const memberOptions = people
    .filter((person) => person.isActive || currentMembers.has(person.value))
    .map((person) => ({
      value: person.value,
      label: person.isActive ? person.label : `${person.label} (${m.admin.inactive})`,
      hint: person.value === managerId ? t.manager : undefined,
      isDisabled: person.value === managerId,
    }));
  const managerOptions = people.filter((person) => person.canManage && (person.isActive || person.value === team?.manager?.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const members = managerId && !memberIds.includes(managerId) ? [...memberIds, managerId] : memberIds;
    submit({ name, kind, managerId: managerId || null, memberIds: members }, name.trim() === "" ? ["name"] : []);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFailure failure={failure} />
      <Field label={t.name} error={fieldErrors.name} isRequired requiredLabel={m.common.required}>
        <Input name="name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} autoComplete="off" autoFocus />
      </Field>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Field label={t.kind} error={fieldErrors.kind}>
          <NativeSelect name="kind" value={kind} onChange={(event) => setKind(event.target.value)}>
            {KINDS.map((key) => (
              <option key={key} value={key}>
                {t.kinds[key]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t.manager} error={fieldErrors.managerId} hint={t.managerHint}>
          <NativeSelect name="managerId" value={managerId} onChange={(event) => setManagerId(event.target.value)}>
            <option value="">{t.noManager}</option>
            {managerOptions.map((person) => (
              <option key={person.value} value={person.value}>
                {person.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <CheckboxList
        legend={t.members}
        options={memberOptions}
        selected={managerId && !memberIds.includes(managerId) ? [...memberIds, managerId] : memberIds}
        onChange={setMemberIds}
        error={fieldErrors.memberIds}
      />
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
