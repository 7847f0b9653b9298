"use client";
// A move to LOST refused by the LOST gate: one line per missing part of the close-out review, in the style of
// the gate refusal list (components/opportunities/gates/gate-fix-list.tsx).
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { CloseOutGap } from "@/lib/domain/close-out";
import type { FieldError } from "@/lib/errors";

const GAPS: readonly CloseOutGap[] = ["outcome", "primaryReason", "winnerCompetitor", "lessons"];

/** The gaps named by a refusal's field errors (kind CLOSE_OUT, path closeOut.<gap>). */
export function closeOutGapsOf(errors: readonly FieldError[] | undefined): CloseOutGap[] {
  const named = new Set((errors ?? []).filter((error) => error.kind === "CLOSE_OUT").map((error) => error.path.replace(/^closeOut\./, "")));
  return GAPS.filter((gap) => named.has(gap));
}

export function CloseOutGapList({ gaps, className }: { gaps: readonly CloseOutGap[]; className?: string }) {
  const { m } = useI18n();
  const r = m.analysis.review;
  if (gaps.length === 0) return null;
  return (
    <div role="alert" className={cn("rounded-md border border-danger/40 p-3 text-sm text-danger", className)}>
      <p className="font-medium">{r.gapsTitle}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="close-out-gap-list">
        {gaps.map((gap) => <li key={gap}>{r.gaps[gap]}</li>)}
      </ul>
    </div>
  );
}
