"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { SaveState } from "./use-analysis-document";

/** The save button of an analysis editor with what happened on the last save, announced politely. */
export function SaveBar({ state, isDirty, onSave, children }: { state: SaveState; isDirty: boolean; onSave: () => void; children?: React.ReactNode }) {
  const { m } = useI18n();
  const a = m.analysis;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={onSave} disabled={state.kind === "saving"}>{state.kind === "saving" ? a.saving : a.save}</Button>
        {children}
        <span role="status" className="text-sm text-muted-foreground">
          {state.kind === "saved" && !isDirty ? a.saved : isDirty ? a.unsaved : ""}
        </span>
      </div>
      {state.kind === "conflict" ? <Alert tone="warning">{a.conflict}</Alert> : null}
      {state.kind === "failed" ? <Alert tone="danger">{a.failed}</Alert> : null}
      {state.kind === "invalid" ? (
        <Alert tone="danger" title={a.invalid}>
          <ul className="list-disc pl-5">
            {state.errors.map((error) => <li key={error.path}><code>{error.path}</code>: {error.message}</li>)}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
