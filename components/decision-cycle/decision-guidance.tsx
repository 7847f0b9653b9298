import { DECISION_STAGE_GUIDANCE, DECISION_STAGE_NAMES, type DecisionStageKey } from "@/lib/domain/decision-cycle";
import { interpolate, type Locale } from "@/lib/i18n/config";
import type { Messages } from "@/messages/en";

/** METHOD.md §2's coaching for the customer's current stage: what they think, what they ask, what to do. */
export function DecisionGuidance({ stage, locale, m }: { stage: DecisionStageKey; locale: Locale; m: Messages }) {
  const t = m.decisionCycle.guidance;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const guidance = DECISION_STAGE_GUIDANCE[stage];
  return (
    <section aria-label={interpolate(t.title, { stage: DECISION_STAGE_NAMES[stage][lang] })} className="rounded-md bg-muted/60 p-3 text-sm">
      <h3 className="font-medium text-foreground">{interpolate(t.title, { stage: DECISION_STAGE_NAMES[stage][lang] })}</h3>
      <dl className="mt-2 space-y-2">
        {(["thinking", "asks", "do"] as const).map((part) => (
          <div key={part}>
            <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t[part]}</dt>
            <dd className="text-foreground">{guidance[part][lang]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
