// Stage gates at the boundary: admin criteria, the gate checklist of a deal, checklist ticks, approvals and
// uploaded evidence files. Shared by the admin UI, the deal page's actions and REST API v1.
import { z } from "zod";
import { APPROVAL_STATUSES } from "@/lib/domain/approvals";
import { CRITERION_KINDS, GATE_MODES, isCriterionKind, parseCriterionConfig } from "@/lib/domain/gates";
import { idSchema, limitSchema, optionalText, stageSchema } from "./common";

const localizedLabel = z.strictObject({
  en: z.string().trim().min(1, { error: "Required." }).max(200, { error: "At most 200 characters." }),
  "zh-CN": z.string().trim().min(1, { error: "Required." }).max(200, { error: "At most 200 characters." }),
});
const localizedOutput = z.object({ en: z.string(), "zh-CN": z.string() });

/** "block" / "warn" as the issue writes them, or the stored BLOCK / WARN. */
const gateModeSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.toUpperCase() : value),
  z.enum(GATE_MODES, { error: "Use BLOCK or WARN." }),
);

export const gateCriterionInputSchema = z
  .strictObject({
    stage: stageSchema,
    kind: z
      .string()
      .refine(isCriterionKind, { error: "Unknown criterion kind." })
      .meta({ description: `A key of the criterion-kind registry: ${Object.keys(CRITERION_KINDS).join(", ")}.` }),
    label: localizedLabel,
    config: z.record(z.string(), z.unknown()).default({}),
    mode: gateModeSchema.default("BLOCK"),
    order: z.int().min(0).max(1000).optional(),
  })
  .superRefine((input, context) => {
    if (!isCriterionKind(input.kind)) return;
    const parsed = parseCriterionConfig(input.kind, input.config);
    if (!parsed.success) {
      for (const issue of parsed.issues) context.addIssue({ code: "custom", path: ["config", ...issue.path], message: issue.message });
    }
  })
  .transform((input) => ({ ...input, config: (parseCriterionConfig(input.kind, input.config) as { config: Record<string, unknown> }).config }))
  .meta({
    id: "GateCriterionInput",
    description: "kind: REQUIRED_FIELDS {fields: [productLine|amount|teamId|expectedCloseDate]}, CHECKLIST {}, ACTIVITY {activityType}, APPROVAL {}, CONTACT_ROLE {role, minDegree}, NO_RED_FLAG {kind}, DECISION_STAGE {atLeast: SATISFACTION…REEVALUATION}.",
  });

export type GateCriterionInput = z.output<typeof gateCriterionInputSchema>;

export const gateCriterionOutputSchema = z
  .object({
    id: z.uuid(),
    stage: stageSchema,
    kind: z.string(),
    label: localizedOutput,
    config: z.record(z.string(), z.unknown()),
    mode: z.enum(GATE_MODES),
    order: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "GateCriterion" });
export type GateCriterionOutput = z.output<typeof gateCriterionOutputSchema>;

export const gateCriterionListSchema = z.array(gateCriterionOutputSchema).meta({ id: "GateCriterionList", description: "In stage order, then the admin's order." });

export const gateStatusQuerySchema = z.strictObject({
  to: stageSchema.optional().meta({ description: "The target stage; the next pipeline stage when omitted." }),
});

const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const checklistEvidenceSchema = z
  .object({
    tickedBy: personSchema,
    at: z.string(),
    activity: z.object({ id: z.uuid(), type: z.string(), subject: z.string(), occurredAt: z.string() }).nullable(),
    file: z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.int() }).nullable(),
  })
  .meta({ id: "ChecklistEvidence" });

