// Opportunity input schemas, shared by the form, the server actions and REST API v1.
import { z } from "zod";
import { decisionAlignmentSchema, decisionStageSchema } from "./decision-cycle";
import { currencySchema, dateSchema, idSchema, limitSchema, moneySchema, optionalText, stageSchema } from "./common";
import { lostReviewSchema } from "./analysis";

export const opportunityFields = {
  name: z.string().trim().min(1, { error: "Name is required." }).max(200, { error: "At most 200 characters." }),
  accountId: idSchema,
  amount: moneySchema,
  currency: currencySchema.optional(),
  expectedCloseDate: dateSchema,
  productLine: optionalText(100),
  ownerId: idSchema.optional(),
  teamId: idSchema.nullable().optional(),
};

export const opportunityCreateSchema = z
  .strictObject({
    ...opportunityFields,
    stage: stageSchema.optional(),
    lossReason: optionalText(500),
    closeOut: lostReviewSchema.optional().meta({
      description: "A deal created at LOST needs its complete loss review here (written in the same transaction); the loss reason then defaults to the primary reason's label.",
    }),
  })
  // Whether the review is complete is the data layer's LOST gate (enforceCloseOutAtCreation), with the same
  // field errors as a move to LOST; here only its place: a review describes a lost deal.
  .refine((input) => input.closeOut === undefined || input.stage === "LOST", {
    path: ["closeOut"],
    error: "A close-out review goes only with a deal created at LOST.",
  })
  .meta({ id: "OpportunityCreate" });

export const opportunityUpdateSchema = z
  .strictObject({
    name: opportunityFields.name.optional(),
    accountId: opportunityFields.accountId.optional(),
    amount: opportunityFields.amount.optional(),
    currency: opportunityFields.currency,
    expectedCloseDate: opportunityFields.expectedCloseDate.optional(),
    productLine: opportunityFields.productLine,
    ownerId: opportunityFields.ownerId,
    teamId: opportunityFields.teamId,
    version: z.int({ error: "version is required (the version you last read)." }).positive(),
  })
  .meta({ id: "OpportunityUpdate" });

export const stageMoveSchema = z
  .strictObject({
    to: stageSchema,
    version: z.int({ error: "version is required (the version you last read)." }).positive(),
    lossReason: optionalText(500),
    reason: optionalText(500),
    closeOut: lostReviewSchema.optional().meta({ description: "A move to LOST needs a complete loss review: send it here (written in the same transaction) or PUT …/review first." }),
  })
  .meta({ id: "StageMove" });

export const opportunityListQuerySchema = z.strictObject({
  stage: stageSchema.optional(),
  ownerId: idSchema.optional(),
  teamId: idSchema.optional(),
  accountId: idSchema.optional(),
  q: z.string().trim().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});

export type OpportunityCreateInput = z.input<typeof opportunityCreateSchema>;
export type OpportunityCreate = z.output<typeof opportunityCreateSchema>;
export type OpportunityUpdate = z.output<typeof opportunityUpdateSchema>;
export type StageMove = z.output<typeof stageMoveSchema>;
export type OpportunityListQuery = z.output<typeof opportunityListQuerySchema>;

/** The opportunity as the API returns it: money as decimal strings, dates as YYYY-MM-DD. */
export const opportunityOutputSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    accountId: z.uuid(),
    accountName: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    teamId: z.uuid().nullable(),
    productLine: z.string().nullable(),
    amount: z.string().meta({ example: "123456.78" }),
    currency: z.string(),
    expectedCloseDate: z.string().meta({ example: "2027-03-31" }),
    stage: stageSchema,
    probability: z.number().min(0).max(1),
    weightedAmount: z.string().meta({ example: "37037.03" }),
    lossReason: z.string().nullable(),
    stageEnteredAt: z.string(),
    decisionStage: decisionStageSchema.nullable().meta({ description: "The customer's decision-cycle stage (METHOD.md §2)." }),
    decisionAlignment: decisionAlignmentSchema,
    version: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Opportunity" });

export const stageChangeOutputSchema = z
  .object({
    fromStage: stageSchema.nullable(),
    toStage: stageSchema,
    at: z.string(),
    byUserId: z.uuid(),
    byUserName: z.string(),
    amount: z.string(),
    probability: z.number(),
    lossReason: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: "StageChange" });

export type OpportunityOutput = z.infer<typeof opportunityOutputSchema>;
export type StageChangeOutput = z.infer<typeof stageChangeOutputSchema>;
