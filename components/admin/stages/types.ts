import type { ActionResult } from "@/components/forms/action-result";
export type { OrgActivityTypes } from "@/lib/domain/activities";
import type { GateCriterionOutput } from "@/lib/validations/gates";
import type { StageSettingOutput } from "@/lib/validations/stage-config";

export type AdminStage = StageSettingOutput;
export type AdminCriterion = GateCriterionOutput;

export type StageActions = {
  updateStage: (key: string, input: unknown) => Promise<ActionResult<{ key: string }>>;
  createCriterion: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  updateCriterion: (id: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
  deleteCriterion: (id: string) => Promise<ActionResult<null>>;
};
