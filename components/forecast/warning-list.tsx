"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { DealWarningView } from "./types";

/** The warnings feed: each warning explains itself; acknowledge or snooze it (stored per user). */
export function WarningList({ warnings, ruleNames }: { warnings: DealWarningView[]; ruleNames: Record<string, string> }) {
  const { m, locale } = useI18n();
  const t = m.forecast;
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (warning: DealWarningView, action: "acknowledge" | "snooze") => {
    const id = `${warning.opportunityId}:${warning.rule}`;
    setBusy(id);
    try {
      await fetch("/api/v1/warnings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ opportunityId: warning.opportunityId, rule: warning.rule, action, ...(action === "snooze" ? { snoozeDays: 7 } : {}) }),
      });
      router.refresh();
    } finally {
      setBusy(null);
    }
  };
  if (!warnings.length) return <p className="text-sm text-muted-foreground">{t.noWarnings}</p>;
  return (
    <ul className="divide-y divide-border">
      {warnings.map((warning) => {
        const id = `${warning.opportunityId}:${warning.rule}`;
        return (
          <li key={id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="warning-item">
            <div className="min-w-0">
              <p className="text-sm">
                <Badge tone={warning.severity === "high" ? "danger" : warning.severity === "medium" ? "amber" : "neutral"}>{ruleNames[warning.rule] ?? warning.rule}</Badge>{" "}
                <a href={`/opportunities/${warning.opportunityId}`} className="font-medium text-primary hover:underline">{warning.opportunityName}</a>
                <span className="text-muted-foreground"> · {warning.ownerName}</span>
              </p>
              <p className="mt-0.5 text-sm text-muted-foreground">{warning.message[locale]}</p>
            </div>
            <div className="flex gap-1 print:hidden">
              <Button type="button" size="sm" variant="ghost" disabled={busy === id} onClick={() => act(warning, "acknowledge")}>{t.acknowledge}</Button>
              <Button type="button" size="sm" variant="ghost" disabled={busy === id} onClick={() => act(warning, "snooze")}>{t.snooze}</Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
