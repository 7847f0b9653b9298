// Project analysis (issue 7): the fishbone, SWOT/TOWS, competitors with their golden triangle, the four-element
// positioning, the close-out review and the scorecard settings. One schema per document, shared by the
// editors, the API and the data layer (which re-checks stored JSON with the same schema).
import { z } from "zod";
import { CAUSE_STATUSES, FISHBONE_LIMITS, findFishboneProblems } from "@/lib/domain/fishbone";
import { GRADES, HEALTH_FACTORS } from "@/lib/domain/health-score";
import { dateSchema, idSchema, moneySchema } from "./common";

/** Client-made ids of items inside a document: short, URL-safe. */
const itemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "Use 1–40 letters, digits, - or _." });
const text = (max: number) => z.string().trim().min(1, { error: "Required." }).max(max, { error: `At most ${max} characters.` });
const note = (max: number) => z.string().trim().max(max, { error: `At most ${max} characters.` });
const nullableNote = (max: number) => note(max).nullable().optional().transform((value) => (value ? value : null));
/** Optional document version: sent back by editors so a stale save is refused (409) rather than lost. */
const versionSchema = z.number().int().min(0).optional();

export const causeStatusSchema = z.enum(CAUSE_STATUSES, { error: "Unknown status." });

export const fishboneCauseSchema = z.strictObject({
  id: itemIdSchema,
  text: text(300),
  parentId: itemIdSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  action: nullableNote(500),
  dueDate: dateSchema.nullable().optional(),
  status: causeStatusSchema,
}).meta({ id: "FishboneCause" });

export const fishboneSchema = z.strictObject({
  head: note(200),
  categories: z.array(z.strictObject({
    id: itemIdSchema,
    name: text(80),
    causes: z.array(fishboneCauseSchema).max(FISHBONE_LIMITS.causes),
  })).max(FISHBONE_LIMITS.categories, { error: `At most ${FISHBONE_LIMITS.categories} categories.` }),
  version: versionSchema,
}).superRefine((fishbone, context) => {
  const total = fishbone.categories.reduce((sum, category) => sum + category.causes.length, 0);
  if (total > FISHBONE_LIMITS.causes) context.addIssue({ code: "custom", path: ["categories"], message: `At most ${FISHBONE_LIMITS.causes} causes in all.` });
  for (const problem of findFishboneProblems(fishbone)) context.addIssue({ code: "custom", path: problem.path, message: problem.message });
}).meta({ id: "Fishbone", description: "Head, cause categories (bones) and nested causes with owner, action, due date and status." });

export type FishboneInput = z.output<typeof fishboneSchema>;

export const SWOT_QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];
export const TOWS_KINDS = ["SO", "WO", "ST", "WT"] as const;
export type TowsKind = (typeof TOWS_KINDS)[number];
export const STRATEGY_STATUSES = ["PLANNED", "ACTIVE", "DONE", "DROPPED"] as const;

/** Which quadrants a TOWS strategy links: its first letter is internal (S/W), its second external (O/T). */
export const TOWS_SOURCES: Record<TowsKind, { internal: SwotQuadrant; external: SwotQuadrant }> = {
  SO: { internal: "strengths", external: "opportunities" },
  WO: { internal: "weaknesses", external: "opportunities" },
  ST: { internal: "strengths", external: "threats" },
  WT: { internal: "weaknesses", external: "threats" },
};

const swotItemSchema = z.strictObject({ id: itemIdSchema, text: text(300) });
const swotList = z.array(swotItemSchema).max(30, { error: "At most 30 items." });

export const swotSchema = z.strictObject({
  strengths: swotList,
  weaknesses: swotList,
  opportunities: swotList,
  threats: swotList,
  strategies: z.array(z.strictObject({
    id: itemIdSchema,
    kind: z.enum(TOWS_KINDS, { error: "Use SO, WO, ST or WT." }),
    internalId: itemIdSchema,
    externalId: itemIdSchema,
    text: text(500),
    ownerId: idSchema.nullable().optional(),
    status: z.enum(STRATEGY_STATUSES, { error: "Unknown status." }),
  })).max(40, { error: "At most 40 strategies." }),
  version: versionSchema,
}).superRefine((swot, context) => {
  swot.strategies.forEach((strategy, index) => {
    const sources = TOWS_SOURCES[strategy.kind];
    if (!swot[sources.internal].some((item) => item.id === strategy.internalId)) {
      context.addIssue({ code: "custom", path: ["strategies", index, "internalId"], message: `Must be one of the ${sources.internal}.` });
    }
    if (!swot[sources.external].some((item) => item.id === strategy.externalId)) {
      context.addIssue({ code: "custom", path: ["strategies", index, "externalId"], message: `Must be one of the ${sources.external}.` });
    }
  });
}).meta({ id: "Swot", description: "SWOT quadrants and TOWS strategies, each linking a strength or weakness with an opportunity or threat." });

