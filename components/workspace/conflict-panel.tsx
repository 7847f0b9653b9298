"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { StageKey } from "@/lib/domain/stages";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { KeyField } from "./key-field-editor";

export type Conflict = {
  field: KeyField;
  /** What the user tried to save. */
  value: string;
  /** The deal as the user saw it when editing. */
  base: OpportunityOutput;
  /** The deal as stored now; null when it could not be read (then only a reload is offered). */
  theirs: OpportunityOutput | null;
};

type ComparedField = KeyField | "stage" | "owner";
const COMPARED: ComparedField[] = ["name", "amount", "expectedCloseDate", "productLine", "stage", "owner"];

type ConflictPanelProps = {
  conflict: Conflict;
  stageNames: Record<StageKey, string>;
  isPending: boolean;
  onKeepTheirs: (theirs: OpportunityOutput) => void;
  onApplyMine: (theirs: OpportunityOutput) => void;
};

/**
 * After a version conflict: the fields that differ between what the user has (their edit on top of what
 * they saw) and what is stored now, side by side. Nothing is overwritten unless they choose "Save mine".
 */
export function ConflictPanel({ conflict, stageNames, isPending, onKeepTheirs, onApplyMine }: ConflictPanelProps) {
  const { locale, m } = useI18n();
  const t = m.workspace.fields;
  const { theirs, base } = conflict;
  const show = (field: ComparedField, deal: OpportunityOutput, override?: string): string => {
    const raw = override ?? (field === "stage" ? deal.stage : field === "owner" ? deal.ownerName : deal[field]);
    if (raw === null || raw === "") return t.notSet;
    if (field === "amount") return /^\d+(\.\d{1,2})?$/.test(raw) ? formatMoney(raw, deal.currency, locale) : raw;
    if (field === "expectedCloseDate") return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? formatDate(raw, locale) : raw;
    if (field === "stage") return stageNames[raw as StageKey] ?? raw;
    return raw;
  };
  const rows = theirs
    ? COMPARED.map((field) => ({
        field,
        yours: show(field, base, field === conflict.field ? conflict.value : undefined),
        theirs: show(field, theirs),
      })).filter((row) => row.field === conflict.field || row.yours !== row.theirs)
    : [];
  return (
    <Alert tone="warning" title={t.conflictTitle}>
      <p>{theirs ? t.conflictBody : m.errors.conflictBody}</p>
      {!theirs ? (
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
          {m.common.reload}
        </Button>
      ) : (
        <>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-amber-800">
                <th scope="col" className="py-1 pr-3 font-medium">{t.field}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t.yours}</th>
                <th scope="col" className="py-1 font-medium">{t.theirs}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} className="border-t border-amber-200 align-top">
                  <th scope="row" className="py-1.5 pr-3 font-medium">{t[row.field]}</th>
                  <td className="py-1.5 pr-3 break-words">{row.yours}</td>
                  <td className="py-1.5 break-words font-semibold">{row.theirs}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" onClick={() => onKeepTheirs(theirs)} disabled={isPending}>
              {t.keepTheirs}
            </Button>
            <Button size="sm" onClick={() => onApplyMine(theirs)} disabled={isPending}>
              {isPending ? <Spinner /> : null}
              {t.applyMine}
            </Button>
          </div>
        </>
      )}
    </Alert>
  );
}
