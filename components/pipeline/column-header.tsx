"use client";

import { memo, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { interpolate } from "@/lib/i18n/config";
import type { PipelineTotals } from "@/lib/validations/pipeline";
import { type BoardStage, formatCardMoney, formatCompactMoney, formatPercent } from "./board-model";
import { usePipelineMessages } from "./use-pipeline-messages";

type ColumnHeaderProps = { headingId: string; stage: BoardStage; totals: PipelineTotals; currency: string; action?: ReactNode };

/** Stage name, probability, deal count, total and weighted amount — the server's totals over the whole filtered set. */
export const ColumnHeader = memo(function ColumnHeader({ headingId, stage, totals, currency, action }: ColumnHeaderProps) {
  const { locale } = useI18n();
  const t = usePipelineMessages();
  const amount = formatCardMoney(totals.amount, currency, locale);
  const weighted = formatCardMoney(totals.weightedAmount, currency, locale);
  return (
    <header className="border-b border-border px-3 pb-2.5 pt-3">
      <div className="flex items-center gap-2">
        <h2 id={headingId} className="min-w-0 flex-1 truncate text-sm font-semibold text-foreground" title={stage.name}>
          {stage.name}
        </h2>
        <span
          className="shrink-0 rounded-full border border-slate-200 bg-surface px-2 py-0.5 text-xs font-medium tabular-nums text-slate-700"
          data-testid="column-count"
          aria-label={interpolate(t.count, { count: totals.count.toLocaleString(locale) })}
        >
          {totals.count.toLocaleString(locale)}
        </span>
        {action}
      </div>
      <p className="mt-0.5 text-[11px] text-muted-foreground">{interpolate(t.probability, { percent: formatPercent(stage.probability, locale) })}</p>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-xs">
        <div className="min-w-0">
          <dt className="text-muted-foreground">{t.amount}</dt>
          <dd className="truncate font-semibold tabular-nums text-foreground" title={amount} data-testid="column-amount">
            <span aria-hidden="true">{formatCompactMoney(totals.amount, currency, locale)}</span>
            <span className="sr-only">{amount}</span>
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-muted-foreground">{t.weighted}</dt>
          <dd className="truncate font-semibold tabular-nums text-primary" title={weighted} data-testid="column-weighted">
            <span aria-hidden="true">{formatCompactMoney(totals.weightedAmount, currency, locale)}</span>
            <span className="sr-only">{weighted}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
});
