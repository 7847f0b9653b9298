// The deal health score and grade (量化评测): gathers the inputs of lib/domain/health-score.ts for one deal,
// scores it with the org's weights and thresholds, and caches the result in OpportunityHealth so the board
// and the table can filter by grade in SQL. The admin configuration (weights, thresholds) lives here too.
import "server-only";
import { db } from "@/lib/db";
import {
  computeHealthScore, countCloseDateSlips, DEFAULT_GRADE_THRESHOLDS, DEFAULT_HEALTH_WEIGHTS, type Grade, gradeDeal,
  type GradeThresholds, HEALTH_FACTORS, type HealthInput, type HealthWeights,
} from "@/lib/domain/health-score";
import { type BuyingCenterFacts, computeRedFlags, DECISION_ROLES, isCovered } from "@/lib/domain/buying-center";
import { decisionAlignment, isDecisionStageKey } from "@/lib/domain/decision-cycle";
import type { StageKey, StageTable } from "@/lib/domain/stages";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import {
  analysisSettingsSchema, type AnalysisSettingsInput, gradeThresholdsSchema, type HealthScoreOutput, healthWeightsSchema, positioningSchema,
} from "@/lib/validations/analysis";
import { recordAudit } from "./audit";
import { findVisibleDeal } from "./deal-access";
import { loadBuyingCenterFacts } from "./buying-center-facts";
import { getOpportunityGates } from "./gate-status";
import { getStageTable } from "./stage-config";

export type AnalysisSettings = { weights: HealthWeights; grading: GradeThresholds };

const DAY_MS = 86_400_000;
/** A deal three or more decision stages ahead of its customer gets no alignment credit. */
const ALIGNMENT_ZERO_GAP = 3;

/** The org's weights and thresholds; the defaults until an admin saves their own. Every member may read them. */
export async function getAnalysisSettings(ctx: Pick<Ctx, "orgId">): Promise<AnalysisSettings> {
  const row = await db.analysisSettings.findUnique({ where: { orgId: ctx.orgId } });
  const weights = healthWeightsSchema.safeParse(row?.weights);
  const grading = gradeThresholdsSchema.safeParse(row?.grading);
  return {
    weights: weights.success ? weights.data : DEFAULT_HEALTH_WEIGHTS,
    grading: grading.success ? grading.data : DEFAULT_GRADE_THRESHOLDS,
  };
}

/** Admins only; audited. Cached scores are recomputed lazily (each deal when next scored). */
export async function updateAnalysisSettings(ctx: Ctx, input: AnalysisSettingsInput): Promise<AnalysisSettings> {
  assertCan(ctx, "analysis.configure");
  const parsed = analysisSettingsSchema.parse(input);
  const before = await getAnalysisSettings(ctx);
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
  await db.$transaction(async (tx) => {
    await tx.analysisSettings.upsert({
      where: { orgId: ctx.orgId },
      create: { orgId: ctx.orgId, weights: json(parsed.weights), grading: json(parsed.grading) },
      update: { weights: json(parsed.weights), grading: json(parsed.grading) },
    });
    await recordAudit(tx, ctx, { action: "analysis.settings.update", entityType: "AnalysisSettings", entityId: ctx.orgId, before, after: parsed });
  });
  return parsed;
}

/** Close-date slips: the one place that knows where they come from — the deal's field history (issue 8). */
export async function loadCloseDateSlips(orgId: string, opportunityId: string): Promise<number> {
  const changes = await db.opportunityFieldChange.findMany({
    where: { orgId, opportunityId, field: "expectedCloseDate" },
    select: { before: true, after: true },
    orderBy: { at: "asc" },
  });
  return countCloseDateSlips(changes);
}

/** Share 0–1 of the buying center's key people (a decision role or the coach) that the deal's people cover. */
function relationshipCoverage(facts: BuyingCenterFacts): number {
  const key = facts.contacts.filter((contact) => contact.roles.some((role) => DECISION_ROLES.includes(role) || role === "COACH"));
  if (!key.length) return 0;
  return key.filter((contact) => isCovered(facts.relationships, contact.contactId)).length / key.length;
}

