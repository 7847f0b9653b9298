"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure, ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Checkbox, Input } from "@/components/ui/input";
import { PURCHASE_STEP_NAMES, type PurchaseStepKey } from "@/lib/domain/decision-cycle";
import type { PurchaseStepOutput } from "@/lib/validations/decision-cycle";

type PurchaseStepsProps = {
  steps: PurchaseStepOutput[];
  save: (step: PurchaseStepKey, input: unknown) => Promise<ActionResult<PurchaseStepOutput>>;
};

/** The customer's purchase steps as a dated checklist; each tick or date change is saved at once. */
export function PurchaseSteps({ steps, save }: PurchaseStepsProps) {
  const { m, locale } = useI18n();
  const t = m.decisionCycle.steps;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const router = useRouter();
  const [rows, setRows] = useState(steps);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mutation = useMutation({
    mutationFn: ({ step, done, date }: { step: PurchaseStepKey; done: boolean; date: string | null }) => save(step, { done, date }),
    onSuccess: (result) => {
      if (!result.ok) {
        setFailure(result);
        setRows(steps);
        return;
      }
      setFailure(null);
      setRows((current) => current.map((row) => (row.step === result.data.step ? result.data : row)));
      router.refresh();
    },
  });
  const update = (step: PurchaseStepKey, done: boolean, date: string | null) => {
    setRows((current) => current.map((row) => (row.step === step ? { ...row, done, date } : row)));
    mutation.mutate({ step, done, date });
  };

  return (
    <div className="space-y-2">
      <FormFailure failure={failure} />
      <ol className="divide-y divide-border">
        {rows.map((row, index) => {
          const name = PURCHASE_STEP_NAMES[row.step][lang];
          return (
            <li key={row.step} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-step={row.step}>
              <label className="flex min-w-0 flex-1 items-center gap-2">
                <Checkbox checked={row.done} onChange={(event) => update(row.step, event.target.checked, row.date)} />
                <span className={row.done ? "text-foreground" : "text-muted-foreground"}>{`${index + 1}. ${name}`}</span>
              </label>
              <Input
                type="date"
                className="w-40"
                value={row.date ?? ""}
                disabled={!row.done}
                aria-label={`${t.date}: ${name}`}
                onChange={(event) => event.target.value && update(row.step, true, event.target.value)}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
