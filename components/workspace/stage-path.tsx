import { AlertTriangle, Check, Flag, Lightbulb, XCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { daysInStage, isStalled, PIPELINE_STAGE_KEYS, type StageKey, type StageTable } from "@/lib/domain/stages";
import { interpolate, type Locale } from "@/lib/i18n/config";
import type { Messages } from "@/messages/en";

type StagePathProps = {
  stage: StageKey;
  stageEnteredAt: string;
  /** For a lost deal: the stage it was lost from (marked on the path); null otherwise. */
  lostFromStage?: StageKey | null;
  stageTable: StageTable;
  locale: Locale;
  m: Messages;
  now?: Date;
};

const text = (value: { en: string; "zh-CN": string }, locale: Locale) => (locale === "zh-CN" ? value["zh-CN"] : value.en);

/**
 * P0–P7 across the top of the deal: passed stages ticked, the current one highlighted with its days in
 * stage, and the stage module's guidance for it — what happens here and what the next stage needs.
 */
export function StagePath({ stage, stageEnteredAt, lostFromStage = null, stageTable, locale, m, now = new Date() }: StagePathProps) {
  const t = m.workspace.stagePath;
  const current = stageTable[stage];
  const enteredAt = new Date(stageEnteredAt);
  const days = daysInStage(enteredAt, now);
  const limit = current.maxDaysInStage;
  const isDealStalled = isStalled(stage, enteredAt, now, stageTable);
  const isLost = stage === "LOST";
  return (
    <section aria-labelledby="stage-path-heading" className="mb-6 rounded-lg border border-border bg-surface shadow-xs">
      <h2 id="stage-path-heading" className="sr-only">
        {t.label}
      </h2>
      <ol className="flex overflow-x-auto border-b border-border">
        {PIPELINE_STAGE_KEYS.map((key, index) => {
          const isCurrent = key === stage;
          const reached = isLost ? (lostFromStage ? stageTable[lostFromStage] : null) : current;
          const isPassed = reached !== null && reached.order > stageTable[key].order;
          const isLostHere = isLost && key === lostFromStage;
          const state = isCurrent ? t.current : isLostHere ? t.lostHere : isPassed ? t.passed : t.upcoming;
          const fullName = text(stageTable[key].name, locale);
          const shortName = fullName.startsWith(`${key} `) ? fullName.slice(key.length + 1) : fullName;
          return (
            <li
              key={key}
              aria-current={isCurrent ? "step" : undefined}
              className={cn(
                "relative flex min-w-28 flex-1 flex-col gap-0.5 px-3 py-2.5 text-xs",
                index > 0 && "border-l border-border",
                isCurrent && (isDealStalled ? "bg-amber-50" : "bg-primary-soft"),
                isLostHere && "bg-rose-50",
              )}
            >
              <span
                className={cn(
                  "flex items-center gap-1 font-semibold",
                  isCurrent ? "text-primary" : isLostHere ? "text-rose-800" : isPassed ? "text-foreground" : "text-subtle-foreground",
                )}
              >
                {isPassed ? <Check className="size-3.5" aria-hidden="true" /> : null}
                {isLostHere ? <XCircle className="size-3.5" aria-hidden="true" /> : null}
                {key}
              </span>
              <span className={cn("truncate", isCurrent ? "font-medium text-foreground" : "text-muted-foreground")} title={shortName}>
                {shortName}
              </span>
              <span className="sr-only">({state})</span>
              {isCurrent ? <span className="absolute inset-x-0 bottom-0 h-0.5 bg-primary" aria-hidden="true" /> : null}
            </li>
          );
        })}
      </ol>
      <div className="grid gap-4 px-5 py-4 md:grid-cols-[12rem_minmax(0,1fr)_minmax(0,1fr)]">
        <div>
          <p className="text-sm font-semibold text-foreground">{text(current.name, locale)}</p>
          <p className="mt-0.5 text-sm tabular-nums text-muted-foreground">{days === 0 ? t.sinceToday : interpolate(t.daysHere, { days })}</p>
          {isLost ? <p className="mt-1 text-xs text-rose-800">{t.lostNote}</p> : null}
          {isDealStalled && limit !== null ? (
            <p className="mt-1.5 flex items-start gap-1.5 text-xs font-medium text-amber-800">
              <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden="true" />
              {interpolate(t.stalled, { limit })}
            </p>
          ) : null}
        </div>
        <div>
          <p className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            <Lightbulb className="size-3.5" aria-hidden="true" />
            {t.here}
          </p>
          <p className="mt-1 text-sm leading-relaxed text-foreground">{text(current.guidance.here, locale)}</p>
        </div>
        <div>
          <p className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            <Flag className="size-3.5" aria-hidden="true" />
            {t.next}
          </p>
          <p className="mt-1 text-sm leading-relaxed text-foreground">{text(current.guidance.next, locale)}</p>
        </div>
      </div>
    </section>
  );
}
