"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useRef, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { type OpportunityOutput, opportunityUpdateSchema } from "@/lib/validations/opportunity";
import { type Conflict, ConflictPanel } from "./conflict-panel";
import { type KeyField, KeyFieldEditor } from "./key-field-editor";

type KeyFieldsProps = {
  deal: OpportunityOutput;
  stageNames: Record<StageKey, string>;
  save: (input: unknown) => Promise<ActionResult<OpportunityOutput>>;
  loadCurrent: () => Promise<ActionResult<OpportunityOutput>>;
  /** Read-only facts shown under the editable fields. */
  children?: ReactNode;
};

const KEY_FIELDS: KeyField[] = ["name", "amount", "expectedCloseDate", "productLine"];

/**
 * Name, amount, expected close date and product line, each editable in place. Every save carries the
 * version the user saw; when someone else changed the deal meanwhile the server refuses it, and the
 * conflict panel shows their change beside the user's instead of overwriting anything.
 */
export function KeyFields({ deal: shownDeal, stageNames, save, loadCurrent, children }: KeyFieldsProps) {
  const { locale, m } = useI18n();
  const router = useRouter();
  const t = m.workspace.fields;
  // The newest version known here: our own save may be ahead of the page until router.refresh() lands.
  const [latest, setLatest] = useState<OpportunityOutput | null>(null);
  const deal = latest && latest.version > shownDeal.version ? latest : shownDeal;
  const [editing, setEditing] = useState<KeyField | null>(null);
  const [savedField, setSavedField] = useState<KeyField | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const pending = useRef<{ field: KeyField; value: string; base: OpportunityOutput } | null>(null);

  const saveOrExplainConflict = async (input: unknown) => {
    const result = await save(input);
    const attempt = pending.current;
    if (!result.ok && result.code === "CONFLICT" && attempt) {
      const current = await loadCurrent();
      setConflict({ ...attempt, theirs: current.ok ? current.data : null });
    }
    return result;
  };
  const { fieldErrors, failure, isPending, submit: submitForm } = useActionForm({
    schema: opportunityUpdateSchema,
    action: saveOrExplainConflict,
    onSuccess: (updated) => {
      setLatest(updated);
      setSavedField(pending.current?.field ?? null);
      setEditing(null);
      setConflict(null);
      router.refresh();
    },
  });

  const submit = (field: KeyField, value: string, version: number, base: OpportunityOutput) => {
    pending.current = { field, value, base };
    setSavedField(null);
    submitForm({ [field]: value, version }, field === "name" && value.trim() === "" ? ["name"] : []);
  };
  const startEditing = (field: KeyField) => {
    setSavedField(null);
    setConflict(null);
    setEditing(field);
  };
  const display = (field: KeyField): string => {
    const value = deal[field];
    if (value === null || value === "") return t.notSet;
    if (field === "amount") return formatMoney(value, deal.currency, locale);
    if (field === "expectedCloseDate") return formatDate(value, locale);
    return value;
  };
  const labelOf = (field: KeyField) => (field === "amount" ? `${t.amount} (${deal.currency})` : t[field]);

  return (
    <Card id="key-fields" aria-labelledby="details-heading" className="scroll-mt-20">
      <CardHeader title={m.opportunity.details} description={t.description} headingId="details-heading" />
      <CardBody className="space-y-4">
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            stageNames={stageNames}
            isPending={isPending}
            onKeepTheirs={(theirs) => {
              setLatest(theirs);
              setConflict(null);
              setEditing(null);
              router.refresh();
            }}
            onApplyMine={(theirs) => submit(conflict.field, conflict.value, theirs.version, theirs)}
          />
        ) : null}
        {failure && failure.code !== "CONFLICT" ? <FormFailure failure={failure} /> : null}
        {savedField ? <Alert tone="success">{interpolate(t.saved, { field: t[savedField] })}</Alert> : null}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2">
          {KEY_FIELDS.map((field) => (
            <div key={field} className={field === "name" ? "min-w-0 sm:col-span-2" : "min-w-0"}>
              <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{labelOf(field)}</dt>
              {editing === field ? (
                <dd>
                  <KeyFieldEditor
                    field={field}
                    label={labelOf(field)}
                    initialValue={deal[field] ?? ""}
                    error={fieldErrors[field]}
                    isPending={isPending}
                    onSave={(value) => submit(field, value, deal.version, deal)}
                    onCancel={() => setEditing(null)}
                  />
                </dd>
              ) : (
                <dd className="mt-0.5 flex items-start justify-between gap-2">
                  <span className={deal[field] ? "break-words text-sm text-foreground" : "text-sm text-subtle-foreground"}>{display(field)}</span>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="-mt-1.5 size-8 shrink-0"
                    aria-label={interpolate(t.edit, { field: labelOf(field) })}
                    title={interpolate(t.edit, { field: labelOf(field) })}
                    onClick={() => startEditing(field)}
                  >
                    <Pencil aria-hidden="true" />
                  </Button>
                </dd>
              )}
            </div>
          ))}
        </dl>
        {children ? <div className="border-t border-border pt-4">{children}</div> : null}
      </CardBody>
    </Card>
  );
}
