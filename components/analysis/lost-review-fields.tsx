"use client";
// The loss review inside a move to LOST (the board's dialog, the deal page's move form, the table's bulk
// move) and a deal created at LOST: primary and secondary reasons from the org's LOSS_REASON list, the
// competitor who won, lessons and what to repeat. For one deal it loads its choices (and a review written
// earlier, to prefill) from GET …/review/options; for no one deal, the org's reasons alone.
import { useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { type CloseOutGap, findCloseOutGaps, isCompetitionReason } from "@/lib/domain/close-out";
import type { CloseOutFormOptionsOutput as CloseOutFormOptions, CloseOutReasonOptionsOutput, LostReviewInput } from "@/lib/validations/analysis";

export const EMPTY_LOST_REVIEW: LostReviewInput = { primaryReason: "", secondaryReasons: [], winnerCompetitor: null, lessons: "", toRepeat: null };

/** The parts a loss review still lacks (client-side, the same rule the server's LOST gate applies). */
export function findLostReviewGaps(value: LostReviewInput): CloseOutGap[] {
  return findCloseOutGaps({ outcome: "LOST", ...value }, "LOST");
}

/** Field errors of a refused move or review save, by field name (path closeOut.<field> or <field>). */
export function lostReviewErrors(errors: readonly { path: string; message: string }[]): Partial<Record<keyof LostReviewInput, string>> {
  const byField: Partial<Record<keyof LostReviewInput, string>> = {};
  for (const error of errors) {
    const field = error.path.replace(/^closeOut\./, "").split(".")[0] as keyof LostReviewInput;
    byField[field] ??= error.message;
  }
  return byField;
}

type Props = {
  /** The deal reviewed; without one (several deals, or one not created yet) the form offers the org's reasons only. */
  opportunityId?: string;
  value: LostReviewInput;
  onChange: (value: LostReviewInput) => void;
  /** Errors by field, already worded for the reader. */
  errors: Partial<Record<keyof LostReviewInput, string>>;
  /** Whether the first field takes focus (in a dialog). */
  autoFocus?: boolean;
  /** The loss reasons once loaded, for a caller that words the move's loss reason from the chosen key. */
  onReasonsLoaded?: (reasons: { value: string; label: string }[]) => void;
};

type Options = Pick<CloseOutFormOptions, "reasons" | "competitorNames">;

export function LostReviewFields({ opportunityId, value, onChange, errors, autoFocus, onReasonsLoaded }: Props) {
  const { m } = useI18n();
  const r = m.analysis.review;
  const [options, setOptions] = useState<Options | null>(null);
  const [hasFailed, setHasFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void fetch(opportunityId ? `/api/v1/opportunities/${opportunityId}/review/options` : "/api/v1/close-out-reasons/options")
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        return (await response.json()) as CloseOutFormOptions | CloseOutReasonOptionsOutput;
      })
      .then((loaded) => {
        if (!isCurrent) return;
        const forDeal = "review" in loaded ? loaded : null;
        setOptions({ reasons: loaded.reasons, competitorNames: forDeal?.competitorNames ?? [] });
        onReasonsLoaded?.(loaded.reasons.LOST);
        const review = forDeal?.review;
        if (review?.outcome === "LOST") {
          onChange({
            primaryReason: review.primaryReason, secondaryReasons: review.secondaryReasons, winnerCompetitor: review.winnerCompetitor,
            lessons: review.lessons, toRepeat: review.toRepeat,
          });
        }
      })
      .catch(() => (isCurrent ? setHasFailed(true) : undefined));
    return () => {
      isCurrent = false;
    };
    // Loaded once per deal; the callbacks are the parent's setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opportunityId]);

  const reasons = options?.reasons.LOST ?? [];
  const needsWinner = isCompetitionReason(value.primaryReason);
  const listId = `lost-review-competitors-${useId()}`;
  return (
    <div className="space-y-4" data-testid="lost-review-fields" aria-busy={options === null && !hasFailed}>
      {hasFailed ? <p className="text-sm text-danger" role="alert">{m.analysis.failed}</p> : null}
      <Field label={r.primaryReason} error={errors.primaryReason} isRequired requiredLabel={m.common.required}>
        <NativeSelect
          name="closeOut.primaryReason"
          value={value.primaryReason}
          autoFocus={autoFocus}
          onChange={(event) => onChange({ ...value, primaryReason: event.target.value, secondaryReasons: value.secondaryReasons.filter((key) => key !== event.target.value) })}
        >
          <option value="">{r.chooseReason}</option>
          {reasons.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </NativeSelect>
      </Field>
      {reasons.length > 1 ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{r.secondaryReasons}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {reasons.filter((option) => option.value !== value.primaryReason).map((option) => (
              <label key={option.value} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={value.secondaryReasons.includes(option.value)}
                  onChange={(event) => onChange({
                    ...value,
                    secondaryReasons: event.target.checked ? [...value.secondaryReasons, option.value] : value.secondaryReasons.filter((key) => key !== option.value),
                  })}
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <Field label={r.winnerCompetitor} error={errors.winnerCompetitor} isRequired={needsWinner} requiredLabel={m.common.required} hint={needsWinner ? r.winnerRequiredHint : undefined}>
        <Input name="closeOut.winnerCompetitor" list={listId} value={value.winnerCompetitor ?? ""} maxLength={120} onChange={(event) => onChange({ ...value, winnerCompetitor: event.target.value || null })} />
      </Field>
      <datalist id={listId}>{(options?.competitorNames ?? []).map((name) => <option key={name} value={name} />)}</datalist>
      <Field label={r.lessons} error={errors.lessons} isRequired requiredLabel={m.common.required}>
        <Textarea name="closeOut.lessons" value={value.lessons} rows={3} maxLength={4000} onChange={(event) => onChange({ ...value, lessons: event.target.value })} />
      </Field>
      <Field label={r.toRepeat} error={errors.toRepeat}>
        <Textarea name="closeOut.toRepeat" value={value.toRepeat ?? ""} rows={2} maxLength={4000} onChange={(event) => onChange({ ...value, toRepeat: event.target.value || null })} />
      </Field>
    </div>
  );
}
