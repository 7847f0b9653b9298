// The deal health score and grade (量化评测): gathers the inputs of lib/domain/health-score.ts for one deal,
// scores it with the org's weights and thresholds, and stores the result in OpportunityHealth so the board
// and the table can filter by grade in SQL. The stored row is written by the writes that change an input, in
// their transaction (refreshDealHealth), never by a read; a daily job rescoring open deals keeps the
// time-driven factor (days since the last activity) current. The admin configuration lives here too.
import "server-only";
import { db, type Tx } from "@/lib/db";
import {
  computeHealthScore, countCloseDateSlips, DEFAULT_GRADE_THRESHOLDS, DEFAULT_HEALTH_WEIGHTS, gradeDeal,
  type GradeThresholds, HEALTH_FACTORS, type HealthInput, type HealthWeights,
} from "@/lib/domain/health-score";
import { type BuyingCenterFacts, computeRedFlags, DECISION_ROLES, EMPTY_BUYING_CENTER, isCovered } from "@/lib/domain/buying-center";
import type { DealFacts, GateCriterion } from "@/lib/domain/gates";
import { decisionAlignment, isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { evaluateStages, lastOpenStage, planStageMove } from "@/lib/domain/gate-moves";
import { PIPELINE_STAGE_KEYS, type StageKey, type StageTable } from "@/lib/domain/stages";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import {
  analysisSettingsSchema, type AnalysisSettingsInput, gradeThresholdsSchema, type HealthScoreOutput, healthWeightsSchema, positioningSchema,
} from "@/lib/validations/analysis";
import { recordAudit } from "./audit";
import { findVisibleDeal } from "./deal-access";
import { loadBuyingCenterFacts } from "./buying-center-facts";
import { loadActiveCriteria, loadDealFacts } from "./gate-enforcement";
import { getStageTable } from "./stage-config";

export type AnalysisSettings = { weights: HealthWeights; grading: GradeThresholds };

const DAY_MS = 86_400_000;
/** A whole org is rescored inside the admin's transaction: allow it longer than Prisma's 5 s default. */
export const ORG_REFRESH_TIMEOUT_MS = 120_000;
/** A deal three or more decision stages ahead of its customer gets no alignment credit. */
const ALIGNMENT_ZERO_GAP = 3;

/** The org's weights and thresholds; the defaults until an admin saves their own. Every member may read them. */
export async function getAnalysisSettings(ctx: Pick<Ctx, "orgId">, client: Client = db): Promise<AnalysisSettings> {
  const row = await client.analysisSettings.findUnique({ where: { orgId: ctx.orgId } });
  const weights = healthWeightsSchema.safeParse(row?.weights);
  const grading = gradeThresholdsSchema.safeParse(row?.grading);
  return {
    weights: weights.success ? weights.data : DEFAULT_HEALTH_WEIGHTS,
    grading: grading.success ? grading.data : DEFAULT_GRADE_THRESHOLDS,
  };
}

/** Admins only; audited. Every deal's stored score and grade is recomputed with the new settings in the same transaction. */
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
    await refreshOrgHealth(tx, ctx.orgId, { settings: parsed });
  }, { timeout: ORG_REFRESH_TIMEOUT_MS });
  return parsed;
}

type Client = Tx | typeof db;

