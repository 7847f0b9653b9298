import { ArrowRight, CircleDot, Clock } from "lucide-react";
import { stageVisits, wholeDays } from "@/lib/domain/stage-timeline";
import { stageName, type StageTable } from "@/lib/domain/stages";
import { interpolate, type Locale } from "@/lib/i18n/config";
import { formatDateTime, formatMoney, formatPercent } from "@/lib/i18n/format";
import type { StageChangeOutput } from "@/lib/validations/opportunity";
import type { Messages } from "@/messages/en";
import { StageBadge } from "./stage-badge";

type StageHistoryProps = { entries: StageChangeOutput[]; currency: string; stageTable: StageTable; locale: Locale; m: Messages; now?: Date };

/**
 * The stage timeline, newest first: each move with who, when, the amount and probability then in force,
 * and how long the deal stayed in the stage it entered (so far, for the current one).
 */
export function StageHistory({ entries, currency, stageTable, locale, m, now = new Date() }: StageHistoryProps) {
  const h = m.opportunity.history;
  const w = m.workspace.history;
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{h.empty}</p>;
  const visits = stageVisits(entries, now);
  const newestFirst = entries.map((entry, index) => ({ entry, visit: visits[index] })).reverse();
  return (
    <ol className="relative space-y-5 border-l border-border pl-6">
      {newestFirst.map(({ entry, visit }, index) => {
        const days = wholeDays(visit.durationMs);
        const duration = days === 0 ? w.underADay : interpolate(w.days, { days });
        return (
        <li key={`${entry.at}-${index}`} className="relative">
          <span className="absolute -left-[31px] top-0.5 flex size-4 items-center justify-center rounded-full bg-surface text-primary ring-4 ring-surface">
            <CircleDot className="size-4" aria-hidden="true" />
          </span>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {entry.fromStage ? (
              <>
                <StageBadge stage={entry.fromStage} label={stageName(entry.fromStage, locale, stageTable)} />
                <ArrowRight className="size-3.5 text-muted-foreground" aria-hidden="true" />
                <span className="sr-only"> → </span>
                <StageBadge stage={entry.toStage} label={stageName(entry.toStage, locale, stageTable)} />
              </>
            ) : (
              <span className="font-medium">{interpolate(h.created, { stage: stageName(entry.toStage, locale, stageTable) })}</span>
            )}
          </div>
          <p className="mt-1.5 text-xs text-muted-foreground">
            <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
            {" · "}
            {interpolate(h.by, { name: entry.byUserName })}
          </p>
          <p className="mt-1 text-xs tabular-nums text-muted-foreground">
            {interpolate(h.amount, { amount: formatMoney(entry.amount, currency, locale) })}
            {" · "}
            {interpolate(h.probability, { probability: formatPercent(entry.probability, locale) })}
          </p>
          {entry.lossReason ? <p className="mt-1 text-sm text-rose-800">{interpolate(h.lossReason, { reason: entry.lossReason })}</p> : null}
          {entry.reason ? <p className="mt-1 text-sm text-foreground">{interpolate(h.reason, { reason: entry.reason })}</p> : null}
          <p className="mt-1 flex items-center gap-1.5 text-xs tabular-nums text-muted-foreground">
            <Clock className="size-3.5" aria-hidden="true" />
            {visit.leftAt
              ? interpolate(w.inStage, { duration, stage: stageName(entry.toStage, locale, stageTable) })
              : interpolate(w.soFar, { duration })}
          </p>
        </li>
        );
      })}
    </ol>
  );
}
