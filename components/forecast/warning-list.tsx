"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { interpolate } from "@/lib/i18n/config";
import { CsvButton } from "./csv-button";
import { sendJson } from "./send-json";
import type { DealWarningView } from "./types";

const FIRST_PAGE = 20;

/**
 * The warnings feed: each warning explains itself; acknowledge or snooze it (stored per user, on the server).
 * Filter by owner (a manager's per-rep view) and by rule; the first 20 show, the rest on request; CSV exports
 * what the filters select.
 */
export function WarningList({ warnings, ruleNames, filename }: { warnings: DealWarningView[]; ruleNames: Record<string, string>; filename: string }) {
  const { m, locale } = useI18n();
  const t = m.forecast;
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [owner, setOwner] = useState("");
  const [rule, setRule] = useState("");
  const [isAll, setIsAll] = useState(false);
  const owners = useMemo(() => [...new Map(warnings.map((warning) => [warning.ownerId, warning.ownerName]))].sort((a, b) => a[1].localeCompare(b[1])), [warnings]);
  const rules = useMemo(() => [...new Set(warnings.map((warning) => warning.rule))], [warnings]);
  const shown = warnings.filter((warning) => (!owner || warning.ownerId === owner) && (!rule || warning.rule === rule));

  const act = async (warning: DealWarningView, action: "acknowledge" | "snooze") => {
    const id = `${warning.opportunityId}:${warning.rule}`;
    setBusy(id);
    setError(null);
    const result = await sendJson("/api/v1/warnings", "POST", {
      opportunityId: warning.opportunityId, rule: warning.rule, action, ...(action === "snooze" ? { snoozeDays: 7 } : {}),
    });
    if (result.ok) router.refresh();
    else setError(interpolate(t.actionFailed, { message: result.message }));
    setBusy(null);
  };
  if (!warnings.length) return <p className="text-sm text-muted-foreground">{t.noWarnings}</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
        <div className="flex flex-wrap gap-3">
          <Field label={t.owner}>
            <NativeSelect value={owner} onChange={(event) => setOwner(event.target.value)} className="w-48">
              <option value="">{t.allOwners}</option>
              {owners.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </NativeSelect>
          </Field>
          <Field label={t.rule}>
            <NativeSelect value={rule} onChange={(event) => setRule(event.target.value)} className="w-56">
              <option value="">{t.allRules}</option>
              {rules.map((key) => <option key={key} value={key}>{ruleNames[key] ?? key}</option>)}
            </NativeSelect>
          </Field>
        </div>
        <CsvButton
          filename={filename}
          headers={[t.rule, t.deal, t.owner, t.stage, t.message]}
          rows={shown.map((warning) => [ruleNames[warning.rule] ?? warning.rule, warning.opportunityName, warning.ownerName, warning.stage, warning.message[locale]])}
        />
      </div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <ul className="divide-y divide-border">
        {(isAll ? shown : shown.slice(0, FIRST_PAGE)).map((warning) => {
          const id = `${warning.opportunityId}:${warning.rule}`;
          return (
            <li key={id} className="flex items-start justify-between gap-3 py-2 max-sm:flex-col" data-testid="warning-item" data-warning={id}>
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <Badge tone={warning.severity === "high" ? "danger" : warning.severity === "medium" ? "amber" : "neutral"}>{ruleNames[warning.rule] ?? warning.rule}</Badge>{" "}
                  <a href={`/opportunities/${warning.opportunityId}`} className="font-medium text-primary hover:underline">{warning.opportunityName}</a>
                  <span className="text-muted-foreground"> · {warning.ownerName}</span>
                </p>
                <p className="mt-0.5 text-sm text-muted-foreground">{warning.message[locale]}</p>
              </div>
              <div className="flex shrink-0 gap-1 print:hidden">
                <Button type="button" size="sm" variant="ghost" disabled={busy === id} onClick={() => act(warning, "acknowledge")}>{t.acknowledge}</Button>
                <Button type="button" size="sm" variant="ghost" disabled={busy === id} onClick={() => act(warning, "snooze")}>{t.snooze}</Button>
              </div>
            </li>
          );
        })}
      </ul>
      {!isAll && shown.length > FIRST_PAGE ? (
        <Button type="button" variant="secondary" size="sm" className="print:hidden" onClick={() => setIsAll(true)}>
          {interpolate(t.showAll, { count: shown.length })}
        </Button>
      ) : null}
    </div>
  );
}