/** 1 when the customer is where the stage expects (or beyond), less for each step the deal runs ahead; unknown = not counted. */
function customerAlignment(stage: StageKey, decisionStage: string | null, table: StageTable): number | null {
  const alignment = decisionAlignment(stage, isDecisionStageKey(decisionStage) ? decisionStage : null, table);
  if (alignment.status === "UNKNOWN") return null;
  if (alignment.status !== "AHEAD" || alignment.gap === null) return 1;
  return Math.max(0, 1 - alignment.gap / ALIGNMENT_ZERO_GAP);
}

/** The inputs of the score for one visible deal, from every module that judges a deal. */
export async function loadHealthInput(ctx: Ctx, opportunityId: string, now = new Date()): Promise<HealthInput> {
  const [gates, positioningRow, lastActivity, deal, table, buyingCenter, closeDateSlips] = await Promise.all([
    getOpportunityGates(ctx, opportunityId),
    db.opportunityAnalysis.findUnique({ where: { opportunityId_kind: { opportunityId, kind: "POSITIONING" } } }),
    db.activity.findFirst({ where: { opportunityId, orgId: ctx.orgId }, orderBy: { occurredAt: "desc" }, select: { occurredAt: true } }),
    db.opportunity.findUniqueOrThrow({ where: { id: opportunityId }, select: { stage: true, decisionStage: true } }),
    getStageTable(ctx),
    loadBuyingCenterFacts(db, { id: opportunityId, orgId: ctx.orgId }),
    loadCloseDateSlips(ctx.orgId, opportunityId),
  ]);
  const positioning = positioningSchema.safeParse(positioningRow?.data);
  const score = (element: "need" | "budget" | "decisionChain" | "timeline") => (positioning.success ? positioning.data[element].score : 0);
  const stage = deal.stage as StageKey;
  return {
    gates: { met: gates.criteria.filter((criterion) => criterion.met).length, total: gates.criteria.length },
    positioning: { need: score("need"), budget: score("budget"), decisionChain: score("decisionChain"), timeline: score("timeline") },
    daysSinceLastActivity: lastActivity ? Math.max(0, Math.floor((now.getTime() - lastActivity.occurredAt.getTime()) / DAY_MS)) : null,
    closeDateSlips,
    relationshipCoverage: relationshipCoverage(buyingCenter),
    redFlags: computeRedFlags(buyingCenter, stage).length,
    customerAlignment: customerAlignment(stage, deal.decisionStage, table),
  };
}

export function toHealthScoreOutput(input: HealthInput, settings: AnalysisSettings, amount: string, locale: string): HealthScoreOutput {
  const { score, contributions } = computeHealthScore(input, settings.weights);
  const counted = new Set(contributions.map((item) => item.factor));
  return {
    score,
    grade: gradeDeal(amount, score, settings.grading),
    contributions: contributions.map((item) => ({ ...item, detail: locale === "zh-CN" ? item.detail["zh-CN"] : item.detail.en })),
    notCounted: HEALTH_FACTORS.filter((factor) => !counted.has(factor)),
  };
}

/** GET …/score: computes the score now and refreshes the cached grade. */
export async function getHealthScore(ctx: Ctx, opportunityId: string): Promise<HealthScoreOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const row = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id }, select: { amount: true } });
  const [input, settings] = [await loadHealthInput(ctx, deal.id), await getAnalysisSettings(ctx)];
  const output = toHealthScoreOutput(input, settings, row.amount.toString(), ctx.locale);
  await storeHealth(ctx.orgId, deal.id, output.score, output.grade);
  return output;
}

export async function refreshHealthScore(ctx: Ctx, opportunityId: string): Promise<void> {
  await getHealthScore(ctx, opportunityId);
}

async function storeHealth(orgId: string, opportunityId: string, score: number, grade: Grade) {
  const data = { score, grade, computedAt: new Date() };
  await db.opportunityHealth.upsert({ where: { opportunityId }, create: { orgId, opportunityId, ...data }, update: data });
}
