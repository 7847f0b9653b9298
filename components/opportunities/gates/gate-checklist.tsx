"use client";

import { CheckCircle2, CircleAlert } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import type { GateStatus } from "@/lib/validations/gates";
import { GateCriterionItem } from "./gate-criterion-item";
import type { EvidenceActivity, GateActions } from "./types";

type GateChecklistProps = {
  opportunityId: string;
  status: GateStatus;
  stageNames: Record<StageKey, string>;
  activities: EvidenceActivity[];
  actions: GateActions;
};

/** The next stage's entry criteria on the deal page: what is met, who ticked what with which evidence. */
export function GateChecklist({ opportunityId, status, stageNames, activities, actions }: GateChecklistProps) {
  const { m } = useI18n();
  const t = m.gatesUi.checklist;
  const stage = stageNames[status.to].startsWith(status.to) ? stageNames[status.to] : `${status.to} · ${stageNames[status.to]}`;
  const isClosed = status.to === status.from;
  return (
    <Card id="gate-checklist" aria-labelledby="gate-checklist-heading" className="scroll-mt-20">
      <CardHeader
        title={isClosed ? interpolate(t.title, { stage: status.from }) : interpolate(t.title, { stage })}
        description={isClosed ? t.closed : interpolate(t.description, { stage })}
        headingId="gate-checklist-heading"
      />
      {isClosed ? null : (
        <CardBody className="space-y-3">
          {status.criteria.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t.none}</p>
          ) : (
            <>
              <p className={status.canMove ? "flex items-center gap-1.5 text-sm text-emerald-700" : "flex items-center gap-1.5 text-sm text-danger"}>
                {status.canMove ? <CheckCircle2 className="size-4" aria-hidden="true" /> : <CircleAlert className="size-4" aria-hidden="true" />}
                {status.canMove ? interpolate(t.canMove, { stage }) : t.cannotMove}
              </p>
              <ul className="space-y-3">
                {status.criteria.map((criterion) => (
                  <GateCriterionItem
                    key={criterion.criterionId}
                    opportunityId={opportunityId}
                    criterion={criterion}
                    activities={activities}
                    actions={actions}
                  />
                ))}
              </ul>
            </>
          )}
        </CardBody>
      )}
    </Card>
  );
}
