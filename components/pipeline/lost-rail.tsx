"use client";

import { useDroppable } from "@dnd-kit/core";
import { ChevronsLeft, ChevronsRight } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { interpolate } from "@/lib/i18n/config";
import type { PipelineTotals } from "@/lib/validations/pipeline";
import { formatCount } from "./board-format";
import { useBoardFormats } from "./board-formats-context";
import { usePipelineMessages } from "./use-pipeline-messages";

/** LOST, collapsed at the board's side: its count, a drop target, and the button that opens the column. */
export function LostRail({ name, totals, onExpand }: { name: string; totals: PipelineTotals; onExpand: () => void }) {
  const count = formatCount(useBoardFormats(), totals.count);
  const t = usePipelineMessages();
  const { setNodeRef, isOver } = useDroppable({ id: "column:LOST", data: { stage: "LOST" } });
  return (
    <section
      ref={setNodeRef}
      aria-label={interpolate(t.columnLabel, { stage: name, count: count })}
      data-testid="pipeline-column"
      data-stage="LOST"
      data-collapsed="true"
      className={cn(
        "flex h-full w-14 shrink-0 flex-col items-center rounded-lg border py-3 transition-colors",
        isOver ? "border-rose-400 bg-rose-50 ring-2 ring-rose-300/50" : "border-border bg-slate-50/80",
      )}
    >
      <button
        type="button"
        onClick={onExpand}
        aria-expanded="false"
        className="inline-flex size-8 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        title={t.showLost}
      >
        <ChevronsLeft className="size-4" aria-hidden="true" />
        <span className="sr-only">{t.showLost}</span>
      </button>
      <span className="mt-2 rounded-full border border-rose-200 bg-rose-50 px-1.5 py-0.5 text-xs font-medium tabular-nums text-rose-800" data-testid="column-count">
        {count}
      </span>
      <span className="mt-3 text-sm font-semibold text-muted-foreground [writing-mode:vertical-rl]">{name}</span>
    </section>
  );
}

export function CollapseLostButton({ onCollapse }: { onCollapse: () => void }) {
  const t = usePipelineMessages();
  return (
    <button
      type="button"
      onClick={onCollapse}
      aria-expanded="true"
      title={t.hideLost}
      className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <ChevronsRight className="size-4" aria-hidden="true" />
      <span className="sr-only">{t.hideLost}</span>
    </button>
  );
}
