// Loads what the gate evaluation needs (a few queries, inside the caller's transaction) and applies the
// verdict of lib/domain/gate-moves.ts. Used by moveOpportunityToStage — the one stage-move path — and by
// the deal page's gate checklist, so both see the same facts.
import "server-only";
import type { db, Tx } from "@/lib/db";
import { isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { decideCreationAtStage, decideStageMove, type StageMoveVerdict } from "@/lib/domain/gate-moves";
import type { DealFacts, GateCriterion, GateMode } from "@/lib/domain/gates";
import type { LocalizedText, StageKey } from "@/lib/domain/stages";
import { AppError, invalid } from "@/lib/errors";
import { activityTypeNames, getOrgActivityTypes } from "./activity-types";
import type { Ctx } from "@/lib/permissions";
import { loadBuyingCenterFacts } from "./buying-center-facts";

type Client = Tx | typeof db;

/** The deal columns the evaluation reads. */
export type GateDeal = {
  id: string;
  orgId: string;
  stage: string;
  stageEnteredAt: Date;
  productLine: string | null;
  amount: { toString(): string };
  teamId: string | null;
  expectedCloseDate: Date | null;
  /** The customer's decision-cycle stage (issue 5): a DECISION_STAGE criterion reads it. */
  decisionStage?: string | null;
};

type CriterionRow = { id: string; stage: string; kind: string; labelEn: string; labelZh: string; config: unknown; mode: string; order: number };

export function toGateCriterion(row: CriterionRow): GateCriterion {
  return {
    id: row.id,
    stage: row.stage as StageKey,
    kind: row.kind,
    label: { en: row.labelEn, "zh-CN": row.labelZh },
    config: row.config,
    mode: row.mode as GateMode,
    order: row.order,
  };
}

/** The org's active criteria; an empty list means the org runs ungated. */
export async function loadActiveCriteria(client: Client, orgId: string): Promise<GateCriterion[]> {
  const rows = await client.gateCriterion.findMany({ where: { orgId, active: true } });
  return rows.map(toGateCriterion);
}

/** Only the activity types some ACTIVITY criterion asks about are loaded. */
export function activityTypesOf(criteria: readonly GateCriterion[]): string[] {
  return [
    ...new Set(
      criteria.flatMap((criterion) => {
        const type = (criterion.config as { activityType?: unknown } | null)?.activityType;
        return criterion.kind === "ACTIVITY" && typeof type === "string" ? [type] : [];
      }),
    ),
  ];
}

function stageAndFields(deal: GateDeal): Pick<DealFacts, "stage" | "stageEnteredAt" | "fields"> {
  return {
    stage: deal.stage as StageKey,
    stageEnteredAt: deal.stageEnteredAt,
    fields: {
      productLine: deal.productLine,
      amount: deal.amount.toString(),
      teamId: deal.teamId,
      expectedCloseDate: deal.expectedCloseDate ? deal.expectedCloseDate.toISOString().slice(0, 10) : null,
    },
  };
}

const needsBuyingCenterFacts = (criteria: readonly GateCriterion[]) =>
  criteria.some((criterion) => criterion.kind === "CONTACT_ROLE" || criterion.kind === "NO_RED_FLAG");

export async function loadDealFacts(client: Client, deal: GateDeal, criteria: readonly GateCriterion[]): Promise<DealFacts> {
  const activityTypes = activityTypesOf(criteria);
  // One after another: inside an interactive transaction the queries share one connection anyway.
  const ticks = await client.checklistTick.findMany({ where: { opportunityId: deal.id, orgId: deal.orgId }, select: { criterionId: true } });
  const activities = activityTypes.length
    ? await client.activity.findMany({
      where: { opportunityId: deal.id, orgId: deal.orgId, type: { in: activityTypes } },
      select: { type: true, occurredAt: true },
    })
    : [];
  const stageEntries = await client.stageChange.findMany({
    where: { opportunityId: deal.id, orgId: deal.orgId },
    select: { fromStage: true, toStage: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const approvals = await client.approvalRequest.findMany({
    where: { opportunityId: deal.id, orgId: deal.orgId, status: "APPROVED" },
    select: { id: true, toStage: true },
    orderBy: { createdAt: "asc" },
  });
  // The buying center is read only when a CONTACT_ROLE or NO_RED_FLAG criterion asks about it.
  const buyingCenter = needsBuyingCenterFacts(criteria) ? await loadBuyingCenterFacts(client, deal) : undefined;
  const typeNames = await loadActivityTypeNames(client, deal.orgId, criteria);
  return {
    ...(buyingCenter ? { buyingCenter } : {}),
    ...stageAndFields(deal),
    tickedCriterionIds: new Set(ticks.map((tick) => tick.criterionId)),
    activities,
    stageEntries: stageEntries.map((entry) => ({ fromStage: entry.fromStage as StageKey | null, toStage: entry.toStage as StageKey, at: entry.at })),
    approvals: approvals.map((approval) => ({ id: approval.id, toStage: approval.toStage as StageKey })),
    decisionStage: isDecisionStageKey(deal.decisionStage) ? deal.decisionStage : null,
    ...(typeNames ? { activityTypeNames: typeNames } : {}),
  };
}

const localized = (text: LocalizedText, locale: string) => (locale === "zh-CN" ? text["zh-CN"] : text.en);

export type AllowedMove = Extract<StageMoveVerdict, { allowed: true }>;

/**
 * The gate check of a stage move, inside the move's transaction. Refusals are 422s: a missing reason for
 * going back has path "reason"; unmet BLOCK criteria are listed one per entry with path "gates".
 */
export async function enforceGates(
  tx: Tx, ctx: Ctx, deal: GateDeal, move: { to: StageKey; lossReason?: string | null; reason?: string | null },
): Promise<AllowedMove> {
  const criteria = await loadActiveCriteria(tx, deal.orgId);
  return judgeStageMove(ctx, deal, move, criteria, criteria.length ? await loadDealFacts(tx, deal, criteria) : null);
}

/**
 * The verdict on moving `deal` given the org's criteria and the deal's facts (null when there are no criteria);
 * throws the refusal. Shared by enforceGates and the import's batch of changed deals (opportunity-batch-update.ts),
 * which reads the facts of a whole batch in one statement (loadDealFactsOfMany, lib/data/health.ts).
 */
export function judgeStageMove(
  ctx: Ctx, deal: { stage: string }, move: { to: StageKey; lossReason?: string | null; reason?: string | null },
  criteria: readonly GateCriterion[], facts: DealFacts | null,
): AllowedMove {
  if (criteria.length === 0 || !facts) return { allowed: true, results: [], warnings: [], approvalIds: [] };
  const verdict = decideStageMove({ from: deal.stage as StageKey, to: move.to, lossReason: move.lossReason, reason: move.reason }, criteria, facts);
  if (verdict.allowed) return verdict;
  throwRefusal(ctx, verdict, move.to);
}

/**
 * The gate check of creating a deal at a later stage, inside the creation's transaction: `deal` is the row
 * just inserted (before its first StageChange), so its facts are those of a new deal. Refused like a move
 * from P0 to that stage.
 */
export async function enforceCreationGates(tx: Tx, ctx: Ctx, deal: GateDeal & { lossReason: string | null }): Promise<AllowedMove> {
  if (deal.stage === "P0") return judgeCreationGates(ctx, deal, [], null);
  const criteria = await loadActiveCriteria(tx, deal.orgId);
  return judgeCreationGates(ctx, deal, criteria, criteria.length ? await loadDealFacts(tx, deal, criteria) : null);
}

/**
 * The verdict on creating `deal` at its stage, given the org's criteria and the new deal's facts (null when
 * no criterion needs them); throws the refusal. Shared by createOpportunity and the import's batch creation
 * (lib/data/opportunity-batch.ts), which builds the facts of its new deals in memory (newDealFacts).
 */
export function judgeCreationGates(
  ctx: Ctx, deal: { stage: string; lossReason: string | null }, criteria: readonly GateCriterion[], facts: DealFacts | null,
): AllowedMove {
  const stage = deal.stage as StageKey;
  if (stage === "P0" || criteria.length === 0 || !facts) return { allowed: true, results: [], warnings: [], approvalIds: [] };
  const verdict = decideCreationAtStage({ stage, lossReason: deal.lossReason }, criteria, facts);
  if (verdict.allowed) return verdict;
  throwRefusal(ctx, verdict, stage);
}

/**
 * What loadDealFacts reads for a deal whose row was just inserted: nothing is attached to a new id yet (no
 * ticks, activities, approvals, buying-center contacts or decision stage), and its stage entries are `stageEntries` (none before the creation's StageChange, that one after).
 */
export function newDealFacts(
  deal: GateDeal, criteria: readonly GateCriterion[], activityTypes: ReadonlyMap<string, LocalizedText> | undefined,
  stageEntries: DealFacts["stageEntries"],
): DealFacts {
  return {
    ...(needsBuyingCenterFacts(criteria) ? { buyingCenter: { contacts: [], relationships: [] } } : {}),
    ...stageAndFields(deal),
    tickedCriterionIds: new Set(),
    activities: [],
    stageEntries,
    approvals: [],
    decisionStage: null,
    ...(activityTypes ? { activityTypeNames: activityTypes } : {}),
  };
}

/** The activity-type names the facts of deals of `orgId` carry when an ACTIVITY criterion needs them. */
export async function loadActivityTypeNames(client: Client, orgId: string, criteria: readonly GateCriterion[]) {
  return activityTypesOf(criteria).length ? activityTypeNames((await getOrgActivityTypes({ orgId }, client)).all) : undefined;
}

type Refusal = Extract<StageMoveVerdict, { allowed: false }>;

function throwRefusal(ctx: Ctx, verdict: Refusal, to: StageKey): never {
  switch (verdict.refusal) {
    case "SAME_STAGE":
      throw invalid([{ path: "to", message: `The deal is already in ${to}.` }]);
    case "LOSS_REASON_REQUIRED":
      throw invalid([{ path: "lossReason", message: "A lost deal needs a loss reason." }]);
    case "REASON_REQUIRED":
      throw invalid([{ path: "reason", message: "Moving a deal back or reopening it needs a reason." }]);
    case "GATES_UNMET": {
      const stages = [...new Set(verdict.unmet.map((result) => result.stage))].join(", ");
      throw new AppError("VALIDATION", `The deal does not meet the gate criteria of ${stages}.`, {
        errors: verdict.unmet.map((result) => ({
          path: "gates",
          criterionId: result.criterionId,
          kind: result.kind,
          stage: result.stage,
          message: `${localized(result.label, ctx.locale)}: ${localized(result.message, ctx.locale)}`,
        })),
      });
    }
  }
}

/** After the StageChange row exists: unmet WARN criteria become gate exceptions; approvals are used up. */
export async function recordGateOutcome(tx: Tx, deal: GateDeal, stageChangeId: string, verdict: AllowedMove, at: Date): Promise<void> {
  await recordGateOutcomes(tx, [{ deal, stageChangeId, verdict, at }]);
}

/** recordGateOutcome for many stage changes (an import batch) in at most two statements (plain SQL over arrays for the exceptions). */
export async function recordGateOutcomes(
  tx: Tx, outcomes: readonly { deal: Pick<GateDeal, "id" | "orgId">; stageChangeId: string; verdict: AllowedMove; at: Date }[],
): Promise<void> {
  const exceptions = outcomes.flatMap(({ deal, stageChangeId, verdict, at }) => verdict.warnings.map((warning) => ({
    orgId: deal.orgId, opportunityId: deal.id, criterionId: warning.criterionId, stageChangeId, at,
  })));
  if (exceptions.length) {
    await tx.$executeRaw`
      INSERT INTO "GateException" ("id", "orgId", "opportunityId", "criterionId", "stageChangeId", "at")
      SELECT gen_random_uuid(), v."orgId", v."opportunityId", v."criterionId", v."stageChangeId", v."at"
      FROM unnest(${exceptions.map((row) => row.orgId)}::uuid[], ${exceptions.map((row) => row.opportunityId)}::uuid[],
        ${exceptions.map((row) => row.criterionId)}::uuid[], ${exceptions.map((row) => row.stageChangeId)}::uuid[],
        ${exceptions.map((row) => row.at)}::timestamptz[]) AS v("orgId", "opportunityId", "criterionId", "stageChangeId", "at")`;
  }
  const used = outcomes.filter(({ verdict }) => verdict.approvalIds.length);
  if (used.length) {
    await tx.approvalRequest.updateMany({
      where: { OR: used.map(({ deal, verdict }) => ({ id: { in: verdict.approvalIds }, opportunityId: deal.id })), status: "APPROVED" },
      data: { status: "USED" },
    });
  }
}
