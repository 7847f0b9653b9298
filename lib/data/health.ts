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
import {
  type BuyingCenterFacts, computeRedFlags, type ContactLevel, type ContactRole, type ContactStance, DECISION_ROLES, EMPTY_BUYING_CENTER,
  type HeldRelationship, isCovered,
} from "@/lib/domain/buying-center";
import { decisionAlignment, isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { evaluateStages, lastOpenStage, planStageMove } from "@/lib/domain/gate-moves";
import { resolveOrgActivityTypes } from "@/lib/domain/activities";
import type { DealFacts, GateCriterion } from "@/lib/domain/gates";
import { type LocalizedText, PIPELINE_STAGE_KEYS, type StageKey, type StageTable } from "@/lib/domain/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx } from "@/lib/permissions";
import {
  analysisSettingsSchema, type AnalysisSettingsInput, gradeThresholdsSchema, type HealthScoreOutput, healthWeightsSchema, positioningSchema,
} from "@/lib/validations/analysis";
import { recordAudit } from "./audit";
import { findVisibleDeal } from "./deal-access";
import { loadBuyingCenterFacts } from "./buying-center-facts";
import { activityTypeItemsJsonSql, activityTypeNames } from "./activity-types";
import { activityTypesOf, type GateDeal, loadActiveCriteria, loadDealFacts, toGateCriterion } from "./gate-enforcement";
import { getStageTable, type StageSettingJson, stageSettingsJsonSql, stageTableFromSettings } from "./stage-config";

export type AnalysisSettings = { weights: HealthWeights; grading: GradeThresholds };

const DAY_MS = 86_400_000;
/** A whole org is rescored inside the admin's transaction: allow it longer than Prisma's 5 s default. */
export const ORG_REFRESH_TIMEOUT_MS = 120_000;
/** A deal three or more decision stages ahead of its customer gets no alignment credit. */
const ALIGNMENT_ZERO_GAP = 3;

/** The org's weights and thresholds; the defaults until an admin saves their own. Every member may read them. */
export async function getAnalysisSettings(ctx: Pick<Ctx, "orgId">, client: Client = db): Promise<AnalysisSettings> {
  return toAnalysisSettings(await client.analysisSettings.findUnique({ where: { orgId: ctx.orgId } }));
}

function toAnalysisSettings(row: { weights: unknown; grading: unknown } | null): AnalysisSettings {
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

/** Everything the score reads of one deal, however it was loaded. */
type HealthFacts = {
  deal: Pick<GateDeal, "stage"> & { decisionStage: string | null };
  criteria: readonly GateCriterion[];
  /** The gate facts (lib/data/gate-enforcement loadDealFacts). */
  facts: DealFacts;
  positioning: unknown;
  lastActivityAt: Date | null;
  buyingCenter: BuyingCenterFacts;
  closeDateSlips: number;
};

function toHealthInput(loaded: HealthFacts, table: StageTable, now: Date): HealthInput {
  const { deal, criteria, facts, buyingCenter, lastActivityAt } = loaded;
  const stage = deal.stage as StageKey;
  const target = nextStage(stage);
  const gates = target === stage ? [] : evaluateStages(criteria, facts, planStageMove(stage, target, lastOpenStage(facts)).gatedStages, target);
  const positioning = positioningSchema.safeParse(loaded.positioning);
  const score = (element: "need" | "budget" | "decisionChain" | "timeline") => (positioning.success ? positioning.data[element].score : 0);
  return {
    gates: { met: gates.filter((criterion) => criterion.met).length, total: gates.length },
    positioning: { need: score("need"), budget: score("budget"), decisionChain: score("decisionChain"), timeline: score("timeline") },
    daysSinceLastActivity: lastActivityAt ? Math.max(0, Math.floor((now.getTime() - lastActivityAt.getTime()) / DAY_MS)) : null,
    closeDateSlips: loaded.closeDateSlips,
    relationshipCoverage: relationshipCoverage(buyingCenter),
    redFlags: computeRedFlags(buyingCenter, stage).length,
    customerAlignment: customerAlignment(stage, deal.decisionStage, table),
  };
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
  const buyingCenter = await loadBuyingCenterFacts(client, { id: opportunityId, orgId });
  const closeDateSlips = await loadCloseDateSlips(orgId, opportunityId, client);
  return toHealthInput({
    deal, criteria, facts, positioning: positioningRow?.data, lastActivityAt: lastActivity?.occurredAt ?? null, buyingCenter, closeDateSlips,
  }, table, now);
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
  const rows = await loadHealthRows(tx, orgId, [...new Set(opportunityIds)]);
  if (!rows.length) return;
  const settings = options.settings ?? toAnalysisSettings(rows[0].settings);
  const table = stageTableFromSettings(rows[0].stageSettings);
  const facts = toHealthFactsOfRows(rows);
  const scored = rows.map((row, index) => {
    const { score } = computeHealthScore(toHealthInput(facts[index], table, now), settings.weights);
    return { id: row.id, score, grade: gradeDeal(row.amount, score, settings.grading) };
  });
  await tx.$executeRaw`
    INSERT INTO "OpportunityHealth" ("opportunityId", "orgId", "score", "grade", "computedAt")
    SELECT s.id, ${orgId}::uuid, s.score, s.grade, ${now}
      FROM unnest(${scored.map((row) => row.id)}::uuid[], ${scored.map((row) => row.score)}::int[], ${scored.map((row) => row.grade)}::text[]) AS s(id, score, grade)
    ON CONFLICT ("opportunityId") DO UPDATE SET "score" = EXCLUDED."score", "grade" = EXCLUDED."grade", "computedAt" = EXCLUDED."computedAt"`;
}

type HealthRow = {
  settings: { weights: unknown; grading: unknown } | null;
  stageSettings: StageSettingJson[];
  criteria: { id: string; stage: string; kind: string; labelEn: string; labelZh: string; config: unknown; mode: string; order: number }[];
  activityTypes: { key: string; labelEn: string; labelZh: string; active: boolean }[];
  id: string; orgId: string; stage: string; stageEnteredAt: Date; productLine: string | null; amount: string; teamId: string | null;
  expectedCloseDate: string; decisionStage: string | null;
  ticks: string[];
  activities: { type: string; occurredAt: string }[];
  stageEntries: { fromStage: string | null; toStage: string; at: string }[];
  approvals: { id: string; toStage: string }[];
  positioning: unknown;
  lastActivityAt: Date | null;
  contacts: { contactId: string; name: string; title: string | null; level: ContactLevel | null; stance: ContactStance | null; roles: ContactRole[] | null }[];
  relationships: HeldRelationship[];
  slips: { before: string | null; after: string | null }[];
};

/**
 * What refreshDealHealth reads, for many deals of one org in ONE statement (a write's health refresh was some
 * fifteen round trips): the org's settings, stage settings, active gate criteria and activity types (uncorrelated
 * subqueries, evaluated once) and per deal exactly what loadHealthInputWith reads through the ORM — the same
 * filters, the same orders (the property test in tests/integration/analysis/health-cache.test.ts compares the
 * stored score with the one GET …/score computes through that path). Deals of another org are skipped.
 */
async function loadHealthRows(tx: Client, orgId: string, ids: string[]): Promise<HealthRow[]> {
  return tx.$queryRaw<HealthRow[]>`
    SELECT
      (SELECT json_build_object('weights', s.weights, 'grading', s.grading) FROM "AnalysisSettings" s WHERE s."orgId" = ${orgId}::uuid) AS settings,
      ${stageSettingsJsonSql(Prisma.sql`${orgId}::uuid`)} AS "stageSettings",
      (SELECT COALESCE(json_agg(json_build_object('id', g.id, 'stage', g.stage, 'kind', g.kind, 'labelEn', g."labelEn", 'labelZh', g."labelZh",
          'config', g.config, 'mode', g.mode, 'order', g."order")), '[]')
         FROM "GateCriterion" g WHERE g."orgId" = ${orgId}::uuid AND g.active) AS criteria,
      ${activityTypeItemsJsonSql(Prisma.sql`${orgId}::uuid`)} AS "activityTypes",
      o.id::text AS id, o."orgId"::text AS "orgId", o.stage::text AS stage, o."stageEnteredAt", o."productLine", o.amount::text AS amount, o."teamId"::text AS "teamId",
      o."expectedCloseDate"::text AS "expectedCloseDate", o."decisionStage",
      ARRAY(SELECT k."criterionId"::text FROM "ChecklistTick" k WHERE k."opportunityId" = o.id AND k."orgId" = o."orgId") AS ticks,
      (SELECT COALESCE(json_agg(json_build_object('type', a.type, 'occurredAt', a."occurredAt")), '[]') FROM "Activity" a
        WHERE a."opportunityId" = o.id AND a."orgId" = o."orgId" AND a.type IN (
          SELECT g.config->>'activityType' FROM "GateCriterion" g
           WHERE g."orgId" = ${orgId}::uuid AND g.active AND g.kind = 'ACTIVITY' AND jsonb_typeof(g.config->'activityType') = 'string')) AS activities,
      (SELECT COALESCE(json_agg(json_build_object('fromStage', c."fromStage", 'toStage', c."toStage", 'at', c.at) ORDER BY c.at, c.id), '[]')
         FROM "StageChange" c WHERE c."opportunityId" = o.id AND c."orgId" = o."orgId") AS "stageEntries",
      (SELECT COALESCE(json_agg(json_build_object('id', r.id, 'toStage', r."toStage") ORDER BY r."createdAt"), '[]')
         FROM "ApprovalRequest" r WHERE r."opportunityId" = o.id AND r."orgId" = o."orgId" AND r.status = 'APPROVED') AS approvals,
      (SELECT p.data FROM "OpportunityAnalysis" p WHERE p."opportunityId" = o.id AND p.kind = 'POSITIONING') AS positioning,
      (SELECT max(a."occurredAt") FROM "Activity" a WHERE a."opportunityId" = o.id AND a."orgId" = o."orgId") AS "lastActivityAt",
      (SELECT COALESCE(json_agg(json_build_object('contactId', c.id, 'name', c.name, 'title', c.title, 'level', c.level, 'stance', c.stance, 'roles', oc.roles)), '[]')
         FROM "OpportunityContact" oc JOIN "Contact" c ON c.id = oc."contactId"
        WHERE oc."opportunityId" = o.id AND oc."orgId" = o."orgId" AND c."deletedAt" IS NULL) AS contacts,
      (SELECT COALESCE(json_agg(json_build_object('userId', h."userId", 'contactId', h."contactId", 'degree', h.degree)), '[]')
         FROM "ContactRelationship" h
        WHERE h."orgId" = o."orgId"
          AND h."contactId" IN (SELECT oc."contactId" FROM "OpportunityContact" oc JOIN "Contact" c ON c.id = oc."contactId"
                                 WHERE oc."opportunityId" = o.id AND oc."orgId" = o."orgId" AND c."deletedAt" IS NULL)
          AND (h."userId" = o."ownerId" OR h."userId" IN (SELECT m."userId" FROM "OpportunityTeamMember" m WHERE m."opportunityId" = o.id AND m."orgId" = o."orgId"))) AS relationships,
      (SELECT COALESCE(json_agg(json_build_object('before', f.before, 'after', f.after) ORDER BY f.at), '[]')
         FROM "OpportunityFieldChange" f WHERE f."orgId" = o."orgId" AND f."opportunityId" = o.id AND f.field = 'expectedCloseDate') AS slips
    FROM "Opportunity" o
    WHERE o.id = ANY(${ids}::uuid[]) AND o."orgId" = ${orgId}::uuid`;
}

/** The facts of rows of one org read by loadHealthRows (the org's criteria and activity types are on every row). */
function toHealthFactsOfRows(rows: readonly HealthRow[]): HealthFacts[] {
  if (!rows.length) return [];
  const criteria = rows[0].criteria.map(toGateCriterion);
  const typeNames = activityTypeNames(resolveOrgActivityTypes(rows[0].activityTypes).all);
  return rows.map((row) => toHealthFacts(row, criteria, typeNames));
}

/**
 * The gate facts of many deals of one org, as loadDealFacts reads them one deal at a time, in one statement
 * (the statement of the stored score, which reads the same): the import's batch of stage moves judges its
 * thousand moves with them. Deals of another org are left out.
 */
export async function loadDealFactsOfMany(tx: Client, orgId: string, ids: readonly string[]): Promise<Map<string, DealFacts>> {
  if (!ids.length) return new Map();
  const rows = await loadHealthRows(tx, orgId, [...new Set(ids)]);
  return new Map(toHealthFactsOfRows(rows).map((facts, index) => [rows[index].id, facts.facts]));
}

function toHealthFacts(row: HealthRow, criteria: readonly GateCriterion[], typeNames: ReadonlyMap<string, LocalizedText>): HealthFacts {
  const deal = {
    id: row.id, orgId: row.orgId, stage: row.stage, stageEnteredAt: new Date(row.stageEnteredAt), productLine: row.productLine, amount: row.amount,
    teamId: row.teamId, expectedCloseDate: new Date(`${row.expectedCloseDate}T00:00:00Z`), decisionStage: row.decisionStage,
  };
  const buyingCenter: BuyingCenterFacts = {
    contacts: row.contacts
      .map((contact) => ({ ...contact, roles: contact.roles ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId)),
    relationships: row.relationships,
  };
  const needsBuyingCenter = criteria.some((criterion) => criterion.kind === "CONTACT_ROLE" || criterion.kind === "NO_RED_FLAG");
  const hasActivityCriteria = activityTypesOf(criteria).length > 0;
  const facts: DealFacts = {
    ...(needsBuyingCenter ? { buyingCenter } : {}),
    stage: row.stage as StageKey,
    stageEnteredAt: deal.stageEnteredAt,
    fields: { productLine: row.productLine, amount: row.amount, teamId: row.teamId, expectedCloseDate: row.expectedCloseDate },
    tickedCriterionIds: new Set(row.ticks),
    activities: row.activities.map((activity) => ({ type: activity.type, occurredAt: new Date(activity.occurredAt) })),
    stageEntries: row.stageEntries.map((entry) => ({ fromStage: entry.fromStage as StageKey | null, toStage: entry.toStage as StageKey, at: new Date(entry.at) })),
    approvals: row.approvals.map((approval) => ({ id: approval.id, toStage: approval.toStage as StageKey })),
    decisionStage: isDecisionStageKey(row.decisionStage) ? row.decisionStage : null,
    ...(hasActivityCriteria ? { activityTypeNames: typeNames } : {}),
  };
  return {
    deal, criteria, facts, positioning: row.positioning, lastActivityAt: row.lastActivityAt ? new Date(row.lastActivityAt) : null,
    buyingCenter, closeDateSlips: countCloseDateSlips(row.slips),
  };
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
    deal: { stage: deal.stage, decisionStage: null }, criteria, facts: deal.facts, positioning: undefined, lastActivityAt: null,
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
