import { DECISION_STAGE_NAMES } from "@/lib/domain/decision-cycle";
import { interpolate, type Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { DecisionStageChangeOutput } from "@/lib/validations/decision-cycle";
import type { Messages } from "@/messages/en";

/** The append-only history, newest first: each change with who, when and its evidence. */
export function DecisionHistory({ entries, locale, m }: { entries: DecisionStageChangeOutput[]; locale: Locale; m: Messages }) {
  const t = m.decisionCycle.history;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  if (!entries.length) return <p className="text-sm text-muted-foreground">{t.empty}</p>;
  return (
    <ol className="space-y-3" data-testid="decision-history">
      {[...entries].reverse().map((entry) => (
        <li key={entry.id} className="border-l-2 border-violet-300 pl-3 text-sm">
          <p className="font-medium text-foreground">
            {entry.fromStage
              ? interpolate(t.change, { from: DECISION_STAGE_NAMES[entry.fromStage][lang], to: DECISION_STAGE_NAMES[entry.toStage][lang] })
              : interpolate(t.first, { to: DECISION_STAGE_NAMES[entry.toStage][lang] })}
          </p>
          <p className="text-xs text-muted-foreground">
            {formatDateTime(entry.at, locale)} · {interpolate(t.by, { name: entry.byUserName })}
          </p>
          {entry.note ? <p className="mt-1 whitespace-pre-line text-foreground">{entry.note}</p> : null}
          {entry.activity ? <p className="mt-1 text-muted-foreground">{interpolate(t.activity, { subject: entry.activity.subject })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