export type SwotInput = z.output<typeof swotSchema>;

export const competitorsSchema = z.strictObject({
  competitors: z.array(z.strictObject({
    id: itemIdSchema,
    name: text(120),
    strengths: note(1000),
    position: note(1000),
    response: note(1000),
    triangle: z.strictObject({ customerNeeds: note(1000), ourOffer: note(1000), theirOffer: note(1000) }),
  })).max(15, { error: "At most 15 competitors." }),
  version: versionSchema,
}).superRefine((value, context) => {
  const names = new Set<string>();
  value.competitors.forEach((competitor, index) => {
    const key = competitor.name.toLowerCase();
    if (names.has(key)) context.addIssue({ code: "custom", path: ["competitors", index, "name"], message: "This competitor is listed twice." });
    names.add(key);
  });
}).meta({ id: "Competitors", description: "Competitors on the deal with the golden triangle (customer needs / our offer / their offer)." });

export type CompetitorsInput = z.output<typeof competitorsSchema>;

export const POSITIONING_ELEMENTS = ["need", "budget", "decisionChain", "timeline"] as const;
export type PositioningElement = (typeof POSITIONING_ELEMENTS)[number];

const positioningElementSchema = z.strictObject({
  score: z.number({ error: "Enter a score from 0 to 5." }).int({ error: "Enter a whole number." }).min(0, { error: "At least 0." }).max(5, { error: "At most 5." }),
  note: note(1000),
  confirmedAt: dateSchema.nullable(),
});

export const positioningSchema = z.strictObject({
  need: positioningElementSchema,
  budget: positioningElementSchema,
  decisionChain: positioningElementSchema,
  timeline: positioningElementSchema,
  version: versionSchema,
}).meta({ id: "Positioning", description: "Four-element positioning: need, budget, decision chain and timeline, each 0–5 with a note and last confirmed date." });

export type PositioningInput = z.output<typeof positioningSchema>;

export const CLOSE_OUT_OUTCOMES = ["WON", "LOST"] as const;

const closeOutFields = {
  primaryReason: z.string().trim().min(1, { error: "Pick the primary reason." }).max(60),
  secondaryReasons: z.array(z.string().trim().min(1).max(60)).max(5, { error: "At most 5 secondary reasons." }).default([]),
  winnerCompetitor: nullableNote(120),
  lessons: text(4000),
  toRepeat: nullableNote(4000),
};

const refineReasons = (review: { primaryReason: string; secondaryReasons: string[] }, context: z.RefinementCtx) => {
  if (review.secondaryReasons.includes(review.primaryReason)) {
    context.addIssue({ code: "custom", path: ["secondaryReasons"], message: "The primary reason is not also a secondary one." });
  }
};

export const closeOutReviewSchema = z.strictObject({ outcome: z.enum(CLOSE_OUT_OUTCOMES, { error: "Use WON or LOST." }), ...closeOutFields })
  .superRefine(refineReasons)
  .meta({ id: "CloseOutReview", description: "Win/loss review: reasons are keys of the org's WIN_REASON or LOSS_REASON list." });

/** The loss review a move to LOST may carry: written in the move's transaction, so a refused move leaves nothing. */
export const lostReviewSchema = z.strictObject(closeOutFields)
  .superRefine(refineReasons)
  .meta({ id: "LostReview", description: "The close-out review of a move to LOST (outcome LOST): primary reason key of LOSS_REASON, lessons, and the competitor who won when the reason is the competition." });

export type LostReviewInput = z.output<typeof lostReviewSchema>;

export type CloseOutReviewInput = z.output<typeof closeOutReviewSchema>;

export const healthWeightsSchema = z.strictObject(
  Object.fromEntries(HEALTH_FACTORS.map((factor) => [factor, z.number().int({ error: "Enter a whole number." }).min(0, { error: "At least 0." }).max(100, { error: "At most 100." })])) as
    Record<(typeof HEALTH_FACTORS)[number], z.ZodNumber>,
);

export const gradeThresholdsSchema = z.strictObject({
  aMinAmount: moneySchema,
  aMinScore: z.number().int().min(0).max(100),
  bMinAmount: moneySchema,
  bMinScore: z.number().int().min(0).max(100),
}).superRefine((value, context) => {
  if (Number(value.bMinAmount) > Number(value.aMinAmount)) context.addIssue({ code: "custom", path: ["bMinAmount"], message: "B's amount cannot exceed A's." });
  if (value.bMinScore > value.aMinScore) context.addIssue({ code: "custom", path: ["bMinScore"], message: "B's score cannot exceed A's." });
});

