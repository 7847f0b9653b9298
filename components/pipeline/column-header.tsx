"use client";

import { memo, type ReactNode } from "react";
import { interpolate } from "@/lib/i18n/config";
import type { PipelineTotals } from "@/lib/validations/pipeline";
import { formatCompactMoney, formatCount, formatMoney, formatPercent } from "./board-format";
import { useBoardFormats } from "./board-formats-context";
import type { BoardStage } from "./board-model";
import { usePipelineMessages } from "./use-pipeline-messages";

type ColumnHeaderProps = { headingId: string; stage: BoardStage; totals: PipelineTotals; currency: string; action?: ReactNode };

/** Stage name, probability, deal count, total and weighted amount — the server's totals over the whole filtered set. */
export const ColumnHeader = memo(function ColumnHeader({ headingId, stage, totals, currency, action }: ColumnHeaderProps) {
  const formats = useBoardFormats();
  const t = usePipelineMessages();
  const amount = formatMoney(formats, totals.amount, currency);
  const weighted = formatMoney(formats, totals.weightedAmount, currency);
  const count = formatCount(formats, totals.count);
  return (
    <header className="border-b border-border px-3 pb-2.5 pt-3">
      <div className="flex items-center gap-2">
        <h2 id={headingId} className="min-w-0 flex-1 truncate text-sm font-semibold text-foreground" title={stage.name}>
          {stage.name}
        </h2>
        <span
          className="shrink-0 rounded-full border border-slate-200 bg-surface px-2 py-0.5 text-xs font-medium tabular-nums text-slate-700"
          data-testid="column-count"
          aria-label={interpolate(t.count, { count: count })}
        >
          {count}
        </span>
        {action}
      </div>
      <p className="mt-0.5 text-[11px] text-muted-foreground">{interpolate(t.probability, { percent: formatPercent(formats, stage.probability) })}</p>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-xs">
        <div className="min-w-0">
          <dt className="text-muted-foreground">{t.amount}</dt>
          <dd className="truncate font-semibold tabular-nums text-foreground" title={amount} data-testid="column-amount">
            <span aria-hidden="true">{formatCompactMoney(formats, totals.amount)}</span>
            <span className="sr-only">{amount}</span>
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-muted-foreground">{t.weighted}</dt>
          <dd className="truncate font-semibold tabular-nums text-primary" title={weighted} data-testid="column-weighted">
            <span aria-hidden="true">{formatCompactMoney(formats, totals.weightedAmount)}</span>
            <span className="sr-only">{weighted}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
});
