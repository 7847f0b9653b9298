"use client";
// The close-out review (项目总结): outcome, primary and secondary reasons from the org's lists, the competitor
// who won, lessons and what to repeat. Saved through PUT /api/v1/opportunities/:id/review.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { CloseOutReviewInput } from "@/lib/validations/analysis";

type Option = { value: string; label: string };
type Props = {
  opportunityId: string;
  initial: CloseOutReviewInput & { isComplete: boolean } | null;
  defaultOutcome: "WON" | "LOST";
  reasons: { WON: Option[]; LOST: Option[] };
  competitorNames: string[];
};

export function CloseOutForm({ opportunityId, initial, defaultOutcome, reasons, competitorNames }: Props) {
  const { m } = useI18n();
  const r = m.analysis.review;
  const router = useRouter();
  const [value, setValue] = useState<CloseOutReviewInput>(initial ?? {
    outcome: defaultOutcome, primaryReason: "", secondaryReasons: [], winnerCompetitor: null, lessons: "", toRepeat: null,
  });
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const options = reasons[value.outcome];
  const errorAt = (path: string) => errors.find((error) => error.path === path)?.message;

  async function submit() {
    setStatus("saving");
    const response = await fetch(`/api/v1/opportunities/${opportunityId}/review`, {
      method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(value),
    }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) as { errors?: { path: string; message: string }[] };
    if (response?.ok) {
      setErrors([]);
      setStatus("saved");
      router.refresh();
    } else {
      setErrors(body?.errors ?? []);
      setStatus("failed");
    }
  }

  return (
    <form className="space-y-4" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      {initial && !initial.isComplete ? <Alert tone="warning">{r.incomplete}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <label className="block space-y-1">
          <span className="text-sm font-medium">{r.outcome}</span>
          <NativeSelect value={value.outcome} aria-invalid={errorAt("outcome") ? true : undefined} onChange={(event) => setValue({ ...value, outcome: event.target.value as "WON" | "LOST", primaryReason: "", secondaryReasons: [] })}>
            <option value="LOST">{r.outcomes.LOST}</option>
            <option value="WON">{r.outcomes.WON}</option>
          </NativeSelect>
          {errorAt("outcome") ? <span className="text-sm text-danger">{errorAt("outcome")}</span> : null}
        </label>
        <label className="block space-y-1">
          <span className="text-sm font-medium">{r.primaryReason}</span>
          <NativeSelect value={value.primaryReason} aria-invalid={errorAt("primaryReason") ? true : undefined} onChange={(event) => setValue({ ...value, primaryReason: event.target.value })}>
            <option value="">—</option>
            {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            {value.primaryReason && !options.some((option) => option.value === value.primaryReason) ? <option value={value.primaryReason}>{value.primaryReason}</option> : null}
          </NativeSelect>
          {errorAt("primaryReason") ? <span className="text-sm text-danger">{errorAt("primaryReason")}</span> : null}
        </label>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{r.secondaryReasons}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.filter((option) => option.value !== value.primaryReason).map((option) => (
            <label key={option.value} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox" checked={value.secondaryReasons.includes(option.value)}
                onChange={(event) => setValue({
                  ...value,
                  secondaryReasons: event.target.checked ? [...value.secondaryReasons, option.value] : value.secondaryReasons.filter((item) => item !== option.value),
                })}
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{r.winnerCompetitor}</span>
        <Input list="competitor-names" value={value.winnerCompetitor ?? ""} onChange={(event) => setValue({ ...value, winnerCompetitor: event.target.value || null })} />
        <datalist id="competitor-names">{competitorNames.map((name) => <option key={name} value={name} />)}</datalist>
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{r.lessons}</span>
        <Textarea value={value.lessons} aria-invalid={errorAt("lessons") ? true : undefined} onChange={(event) => setValue({ ...value, lessons: event.target.value })} />
        {errorAt("lessons") ? <span className="text-sm text-danger">{errorAt("lessons")}</span> : null}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{r.toRepeat}</span>
        <Textarea value={value.toRepeat ?? ""} onChange={(event) => setValue({ ...value, toRepeat: event.target.value || null })} />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={status === "saving"}>{status === "saving" ? m.analysis.saving : m.analysis.save}</Button>
        <span role="status" className="text-sm text-muted-foreground">{status === "saved" ? m.analysis.saved : ""}</span>
      </div>
      {status === "failed" && !errors.length ? <Alert tone="danger">{m.analysis.failed}</Alert> : null}
    </form>
  );
}
