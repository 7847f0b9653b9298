// The customer decision cycle (issue 5): input and output shapes shared by the forms, the server actions
// and REST API v1 (/api/v1/opportunities/:id/decision-cycle, …/purchase-steps/:step, /api/v1/decision-cycle/summary).
import { z } from "zod";
import { DECISION_STAGE_KEYS, PURCHASE_STEP_KEYS } from "@/lib/domain/decision-cycle";
import { dateSchema, idSchema, optionalText, stageSchema } from "./common";

export const decisionStageSchema = z.enum(DECISION_STAGE_KEYS, { error: `Use one of ${DECISION_STAGE_KEYS.join(", ")}.` });
export const purchaseStepKeySchema = z.enum(PURCHASE_STEP_KEYS, { error: `Use one of ${PURCHASE_STEP_KEYS.join(", ")}.` });

/** A change of the customer's stage needs evidence (METHOD.md principle 2): a note, an activity of the deal, or both. */
export const decisionStageChangeSchema = z
  .strictObject({
    stage: decisionStageSchema,
    note: optionalText(2000),
    activityId: idSchema.nullable().optional(),
  })
  .refine((input) => Boolean(input.note) || Boolean(input.activityId), {
    path: ["note"],
    error: "Give the evidence: a note or an activity.",
  })
  .meta({ id: "DecisionStageChangeInput" });

export const purchaseStepUpdateSchema = z
  .strictObject({
    done: z.boolean({ error: "done is true or false." }),
    date: dateSchema.nullable().optional(),
  })
  .meta({ id: "PurchaseStepUpdate" });

export const decisionSummaryQuerySchema = z.strictObject({
  scope: z.enum(["mine", "team", "org"], { error: "scope is mine, team or org." }).default("mine"),
});

export const alignmentStatusSchema = z.enum(["AHEAD", "ALIGNED", "UNKNOWN", "CLOSED"]);

export const decisionAlignmentSchema = z
  .object({
    expectedStage: decisionStageSchema.nullable(),
    aligned: z.boolean(),
    gap: z.int().nullable().meta({ description: "Steps the deal runs ahead of its customer (> 0 = flagged); null when not comparable." }),
    status: alignmentStatusSchema,
  })
  .meta({ id: "DecisionAlignment" });

export const decisionStageChangeOutputSchema = z
  .object({
    id: z.uuid(),
    fromStage: decisionStageSchema.nullable(),
    toStage: decisionStageSchema,
    note: z.string().nullable(),
    activity: z.object({ id: z.uuid(), subject: z.string(), type: z.string(), occurredAt: z.string() }).nullable(),
    byUserId: z.uuid(),
    byUserName: z.string(),
    at: z.string(),
  })
  .meta({ id: "DecisionStageChange" });

export const purchaseStepOutputSchema = z
  .object({
    step: purchaseStepKeySchema,
    done: z.boolean(),
    date: z.string().nullable().meta({ example: "2027-03-31" }),
    updatedByName: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "PurchaseStep" });

export const decisionCycleOutputSchema = z
  .object({
    opportunityId: z.uuid(),
    projectStage: stageSchema,
    stage: decisionStageSchema.nullable(),
    expectedStage: decisionStageSchema.nullable(),
    aligned: z.boolean(),
    gap: z.int().nullable(),
    status: alignmentStatusSchema,
    history: z.array(decisionStageChangeOutputSchema).meta({ description: "Oldest first; never rewritten." }),
    purchaseSteps: z.array(purchaseStepOutputSchema),
  })
  .meta({ id: "DecisionCycle" });

const stageCountsSchema = z.record(decisionStageSchema, z.int());

export const decisionSummarySchema = z
  .object({
    scope: z.enum(["mine", "team", "org"]),
    accounts: z.object({ byStage: stageCountsSchema, unknown: z.int(), total: z.int() }),
    deals: z.object({ byStage: stageCountsSchema, unknown: z.int(), total: z.int(), ahead: z.int() }),
    satisfactionShare: z.number().min(0).max(1).nullable().meta({
      description: "Accounts in Satisfaction ÷ accounts with a recorded stage (METHOD.md: reps believe 50–60%).",
    }),
  })
  .meta({ id: "DecisionCycleSummary" });

export type DecisionStageChangeInput = z.output<typeof decisionStageChangeSchema>;
export type PurchaseStepUpdate = z.output<typeof purchaseStepUpdateSchema>;
export type DecisionSummaryScope = z.output<typeof decisionSummaryQuerySchema>["scope"];
export type DecisionStageChangeOutput = z.infer<typeof decisionStageChangeOutputSchema>;
export type PurchaseStepOutput = z.infer<typeof purchaseStepOutputSchema>;
export type DecisionCycleOutput = z.infer<typeof decisionCycleOutputSchema>;
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;
export type DecisionAlignmentOutput = z.infer<typeof decisionAlignmentSchema>;