export const gateCriterionStatusSchema = z
  .object({
    criterionId: z.uuid(),
    stage: stageSchema,
    kind: z.string(),
    label: localizedOutput,
    mode: z.enum(GATE_MODES),
    config: z.record(z.string(), z.unknown()),
    met: z.boolean(),
    message: z.string().meta({ description: "In the caller's language." }),
    evidence: checklistEvidenceSchema.nullable().meta({ description: "CHECKLIST: who ticked it, when, with what." }),
    approval: z
      .object({ id: z.uuid(), toStage: stageSchema, status: z.enum(APPROVAL_STATUSES), requestedBy: personSchema, createdAt: z.string() })
      .nullable()
      .meta({ description: "APPROVAL: the latest request covering this stage, if any." }),
  })
  .meta({ id: "GateCriterionStatus" });

export const gateStatusSchema = z
  .object({
    opportunityId: z.uuid(),
    from: stageSchema,
    to: stageSchema,
    gatedStages: z.array(stageSchema).meta({ description: "Stages whose gates this move must meet (skipped stages included)." }),
    isBackward: z.boolean(),
    isReasonRequired: z.boolean(),
    isLossReasonRequired: z.boolean(),
    canMove: z.boolean().meta({ description: "Every BLOCK criterion is met (a reason may still be needed)." }),
    criteria: z.array(gateCriterionStatusSchema),
  })
  .meta({ id: "GateStatus" });
export type GateStatus = z.output<typeof gateStatusSchema>;

export const checklistTickSchema = z
  .strictObject({ activityId: idSchema.optional(), fileId: idSchema.optional() })
  .refine((input) => (input.activityId === undefined) !== (input.fileId === undefined), {
    error: "Give exactly one piece of evidence: activityId or fileId.", path: ["activityId"],
  })
  .meta({ id: "ChecklistTick" });
export type ChecklistTickInput = z.output<typeof checklistTickSchema>;

export const approvalCreateSchema = z
  .strictObject({ toStage: stageSchema, note: optionalText(1000) })
  .meta({ id: "ApprovalCreate" });
export type ApprovalCreate = z.output<typeof approvalCreateSchema>;

export const approvalDecisionSchema = z
  .strictObject({
    approve: z.boolean({ error: "approve must be true or false." }),
    comment: optionalText(1000),
  })
  .meta({ id: "ApprovalDecision" });
export type ApprovalDecision = z.output<typeof approvalDecisionSchema>;

export const approvalListQuerySchema = z.strictObject({
  status: z.enum(APPROVAL_STATUSES).optional(),
  limit: limitSchema,
});
export type ApprovalListQuery = z.output<typeof approvalListQuerySchema>;

export const approvalOutputSchema = z
  .object({
    id: z.uuid(),
    opportunityId: z.uuid(),
    opportunityName: z.string(),
    fromStage: stageSchema.meta({ description: "The deal's stage now." }),
    toStage: stageSchema,
    status: z.enum(APPROVAL_STATUSES),
    note: z.string().nullable(),
    requestedBy: personSchema,
    createdAt: z.string(),
    decidedBy: personSchema.nullable(),
    decidedAt: z.string().nullable(),
    comment: z.string().nullable(),
    canDecide: z.boolean().meta({ description: "Whether the caller may approve or reject it now." }),
  })
  .meta({ id: "ApprovalRequest" });
export type ApprovalOutput = z.output<typeof approvalOutputSchema>;

export const approvalListSchema = z.array(approvalOutputSchema).meta({ id: "ApprovalRequestList", description: "Newest first." });

export const storedFileOutputSchema = z
  .object({ id: z.uuid(), name: z.string(), size: z.int(), mime: z.string(), createdAt: z.string() })
  .meta({ id: "StoredFile" });
export type StoredFileOutput = z.output<typeof storedFileOutputSchema>;

export const gateCriterionListQuerySchema = z.strictObject({ stage: stageSchema.optional() });

export const checklistTickResultSchema = checklistEvidenceSchema
  .extend({ criterionId: z.uuid() })
  .meta({ id: "ChecklistTickResult" });

export const storedFileListSchema = z.array(storedFileOutputSchema).meta({ id: "StoredFileList", description: "Newest first." });
