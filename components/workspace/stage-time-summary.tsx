import { cn } from "@/components/ui/cn";
import { stageVisits, timePerStage, wholeDays } from "@/lib/domain/stage-timeline";
import { stageName, type StageTable } from "@/lib/domain/stages";
import { interpolate, type Locale } from "@/lib/i18n/config";
import type { StageChangeOutput } from "@/lib/validations/opportunity";
import type { Messages } from "@/messages/en";

type StageTimeSummaryProps = { entries: StageChangeOutput[]; stageTable: StageTable; locale: Locale; m: Messages; now?: Date };

/** Total time the deal spent in each stage it went through, as proportional bars (revisits add up). */
export function StageTimeSummary({ entries, stageTable, locale, m, now = new Date() }: StageTimeSummaryProps) {
  const w = m.workspace.history;
  const totals = timePerStage(stageVisits(entries, now));
  if (totals.length === 0) return null;
  const longest = Math.max(1, ...totals.map((total) => total.durationMs));
  return (
    <div className="mb-5">
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{w.timePerStage}</h3>
      <ul className="space-y-1.5">
        {totals.map((total) => {
          const days = wholeDays(total.durationMs);
          const limit = stageTable[total.stage].maxDaysInStage;
          const isOver = limit !== null && days > limit;
          return (
            <li key={total.stage} className="grid grid-cols-[2.75rem_minmax(0,1fr)_3.5rem] items-center gap-2 text-xs">
              <span className="font-semibold">{total.stage === "LOST" ? stageName("LOST", locale, stageTable) : total.stage}</span>
              <span className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden="true">
                <span
                  className={cn("block h-full rounded-full", isOver ? "bg-amber-500" : total.isCurrent ? "bg-primary" : "bg-indigo-300")}
                  style={{ width: `${Math.max(2, (total.durationMs / longest) * 100)}%` }}
                />
              </span>
              <span className={cn("text-right tabular-nums", isOver ? "font-semibold text-amber-800" : "text-muted-foreground")}>
                {days === 0 ? w.underADay : interpolate(w.days, { days })}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
