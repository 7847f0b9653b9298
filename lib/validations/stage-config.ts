// Admin stage configuration (PUT /api/v1/admin/stages/:key): shared by the admin form, its action and the API.
// A null member resets that setting to the default of lib/domain/stages.ts.
import { z } from "zod";
import { DECISION_STAGE_KEYS } from "@/lib/domain/decision-cycle";
import { stageSchema } from "./common";

const localizedText = (max: number) =>
  z.strictObject({
    en: z.string().trim().min(1, { error: "Required." }).max(max, { error: `At most ${max} characters.` }),
    "zh-CN": z.string().trim().min(1, { error: "Required." }).max(max, { error: `At most ${max} characters.` }),
  });

export const decisionStageSchema = z.enum(DECISION_STAGE_KEYS, { error: `One of ${DECISION_STAGE_KEYS.join(", ")}.` });

/** A win probability in [0, 1] with at most 4 places, as a decimal string ("0.35") or an exact JSON number. */
export const probabilitySchema = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
  .refine((value) => /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(value), { error: "A decimal between 0 and 1 with at most 4 places." })
  .meta({ type: "string", example: "0.35", description: "Decimal string in [0, 1], at most 4 places." });

export const stageSettingUpdateSchema = z
  .strictObject({
    name: localizedText(60).nullable().optional(),
    probability: probabilitySchema.nullable().optional(),
    maxDaysInStage: z.int().min(1, { error: "At least 1 day." }).max(3650, { error: "At most 3650 days." }).nullable().optional(),
    expectedDecisionStage: decisionStageSchema.nullable().optional(),
    guidance: localizedText(2000).nullable().optional(),
  })
  .meta({ id: "StageSettingUpdate", description: "Only the members sent change; null resets a member to the default." });

export type StageSettingUpdate = z.output<typeof stageSettingUpdateSchema>;

const localizedOutput = z.object({ en: z.string(), "zh-CN": z.string() });

export const stageSettingOutputSchema = z
  .object({
    key: stageSchema,
    order: z.int(),
    name: localizedOutput,
    probability: z.string().meta({ example: "0.25", description: "Exact decimal string." }),
    maxDaysInStage: z.int().nullable(),
    expectedDecisionStage: decisionStageSchema.nullable(),
    guidance: localizedOutput,
    isClosed: z.boolean(),
    isWon: z.boolean(),
    /** Whether the probability may be changed (P7 and LOST are fixed). */
    isProbabilityFixed: z.boolean(),
    /** The members the org has overridden (the others are the defaults). */
    overridden: z.array(z.enum(["name", "probability", "maxDaysInStage", "expectedDecisionStage", "guidance"])),
  })
  .meta({ id: "StageSetting" });

export const stageSettingListSchema = z.array(stageSettingOutputSchema).meta({ id: "StageSettingList" });

export type StageSettingOutput = z.output<typeof stageSettingOutputSchema>;
