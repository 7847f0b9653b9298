"use client";

import { X } from "lucide-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { CloseOutGapList } from "@/components/analysis/close-out-gap-list";
import { EMPTY_LOST_REVIEW, findLostReviewGaps, LostReviewFields } from "@/components/analysis/lost-review-fields";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { CloseOutGap } from "@/lib/domain/close-out";
import { STAGE_KEYS, stageName, type StageKey, type StageTable } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import type { LostReviewInput } from "@/lib/validations/analysis";

export type BulkMoveRequest = { to: StageKey; reason?: string; closeOut?: LostReviewInput };

type BulkMoveBarProps = {
  count: number;
  stageTable: StageTable;
  isPending: boolean;
  onMove: (request: BulkMoveRequest) => void;
  onClear: () => void;
};

/**
 * The selected rows' stage move: a target stage, an optional note, and for LOST the close-out review (the
 * board's review fields), sent with the move and written for each deal in its own move transaction.
 */
export function BulkMoveBar({ count, stageTable, isPending, onMove, onClear }: BulkMoveBarProps) {
  const { locale, m } = useI18n();
  const t = m.opportunityTable.bulk;
  const [target, setTarget] = useState<StageKey | "">("");
  const [review, setReview] = useState<LostReviewInput>(EMPTY_LOST_REVIEW);
  const [gaps, setGaps] = useState<CloseOutGap[]>([]);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ field: "target"; message: string } | null>(null);
  const isLost = target === "LOST";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return setError({ field: "target", message: t.stageRequired });
    setError(null);
    // The same rule the server's LOST gate applies to each deal; checked here first so nothing is sent half-done.
    const missing = isLost ? findLostReviewGaps(review) : [];
    setGaps(missing);
    if (missing.length) return;
    onMove({ to: target, ...(isLost ? { closeOut: review } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };

  const errorFor = (field: "target") => (error?.field === field ? error.message : undefined);
  const r = m.analysis.review;
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
        <fieldset className="w-full max-w-3xl space-y-3 rounded-md border border-border bg-surface p-4" aria-describedby="bulk-review-hint">
          <legend className="px-1 text-sm font-semibold text-foreground">{m.closeOutFlows.bulk.title}</legend>
          <p id="bulk-review-hint" className="text-sm text-muted-foreground">{interpolate(m.closeOutFlows.bulk.hint, { count })}</p>
          <CloseOutGapList gaps={gaps} />
          <LostReviewFields
            value={review}
            onChange={setReview}
            errors={Object.fromEntries(gaps.filter((gap) => gap !== "outcome").map((gap) => [gap, r.gaps[gap]]))}
          />
        </fieldset>
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
