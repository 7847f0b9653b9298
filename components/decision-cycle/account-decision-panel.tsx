import type { ActionResult } from "@/components/forms/action-result";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DECISION_STAGE_NAMES, type DecisionStageKey } from "@/lib/domain/decision-cycle";
import type { Locale } from "@/lib/i18n/config";
import type { DecisionStageChangeOutput } from "@/lib/validations/decision-cycle";
import type { Messages } from "@/messages/en";
import { DecisionGuidance } from "./decision-guidance";
import { DecisionHistory } from "./decision-history";
import { DecisionStageForm, type EvidenceActivity } from "./decision-stage-form";

type AccountDecisionPanelProps = {
  decision: { stage: DecisionStageKey | null; isKeyAccount: boolean; history: DecisionStageChangeOutput[] };
  activities: EvidenceActivity[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  locale: Locale;
  m: Messages;
};

/** A key account's own decision stage (account development before any deal), its coaching and history. */
export function AccountDecisionPanel({ decision, activities, action, locale, m }: AccountDecisionPanelProps) {
  const t = m.decisionCycle;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  return (
    <Card aria-labelledby="account-decision-heading" data-testid="account-decision-panel">
      <CardHeader title={t.account.title} description={t.account.description} headingId="account-decision-heading" />
      <CardBody className="space-y-4">
        <div className="text-sm">
          <p className="text-xs text-muted-foreground">{t.panel.current}</p>
          <p className="font-medium text-foreground">{decision.stage ? DECISION_STAGE_NAMES[decision.stage][lang] : t.panel.notRecorded}</p>
          <p className="mt-1 text-xs text-muted-foreground">{t.account.latest}</p>
        </div>
        {decision.stage ? <DecisionGuidance stage={decision.stage} locale={locale} m={m} /> : null}
        {decision.isKeyAccount ? (
          <DecisionStageForm current={decision.stage} activities={activities} action={action} />
        ) : (
          <p className="text-sm text-muted-foreground">{t.account.notKey}</p>
        )}
        {decision.history.length ? <DecisionHistory entries={decision.history} locale={locale} m={m} /> : null}
      </CardBody>
    </Card>
  );
}
