"use client";

import { Send } from "lucide-react";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { interpolate } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import type { SnapshotOutput } from "@/lib/validations/forecast";
import { sendJson } from "./send-json";

/** "Submit my forecast": freezes the caller's own forecast of the period now (POST /api/v1/forecast/snapshots). */
export function SubmitForecastButton({ period, currency }: { period: string; currency: string }) {
  const { m, locale } = useI18n();
  const t = m.forecast;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const result = await sendJson<SnapshotOutput>("/api/v1/forecast/snapshots", "POST", { period });
    setBusy(false);
    setMessage(result.ok
      ? interpolate(t.submitted, { period: result.body.period, count: result.body.count, weighted: formatMoney(result.body.weightedAmount, currency, locale) })
      : interpolate(t.actionFailed, { message: result.message }));
  };
  return (
    <div className="flex flex-col items-end gap-1 print:hidden">
      <Button type="button" variant="secondary" disabled={busy} onClick={submit}>
        <Send aria-hidden="true" /> {t.submitForecast}
      </Button>
      {message ? <p role="status" className="max-w-xs text-right text-xs text-muted-foreground">{message}</p> : null}
    </div>
  );
}
