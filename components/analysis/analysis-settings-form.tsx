"use client";
// Admin: the health-score weights per factor and the A/B/C grade thresholds, saved through
// PUT /api/v1/admin/analysis-settings (validated per field, audited).
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { HEALTH_FACTORS, type GradeThresholds, type HealthWeights } from "@/lib/domain/health-score";

type Settings = { weights: HealthWeights; grading: GradeThresholds };

export function AnalysisSettingsForm({ initial }: { initial: Settings }) {
  const { m } = useI18n();
  const s = m.analysis.settings;
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const errorAt = (path: string) => errors.find((error) => error.path === path)?.message;

  async function submit() {
    setStatus("saving");
    const response = await fetch("/api/v1/admin/analysis-settings", {
      method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(value),
    }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) as { errors?: { path: string; message: string }[] };
    setErrors(response?.ok ? [] : (body?.errors ?? []));
    setStatus(response?.ok ? "saved" : "failed");
  }

  const numberField = (label: string, path: string, current: number, set: (next: number) => void) => (
    <label key={path} className="block space-y-1">
      <span className="text-sm font-medium">{label}</span>
      <Input type="number" min={0} max={100} value={current} aria-invalid={errorAt(path) ? true : undefined} onChange={(event) => set(Number(event.target.value))} />
      {errorAt(path) ? <span className="text-sm text-danger">{errorAt(path)}</span> : null}
    </label>
  );
  const amountField = (label: string, key: "aMinAmount" | "bMinAmount") => (
    <label key={key} className="block space-y-1">
      <span className="text-sm font-medium">{label}</span>
      <Input inputMode="decimal" value={value.grading[key]} aria-invalid={errorAt(`grading.${key}`) ? true : undefined} onChange={(event) => setValue({ ...value, grading: { ...value.grading, [key]: event.target.value } })} />
      {errorAt(`grading.${key}`) ? <span className="text-sm text-danger">{errorAt(`grading.${key}`)}</span> : null}
    </label>
  );
  return (
    <form className="space-y-6" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{s.weights}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {HEALTH_FACTORS.map((factor) => numberField(m.analysis.score.factors[factor], `weights.${factor}`, value.weights[factor], (next) => setValue({ ...value, weights: { ...value.weights, [factor]: next } })))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{s.grading}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {amountField(s.aMinAmount, "aMinAmount")}
          {numberField(s.aMinScore, "grading.aMinScore", value.grading.aMinScore, (next) => setValue({ ...value, grading: { ...value.grading, aMinScore: next } }))}
          {amountField(s.bMinAmount, "bMinAmount")}
          {numberField(s.bMinScore, "grading.bMinScore", value.grading.bMinScore, (next) => setValue({ ...value, grading: { ...value.grading, bMinScore: next } }))}
        </div>
      </fieldset>
      {status === "failed" && errors.length === 0 ? <Alert tone="danger">{m.analysis.failed}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={status === "saving"}>{status === "saving" ? m.analysis.saving : m.analysis.save}</Button>
        <span role="status" className="text-sm text-muted-foreground">{status === "saved" ? m.analysis.saved : ""}</span>
      </div>
    </form>
  );
}
