import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { StagesAdmin } from "@/components/admin/stages/stages-admin";
import { getOrgActivityTypes } from "@/lib/data/activity-types";
import { getCalibration } from "@/lib/data/forecast-stats";
import { listGateCriteria } from "@/lib/data/gates";
import { listStageSettings } from "@/lib/data/stage-config";
import { getI18n } from "@/lib/i18n/server";
import { requireAdminPage } from "../_lib/guard";
import { createGateCriterionAction, deleteGateCriterionAction, updateGateCriterionAction, updateStageSettingAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.gatesUi.stages.title };
}

export default async function AdminStagesPage() {
  const ctx = await requireAdminPage("gates.configure");
  const [stages, criteria, activityTypes, calibration] = await Promise.all([
    listStageSettings(ctx), listGateCriteria(ctx), getOrgActivityTypes(ctx), getCalibration(ctx),
  ]);
  return (
    <div className="mx-auto max-w-6xl">
      <StagesAdmin
        stages={stages}
        criteria={criteria}
        activityTypes={activityTypes}
        actions={{
          updateStage: updateStageSettingAction,
          createCriterion: createGateCriterionAction,
          updateCriterion: updateGateCriterionAction,
          deleteCriterion: deleteGateCriterionAction,
        }}
        nav={<AdminNav />}
        calibration={calibration.data}
      />
    </div>
  );
}
