"use client";

import { CircleCheck, CircleX, X } from "lucide-react";
import Link from "next/link";
import { localizeFieldMessage } from "@/components/forms/localize";
import { GateFixList, unmetGateErrors } from "@/components/opportunities/gates/gate-fix-list";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { stageName, type StageKey, type StageTable } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import type { BulkStageMoveResult } from "@/lib/validations/opportunity-table";
import type { Messages } from "@/messages/en";

export type BulkOutcome = Omit<BulkStageMoveResult, "opportunity"> & { name: string };

type BulkMoveResultsProps = { to: StageKey; outcomes: BulkOutcome[]; stageTable: StageTable; onDismiss: () => void };

function refusalText(outcome: BulkOutcome, m: Messages): string {
  const reasons = m.opportunityTable.bulk.reasons;
  switch (outcome.code) {
    case "VALIDATION":
      // Unmet gate criteria arrive already in the caller's language, one per criterion, listed with their fixes.
      if (unmetGateErrors(outcome.errors).length) return m.gatesFinish.refusal.lead;
      return outcome.errors?.length
        ? outcome.errors.map((error) => localizeFieldMessage(error.message, m)).join("; ")
        : localizeFieldMessage(outcome.message ?? "", m);
    case "CONFLICT":
    case "FORBIDDEN":
    case "NOT_FOUND":
      return reasons[outcome.code];
    default:
      return reasons.INTERNAL;
  }
}

/** What a bulk move did, row by row: moved, or refused and why. */
export function BulkMoveResults({ to, outcomes, stageTable, onDismiss }: BulkMoveResultsProps) {
  const { locale, m } = useI18n();
  const t = m.opportunityTable.bulk;
  const moved = outcomes.filter((outcome) => outcome.status === "moved").length;
  const refused = outcomes.length - moved;
  return (
    <div className="border-b border-border px-4 py-3">
      <Alert
        tone={refused ? "warning" : "success"}
        title={interpolate(t.summary, { moved, refused })}
        actions={
          <Button variant="secondary" size="sm" onClick={onDismiss}>
            <X aria-hidden="true" />
            {t.dismiss}
          </Button>
        }
      >
        <ul aria-label={t.resultsTitle} className="max-h-56 space-y-1 overflow-y-auto pr-2">
          {outcomes.map((outcome) => (
            <li key={outcome.id} className="flex items-start gap-2" data-status={outcome.status}>
              {outcome.status === "moved" ? (
                <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
              ) : (
                <CircleX aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-rose-600" />
              )}
              <div className="min-w-0">
                <Link href={`/opportunities/${outcome.id}`} className="font-medium underline-offset-2 hover:underline">
                  {outcome.name}
                </Link>
                {" — "}
                {outcome.status === "moved"
                  ? interpolate(t.moved, { stage: stageName(to, locale, stageTable) })
                  : interpolate(t.refused, { reason: refusalText(outcome, m) })}
                {outcome.status === "refused" ? <GateFixList className="mt-1" opportunityId={outcome.id} to={to} errors={outcome.errors ?? []} /> : null}
              </div>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