/** Close-date slips: the one place that knows where they come from — the deal's field history (issue 8). */
export async function loadCloseDateSlips(orgId: string, opportunityId: string, client: Client = db): Promise<number> {
  const changes = await client.opportunityFieldChange.findMany({
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

/** The next pipeline stage; a won or lost deal has none (no gate criteria count). Same rule as the deal's checklist. */
function nextStage(stage: StageKey): StageKey {
  const index = (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(stage);
  return index >= 0 && index < PIPELINE_STAGE_KEYS.length - 1 ? PIPELINE_STAGE_KEYS[index + 1] : stage;
}

/**
 * The inputs of the score for one deal, read through `client` — inside a write's transaction, so the score
 * sees the write. The caller has checked the deal's visibility (or is the system: the daily refresh).
 */
async function loadHealthInputWith(client: Client, orgId: string, opportunityId: string, table: StageTable, now: Date): Promise<HealthInput> {
  const deal = await client.opportunity.findUniqueOrThrow({ where: { id: opportunityId } });
  const criteria = await loadActiveCriteria(client, orgId);
  const facts = await loadDealFacts(client, deal, criteria);
  const positioningRow = await client.opportunityAnalysis.findUnique({ where: { opportunityId_kind: { opportunityId, kind: "POSITIONING" } } });
  const lastActivity = await client.activity.findFirst({ where: { opportunityId, orgId }, orderBy: { occurredAt: "desc" }, select: { occurredAt: true } });
  return toHealthInput({
    stage: deal.stage as StageKey, decisionStage: deal.decisionStage, criteria, facts, positioning: positioningRow?.data,
    lastActivityAt: lastActivity?.occurredAt ?? null, buyingCenter: await loadBuyingCenterFacts(client, { id: opportunityId, orgId }),
    closeDateSlips: await loadCloseDateSlips(orgId, opportunityId, client),
  }, table, now);
}

type HealthFacts = {
  stage: StageKey; decisionStage: string | null; criteria: readonly GateCriterion[]; facts: DealFacts; positioning: unknown;
  lastActivityAt: Date | null; buyingCenter: BuyingCenterFacts; closeDateSlips: number;
};

/** The score's inputs from what was read of a deal — or, for deals just created, what is known of them (scoreNewDeals). */
function toHealthInput(deal: HealthFacts, table: StageTable, now: Date): HealthInput {
  const { stage, criteria, facts, buyingCenter } = deal;
  const target = nextStage(stage);
  const gates = target === stage ? [] : evaluateStages(criteria, facts, planStageMove(stage, target, lastOpenStage(facts)).gatedStages, target);
  const positioning = positioningSchema.safeParse(deal.positioning);
  const score = (element: "need" | "budget" | "decisionChain" | "timeline") => (positioning.success ? positioning.data[element].score : 0);
  return {
    gates: { met: gates.filter((criterion) => criterion.met).length, total: gates.length },
    positioning: { need: score("need"), budget: score("budget"), decisionChain: score("decisionChain"), timeline: score("timeline") },
    daysSinceLastActivity: deal.lastActivityAt ? Math.max(0, Math.floor((now.getTime() - deal.lastActivityAt.getTime()) / DAY_MS)) : null,
    closeDateSlips: deal.closeDateSlips,
    relationshipCoverage: relationshipCoverage(buyingCenter),
    redFlags: computeRedFlags(buyingCenter, stage).length,
    customerAlignment: customerAlignment(stage, deal.decisionStage, table),
  };
}

/** The inputs of the score for one visible deal, from every module that judges a deal. */
export async function loadHealthInput(ctx: Ctx, opportunityId: string, now = new Date()): Promise<HealthInput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  return loadHealthInputWith(db, ctx.orgId, deal.id, await getStageTable(ctx), now);
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

/** GET …/score: the score computed now. A read: it changes nothing (the stored grade is kept by the writes). */
export async function getHealthScore(ctx: Ctx, opportunityId: string, now = new Date()): Promise<HealthScoreOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const [row, input, settings] = await Promise.all([
    db.opportunity.findUniqueOrThrow({ where: { id: deal.id }, select: { amount: true } }),
    loadHealthInput(ctx, deal.id, now),
    getAnalysisSettings(ctx),
  ]);
  return toHealthScoreOutput(input, settings, row.amount.toString(), ctx.locale);
}

/**
 * Recomputes and stores the score and grade of the given deals through `tx` — called inside every write that
 * changes an input (stage moves, key fields, positioning, activities, gate ticks and approvals, the buying
 * center, the customer's decision stage) and by the admin's weight/threshold and gate changes for the whole
 * org, so the grade the board filters on is the grade a GET computes. `settings` defaults to the stored ones.
 */
export async function refreshDealHealth(
  tx: Client, orgId: string, opportunityIds: readonly string[], options: { settings?: AnalysisSettings; now?: Date } = {},
): Promise<void> {
  if (!opportunityIds.length) return;
  const now = options.now ?? new Date();
  const settings = options.settings ?? (await getAnalysisSettings({ orgId }, tx));
  const table = await getStageTable({ orgId }, tx);
  for (const opportunityId of new Set(opportunityIds)) {
    const deal = await tx.opportunity.findUnique({ where: { id: opportunityId }, select: { orgId: true, amount: true, deletedAt: true } });
    if (!deal || deal.orgId !== orgId) continue;
    const input = await loadHealthInputWith(tx, orgId, opportunityId, table, now);
    const data = { ...scoreAndGrade(input, deal.amount.toString(), settings), computedAt: now };
    await tx.opportunityHealth.upsert({ where: { opportunityId }, create: { orgId, opportunityId, ...data }, update: data });
  }
}

function scoreAndGrade(input: HealthInput, amount: string, settings: AnalysisSettings): { score: number; grade: string } {
  const { score } = computeHealthScore(input, settings.weights);
  return { score, grade: gradeDeal(amount, score, settings.grading) };
}

/**
 * Stores the score and grade of deals just created in `tx` (the import's batch creation), in one statement:
 * a new deal has no positioning, activity, buying center, decision stage or close-date history, so its inputs
 * are known without reading them back — the same score refreshDealHealth would store for it.
 */
export async function scoreNewDeals(
  tx: Tx, orgId: string, deals: readonly { id: string; amount: string; stage: StageKey; facts: DealFacts }[], criteria: readonly GateCriterion[],
): Promise<void> {
  if (!deals.length) return;
  const now = new Date();
  const settings = await getAnalysisSettings({ orgId }, tx);
  const table = await getStageTable({ orgId }, tx);
  const rows = deals.map((deal) => scoreAndGrade(toHealthInput({
    stage: deal.stage, decisionStage: null, criteria, facts: deal.facts, positioning: undefined, lastActivityAt: null,
    buyingCenter: EMPTY_BUYING_CENTER, closeDateSlips: 0,
  }, table, now), deal.amount, settings));
  await tx.$executeRaw`
    INSERT INTO "OpportunityHealth" ("opportunityId", "orgId", "score", "grade", "computedAt")
    SELECT v."id", ${orgId}::uuid, v."score", v."grade", ${now}
    FROM unnest(${deals.map((deal) => deal.id)}::uuid[], ${rows.map((row) => row.score)}::int[], ${rows.map((row) => row.grade)}::text[])
      AS v("id", "score", "grade")`;
}

/** The live deals a contact takes part in: after a change to the contact's roles or relationships. */
export async function refreshDealsOfContact(tx: Client, orgId: string, contactId: string): Promise<void> {
  const links = await tx.opportunityContact.findMany({ where: { orgId, contactId, opportunity: { deletedAt: null } }, select: { opportunityId: true } });
  await refreshDealHealth(tx, orgId, links.map((link) => link.opportunityId));
}

/** Every live deal of the org: after a change to what scores all of them (weights, thresholds, gate criteria). */
export async function refreshOrgHealth(tx: Client, orgId: string, options: { settings?: AnalysisSettings; now?: Date } = {}): Promise<number> {
  const deals = await tx.opportunity.findMany({ where: { orgId, deletedAt: null }, select: { id: true } });
  await refreshDealHealth(tx, orgId, deals.map((deal) => deal.id), options);
  return deals.length;
}
