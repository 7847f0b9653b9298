"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { CardBody } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { CriterionAddForm } from "./criterion-add-form";
import { CriterionRow } from "./criterion-row";
import type { AdminCriterion, OrgActivityTypes, StageActions } from "./types";

type CriteriaListProps = {
  stage: StageKey;
  stageLabel: string;
  criteria: AdminCriterion[];
  activityTypes: OrgActivityTypes;
  actions: StageActions;
  onDone: (message: string) => void;
  onFailure: (message: string) => void;
};

/** The entry criteria of one stage: a deal must meet them (block) or is warned (warn) when moving in. */
export function CriteriaList({ stage, stageLabel, criteria, activityTypes, actions, onDone, onFailure }: CriteriaListProps) {
  const { m } = useI18n();
  const t = m.gatesUi.criteria;
  const title = interpolate(t.title, { stage: stageLabel });
  return (
    <div className="border-t border-border">
      <h3 className="px-5 pt-4 text-sm font-semibold text-foreground">{title}</h3>
      {criteria.length === 0 ? (
        <p className="px-5 py-3 text-sm text-muted-foreground">{t.empty}</p>
      ) : (
        <Table>
          <caption className="sr-only">{title}</caption>
          <TableHead>
            <tr>
              <TableHeaderCell>{t.kind}</TableHeaderCell>
              <TableHeaderCell>{t.labelEn}</TableHeaderCell>
              <TableHeaderCell>{t.labelZh}</TableHeaderCell>
              <TableHeaderCell>{t.mode}</TableHeaderCell>
              <TableHeaderCell>{t.config}</TableHeaderCell>
              <TableHeaderCell className="text-right">
                <span className="sr-only">{m.admin.actions}</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {criteria.map((criterion) => (
              <CriterionRow
                key={criterion.id}
                criterion={criterion}
                stageLabel={stageLabel}
                activityTypes={activityTypes.all}
                actions={actions}
                onDone={onDone}
                onFailure={onFailure}
              />
            ))}
          </TableBody>
        </Table>
      )}
      <CardBody className="border-t border-border bg-muted/30">
        <CriterionAddForm stage={stage} activityTypes={activityTypes.active} create={actions.createCriterion} onAdded={() => onDone(t.added)} />
      </CardBody>
    </div>
  );
}
