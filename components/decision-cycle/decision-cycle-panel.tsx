"use client";

import { GitCompareArrows, Route } from "lucide-react";
import Link from "next/link";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DECISION_STAGE_NAMES } from "@/lib/domain/decision-cycle";
import { interpolate } from "@/lib/i18n/config";
import type { DecisionCycleOutput } from "@/lib/validations/decision-cycle";
import { DecisionGuidance } from "./decision-guidance";
import { DecisionStageForm, type EvidenceActivity } from "./decision-stage-form";

type DecisionCyclePanelProps = {
  cycle: DecisionCycleOutput;
  /** The deal's P stage name in the viewer's language (from the org's stage table). */
  projectStageName: string;
  activities: EvidenceActivity[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** Where "value chain, purchase steps and history" lives; absent on that page itself. */
  detailsHref?: string;
};

/** The deal page's decision-cycle card: the customer's stage, the alignment flag, coaching and the change form. */
export function DecisionCyclePanel({ cycle, projectStageName, activities, action, detailsHref }: DecisionCyclePanelProps) {
  const { m, locale } = useI18n();
  const t = m.decisionCycle.panel;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const name = (key: keyof typeof DECISION_STAGE_NAMES | null) => (key ? DECISION_STAGE_NAMES[key][lang] : t.notRecorded);

  return (
    <Card aria-labelledby="decision-cycle-heading" data-testid="decision-cycle-panel">
      <CardHeader title={t.title} description={t.description} headingId="decision-cycle-heading" />
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">{t.current}</dt>
            <dd className="font-medium text-foreground" data-testid="customer-decision-stage">{name(cycle.stage)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{interpolate(t.expected, { stage: projectStageName })}</dt>
            <dd className="font-medium text-foreground">{name(cycle.expectedStage)}</dd>
          </div>
        </dl>
        {cycle.status === "AHEAD" && cycle.stage && cycle.expectedStage ? (
          <Alert tone="warning" title={t.ahead}>
            <span data-testid="deal-ahead-of-customer">
              {interpolate(t.aheadDetail, {
                stage: projectStageName, expected: name(cycle.expectedStage), actual: name(cycle.stage), gap: cycle.gap ?? 0,
              })}
            </span>
          </Alert>
        ) : (
          <p className="flex items-center gap-1.5 text-sm text-muted-foreground" data-testid="decision-alignment">
            <GitCompareArrows className="size-4" aria-hidden="true" />
            {cycle.status === "ALIGNED" ? t.aligned : cycle.status === "CLOSED" ? t.closed : t.unknown}
          </p>
        )}
        {cycle.stage ? <DecisionGuidance stage={cycle.stage} locale={locale} m={m} /> : null}
        <DecisionStageForm current={cycle.stage} activities={activities} action={action} />
        {detailsHref ? (
          <Link href={detailsHref} className="inline-flex items-center gap-1.5 text-sm font-medium text-primary hover:underline">
            <Route className="size-4" aria-hidden="true" />
            {t.details}
          </Link>
        ) : null}
      </CardBody>
    </Card>
  );
}
