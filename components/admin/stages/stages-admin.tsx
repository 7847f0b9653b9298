"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { interpolate } from "@/lib/i18n/config";
import { CriteriaList } from "./criteria-list";
import { CalibrationTable } from "./calibration-table";
import { type StageCalibration, StageCalibrationLine } from "./stage-calibration";
import { StageSettingsForm } from "./stage-settings-form";
import type { AdminCriterion, AdminStage, OrgActivityTypes, StageActions } from "./types";

type StagesAdminProps = {
  stages: AdminStage[];
  criteria: AdminCriterion[];
  /** The org's activity types: ACTIVITY criteria offer the active ones and name any. */
  activityTypes: OrgActivityTypes;
  actions: StageActions;
  nav: ReactNode;
  /** Configured probability next to the observed win rate, per stage (issue 8). */
  calibration?: StageCalibration[];
};

type Notice = { tone: "success" | "danger"; text: string } | null;

/** /admin/stages: each stage's settings, then the entry criteria a deal must meet to move into it. */
export function StagesAdmin({ stages, criteria, activityTypes, actions, nav, calibration }: StagesAdminProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.stages;
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const done = (text: string) => {
    setNotice({ tone: "success", text });
    router.refresh();
  };
  const fail = (text: string) => setNotice({ tone: "danger", text });
  const calibrationOf = new Map((calibration ?? []).map((row) => [row.stage, row]));

  return (
    <>
      <PageHeader eyebrow={m.admin.title} title={t.title} description={t.description} />
      {nav}
      <div className="space-y-6">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {calibration?.length ? <CalibrationTable rows={calibration} stageNames={Object.fromEntries(stages.map((stage) => [stage.key, locale === "zh-CN" ? stage.name["zh-CN"] : stage.name.en]))} /> : null}
        {stages.map((stage) => {
          const name = locale === "zh-CN" ? stage.name["zh-CN"] : stage.name.en;
          // Default names already start with their key ("P3 Design exchange"); custom ones may not.
          const label = name.startsWith(stage.key) ? name : `${stage.key} · ${name}`;
          return (
            <Card key={stage.key} aria-labelledby={`stage-${stage.key}`}>
              <CardHeader headingId={`stage-${stage.key}`} title={label} />
              {calibrationOf.get(stage.key) ? <StageCalibrationLine calibration={calibrationOf.get(stage.key) as StageCalibration} /> : null}
              <StageSettingsForm stage={stage} update={actions.updateStage} onSaved={() => done(interpolate(t.saved, { stage: label }))} />
              {stage.key === "P0" ? null : (
                <CriteriaList
                  stage={stage.key}
                  stageLabel={label}
                  criteria={criteria.filter((criterion) => criterion.stage === stage.key)}
                  activityTypes={activityTypes}
                  actions={actions}
                  onDone={done}
                  onFailure={fail}
                />
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}