export const analysisSettingsSchema = z.strictObject({ weights: healthWeightsSchema, grading: gradeThresholdsSchema })
  .refine((value) => Object.values(value.weights).some((weight) => weight > 0), { path: ["weights"], message: "At least one weight must be above 0." })
  .meta({ id: "AnalysisSettings", description: "Health-score weights per factor and the A/B/C grade thresholds." });

export type AnalysisSettingsInput = z.output<typeof analysisSettingsSchema>;

export const gradeSchema = z.enum(GRADES, { error: "Use A, B or C." });

export const healthScoreOutputSchema = z.object({
  score: z.number().int(),
  grade: gradeSchema,
  contributions: z.array(z.object({ factor: z.enum(HEALTH_FACTORS), points: z.number(), maxPoints: z.number(), detail: z.string() })),
  notCounted: z.array(z.enum(HEALTH_FACTORS)),
}).meta({ id: "HealthScore" });

export type HealthScoreOutput = z.output<typeof healthScoreOutputSchema>;

export const reviewDecisionSchema = z.strictObject({
  text: text(500),
  ownerId: idSchema,
  dueDate: dateSchema.nullable().optional(),
});

export type ReviewDecisionInput = z.output<typeof reviewDecisionSchema>;

export const closeOutReviewOutputSchema = z.object({
  outcome: z.enum(CLOSE_OUT_OUTCOMES),
  primaryReason: z.string(),
  secondaryReasons: z.array(z.string()),
  winnerCompetitor: z.string().nullable(),
  lessons: z.string(),
  toRepeat: z.string().nullable(),
  authorId: z.string(),
  updatedAt: z.string(),
  isComplete: z.boolean(),
}).meta({ id: "CloseOutReviewOutput", description: "The review; `isComplete` is false while a part the LOST gate needs is missing (lib/domain/close-out.ts)." });

const optionSchema = z.object({ value: z.string(), label: z.string() });

export const closeOutFormOptionsSchema = z.object({
  review: closeOutReviewOutputSchema.nullable(),
  reasons: z.object({ WON: z.array(optionSchema), LOST: z.array(optionSchema) }),
  competitorNames: z.array(z.string()),
}).meta({ id: "CloseOutFormOptions", description: "The review form's choices: the deal's review (or null), the active WIN_REASON / LOSS_REASON items in the reader's language, the deal's competitors." });
export type CloseOutFormOptionsOutput = z.output<typeof closeOutFormOptionsSchema>;

export const closeOutReasonOptionsSchema = z.object({
  reasons: z.object({ WON: z.array(optionSchema), LOST: z.array(optionSchema) }),
}).meta({ id: "CloseOutReasonOptions", description: "The org's active WIN_REASON / LOSS_REASON items in the reader's language: a review form's choices when it is about no one stored deal (bulk move to LOST, a deal created at LOST)." });
export type CloseOutReasonOptionsOutput = z.output<typeof closeOutReasonOptionsSchema>;

export const reasonReportQuerySchema = z.strictObject({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  teamId: idSchema.optional(),
}).refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "The end is before the start." })
  .meta({ id: "ReasonReportQuery" });

export type ReasonReportQuery = z.output<typeof reasonReportQuerySchema>;

export const reasonReportSchema = z.object({
  rows: z.array(z.object({ outcome: z.enum(CLOSE_OUT_OUTCOMES), reason: z.string(), label: z.string(), primary: z.int(), secondary: z.int() })),
  reviews: z.int(),
  incomplete: z.int(),
  winners: z.array(z.object({ name: z.string(), count: z.int() })),
}).meta({ id: "CloseOutReasonReport", description: "How often each win/loss reason was primary and secondary across the visible closed deals' reviews; who won against us." });

export const REVIEW_DECISION_STATUSES = ["OPEN", "DONE"] as const;

export const reviewDecisionStatusSchema = z.strictObject({ status: z.enum(REVIEW_DECISION_STATUSES, { error: "Use OPEN or DONE." }) })
  .meta({ id: "ReviewDecisionStatus" });

export type ReviewDecisionStatusInput = z.output<typeof reviewDecisionStatusSchema>;

export const reviewDecisionOutputSchema = z.object({
  id: z.string(), text: z.string(), ownerId: z.string(), ownerName: z.string(), dueDate: z.string().nullable(), status: z.enum(REVIEW_DECISION_STATUSES), createdAt: z.string(),
}).meta({ id: "ReviewDecision" });
