"use client";

import { X } from "lucide-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { STAGE_KEYS, stageName, type StageKey, type StageTable } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";

export type BulkMoveRequest = { to: StageKey; lossReason?: string; reason?: string };

type BulkMoveBarProps = {
  count: number;
  stageTable: StageTable;
  isPending: boolean;
  onMove: (request: BulkMoveRequest) => void;
  onClear: () => void;
};

/** The selected rows' stage move: a target stage, a loss reason when the target is LOST, an optional note. */
export function BulkMoveBar({ count, stageTable, isPending, onMove, onClear }: BulkMoveBarProps) {
  const { locale, m } = useI18n();
  const t = m.opportunityTable.bulk;
  const [target, setTarget] = useState<StageKey | "">("");
  const [lossReason, setLossReason] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ field: "target" | "lossReason"; message: string } | null>(null);
  const isLost = target === "LOST";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return setError({ field: "target", message: t.stageRequired });
    if (isLost && !lossReason.trim()) return setError({ field: "lossReason", message: t.lossReasonRequired });
    setError(null);
    onMove({ to: target, ...(isLost ? { lossReason: lossReason.trim() } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };

  const errorFor = (field: "target" | "lossReason") => (error?.field === field ? error.message : undefined);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t.label}
      className="flex flex-wrap items-end gap-3 border-b border-border bg-primary/5 px-4 py-3"
    >
      <div className="flex h-9 items-center gap-2">
        <span className="text-sm font-medium text-foreground" aria-live="polite">
          {interpolate(m.opportunityTable.selected, { count })}
        </span>
        <Button variant="ghost" size="sm" onClick={onClear} disabled={isPending}>
          <X aria-hidden="true" />
          {m.opportunityTable.clearSelection}
        </Button>
      </div>
      <BarField id="bulk-target" label={t.target} error={errorFor("target")} className="w-full sm:w-56">
        <NativeSelect
          id="bulk-target"
          value={target}
          aria-invalid={errorFor("target") ? true : undefined}
          aria-describedby={errorFor("target") ? "bulk-target-error" : undefined}
          onChange={(event) => setTarget(event.target.value as StageKey | "")}
        >
          <option value="">{t.chooseStage}</option>
          {STAGE_KEYS.map((key) => (
            <option key={key} value={key}>
              {stageName(key, locale, stageTable)}
            </option>
          ))}
        </NativeSelect>
      </BarField>
      {isLost ? (
        <BarField id="bulk-loss-reason" label={t.lossReason} error={errorFor("lossReason")} className="w-full sm:w-64">
          <Input
            id="bulk-loss-reason"
            value={lossReason}
            maxLength={500}
            placeholder={t.lossReasonPlaceholder}
            aria-required
            aria-invalid={errorFor("lossReason") ? true : undefined}
            aria-describedby={errorFor("lossReason") ? "bulk-loss-reason-error" : undefined}
            onChange={(event) => setLossReason(event.target.value)}
          />
        </BarField>
      ) : null}
      <BarField id="bulk-reason" label={t.reason} className="w-full sm:w-56">
        <Input id="bulk-reason" value={reason} maxLength={500} placeholder={t.reasonPlaceholder} onChange={(event) => setReason(event.target.value)} />
      </BarField>
      <Button type="submit" disabled={isPending}>
        {isPending ? <Spinner /> : null}
        {isPending ? t.submitting : interpolate(t.submit, { count })}
      </Button>
    </form>
  );
}

type BarFieldProps = { id: string; label: string; error?: string; className?: string; children: ReactNode };

function BarField({ id, label, error, className, children }: BarFieldProps) {
  return (
    <div className={className}>
      <div className="flex flex-col gap-1.5">
        <FieldLabel htmlFor={id}>{label}</FieldLabel>
        {children}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
