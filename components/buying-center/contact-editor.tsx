"use client";

import { type FormEvent, useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { CONTACT_LEVELS, CONTACT_ROLES, CONTACT_STANCES, type ContactRole } from "@/lib/domain/buying-center";
import { listDescendants } from "@/lib/domain/org-chart";
import { levelName, roleName, stanceName } from "./labels";
import type { OrgNode, Person, UpdateContact } from "./org-chart-types";
import { RelationshipPanel } from "./relationship-panel";
import { useRunAction } from "./use-run-action";

type ContactEditorProps = { contact: OrgNode | null; all: OrgNode[]; people: Person[]; update: UpdateContact };

/** The keyboard path through the org chart: the selected person's manager, stance, level and roles. */
export function ContactEditor({ contact, all, people, update }: ContactEditorProps) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter.orgChart;
  const { run, isPending, error, notice } = useRunAction();
  const [values, setValues] = useState(() => ({
    reportsToId: contact?.reportsToId ?? "",
    department: contact?.department ?? "",
    level: contact?.level ?? "",
    stance: contact?.stance ?? "",
    roles: contact?.roles ?? ([] as ContactRole[]),
  }));
  const managers = useMemo(() => {
    if (!contact) return [];
    const below = listDescendants(all, contact.id);
    return all.filter((node) => node.id !== contact.id && !below.has(node.id)).sort((a, b) => a.name.localeCompare(b.name));
  }, [all, contact]);

  if (!contact) {
    return (
      <Card>
        <CardHeader title={t.details} />
        <CardBody><p className="text-sm text-muted-foreground">{t.selectHint}</p></CardBody>
      </Card>
    );
  }
  const set = (key: "reportsToId" | "department" | "level" | "stance") => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const toggleRole = (role: ContactRole) =>
    setValues((current) => ({ ...current, roles: current.roles.includes(role) ? current.roles.filter((item) => item !== role) : [...current.roles, role] }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(() => update(contact.id, {
      reportsToId: values.reportsToId || null, department: values.department, level: values.level || null,
      stance: values.stance || null, roles: values.roles,
    }), t.saved);
  };

  return (
    <div className="space-y-4">
      <Card aria-labelledby="contact-editor-heading">
        <CardHeader title={contact.name} description={contact.title ?? undefined} headingId="contact-editor-heading" />
        <CardBody>
          <form onSubmit={onSubmit} className="space-y-3" aria-label={t.details}>
            <Field label={t.reportsTo}>
              <NativeSelect value={values.reportsToId} onChange={set("reportsToId")}>
                <option value="">{t.noManager}</option>
                {managers.map((node) => <option key={node.id} value={node.id}>{node.name}</option>)}
              </NativeSelect>
            </Field>
            <Field label={t.department}>
              <Input value={values.department} onChange={set("department")} maxLength={200} />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label={t.level}>
                <NativeSelect value={values.level} onChange={set("level")}>
                  <option value="">{t.unset}</option>
                  {CONTACT_LEVELS.map((level) => <option key={level} value={level}>{levelName(level, locale)}</option>)}
                </NativeSelect>
              </Field>
              <Field label={t.stance}>
                <NativeSelect value={values.stance} onChange={set("stance")}>
                  <option value="">{t.unset}</option>
                  {CONTACT_STANCES.map((stance) => <option key={stance} value={stance}>{stanceName(stance, locale)}</option>)}
                </NativeSelect>
              </Field>
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-foreground">{t.roles}</legend>
              <div className="mt-1 grid grid-cols-1 gap-1">
                {CONTACT_ROLES.map((role) => (
                  <label key={role} className="inline-flex items-center gap-2 text-sm">
                    <Checkbox checked={values.roles.includes(role)} onChange={() => toggleRole(role)} />
                    {roleName(role, locale)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={isPending}>{isPending ? m.common.saving : m.common.save}</Button>
              <span role="status" className={error ? "text-sm text-danger" : "text-sm text-success"}>{error ?? notice ?? ""}</span>
            </div>
          </form>
        </CardBody>
      </Card>
      <RelationshipPanel contactId={contact.id} people={people} />
    </div>
  );
}
