// The batch form of createOpportunity for the import: a thousand new deals in a few statements, each row
// meeting the rules createOpportunity applies — through the same functions (lib/data/opportunities.ts:
// newDealOwner, settleReferences, newDealData, creationStageChange, auditSnapshot; the creation gates of
// lib/data/gate-enforcement.ts; the stored health score of lib/data/health.ts). The forecast cubes follow
// the inserted rows through their statement triggers (migration forecast), as for any other write.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { StageKey } from "@/lib/domain/stages";
import type { OpportunityCreate } from "@/lib/validations/opportunity";
import type { Ctx } from "@/lib/permissions";
import { type BatchRowOutcome, batchRefusal } from "./accounts";
import { recordAudits } from "./audit";
import { refuseLostWithoutReview } from "./close-out";
import {
  type AllowedMove, judgeCreationGates, loadActiveCriteria, loadActivityTypeNames, newDealFacts, recordGateOutcomes,
} from "./gate-enforcement";
import { scoreNewDeals } from "./health";
import {
  auditSnapshot, creationStageChange, dealOwnerSelect, newDealData, newDealOwner, settleReferences, type stageMoveChange,
} from "./opportunities";
import { getStageTable } from "./stage-config";

export type NewDealRow = { externalId: string; input: OpportunityCreate };
export type CreatedDealOutcome = { kind: "created"; opportunityId: string; stage: StageKey };
export type DealBatchOutcome = CreatedDealOutcome | Exclude<BatchRowOutcome, { kind: "created" | "updated" | "unchanged" }>;

const TAKEN_MEANWHILE: DealBatchOutcome = {
  kind: "rejected", errors: [{ path: "externalId", message: "Another record took this external id meanwhile." }],
};

type Planned = { index: number; id: string; data: ReturnType<typeof newDealData>; gates: AllowedMove };

/**
 * Creates the deals of `rows` in `tx` (the import's batch, committed with its progress), keyed by their
 * external ids, which must be new and distinct: an id another transaction took meanwhile refuses its row.
 * Per row, the rules of createOpportunity (permission, who may own it, a live account and an active owner of
 * the org, the team, the org's currency, the gates of creating at a later stage); a refused row comes back
 * with its errors and the others are written — the deals, their first StageChange (`stageReason`), the gate
 * exceptions of WARN criteria, their health score and their audit entries — one INSERT each.
 */
export async function createOpportunitiesByExternalId(
  tx: Tx, ctx: Ctx, rows: readonly NewDealRow[], options: { stageReason: string },
): Promise<DealBatchOutcome[]> {
  const outcomes: DealBatchOutcome[] = new Array(rows.length);
  if (!rows.length) return outcomes;
  const table = await getStageTable(ctx, tx);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { baseCurrency: true } });
  const criteria = await loadActiveCriteria(tx, ctx.orgId);
  const typeNames = await loadActivityTypeNames(tx, ctx.orgId, criteria);
  const accountIds = [...new Set(rows.map((row) => row.input.accountId))];
  const ownerIds = [...new Set(rows.map((row) => row.input.ownerId ?? ctx.userId))];
  const accounts = await tx.account.findMany({ where: { id: { in: accountIds }, orgId: ctx.orgId, deletedAt: null }, select: { id: true } });
  const owners = await tx.user.findMany({ where: { id: { in: ownerIds }, orgId: ctx.orgId, isActive: true }, select: dealOwnerSelect });
  const liveAccounts = new Set(accounts.map((account) => account.id));
  const ownersById = new Map(owners.map((owner) => [owner.id, owner]));

  const now = new Date();
  const planned: Planned[] = [];
  rows.forEach(({ externalId, input }, index) => {
    try {
      const ownerId = newDealOwner(ctx, input);
      // The import names no team: the default team is one of the owner's own, so it needs no further check.
      const { teamId } = settleReferences(ctx, { teamId: input.teamId }, {
        isAccountFound: liveAccounts.has(input.accountId), owner: ownersById.get(ownerId) ?? null,
      });
      if (input.teamId !== undefined) throw new Error("The import's batch creation sets no explicit team.");
      const data = newDealData(ctx, input, { ownerId, teamId, baseCurrency: org.baseCurrency, externalId });
      refuseLostWithoutReview(ctx, data.stage);
      const deal = { id: randomUUID(), ...data, stageEnteredAt: now };
      const gates = judgeCreationGates(ctx, deal, criteria, criteria.length ? newDealFacts(deal, criteria, typeNames, []) : null);
      planned.push({ index, id: deal.id, data, gates });
    } catch (error) {
      outcomes[index] = batchRefusal(error) as DealBatchOutcome;
    }
  });
  if (!planned.length) return outcomes;

  // Plain SQL over arrays, like the account batch. An external id another transaction took meanwhile is
  // skipped (its row refused below): concurrent imports of one file never create a deal twice.
  const column = <K extends keyof Planned["data"]>(key: K) => planned.map((item) => item.data[key] ?? null);
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Opportunity" ("id", "orgId", "name", "accountId", "ownerId", "teamId", "productLine", "amount", "currency",
      "expectedCloseDate", "stage", "stageEnteredAt", "lossReason", "externalId", "createdAt", "updatedAt")
    SELECT v."id", ${ctx.orgId}::uuid, v."name", v."accountId", v."ownerId", v."teamId", v."productLine", v."amount", v."currency",
      v."expectedCloseDate", v."stage"::"Stage", ${now}, v."lossReason", v."externalId", ${now}, ${now}
    FROM unnest(${planned.map((item) => item.id)}::uuid[], ${column("name")}::text[], ${column("accountId")}::uuid[],
      ${column("ownerId")}::uuid[], ${column("teamId")}::uuid[], ${column("productLine")}::text[], ${column("amount")}::numeric[],
      ${column("currency")}::text[], ${planned.map((item) => item.data.expectedCloseDate.toISOString().slice(0, 10))}::date[],
      ${column("stage")}::text[], ${column("lossReason")}::text[], ${column("externalId")}::text[])
      AS v("id", "name", "accountId", "ownerId", "teamId", "productLine", "amount", "currency", "expectedCloseDate", "stage", "lossReason", "externalId")
    ON CONFLICT ("orgId", "externalId") DO NOTHING
    RETURNING "id"`;
  const insertedIds = new Set(inserted.map((row) => row.id));
  const created = planned.filter((item) => insertedIds.has(item.id));
  for (const item of planned) {
    outcomes[item.index] = insertedIds.has(item.id) ? { kind: "created", opportunityId: item.id, stage: item.data.stage } : TAKEN_MEANWHILE;
  }
  if (!created.length) return outcomes;

  const changes = created.map((item) => creationStageChange(ctx, { ...item.data, id: item.id, stageEnteredAt: now }, table, options.stageReason));
  const changeIds = await insertStageChanges(tx, ctx, changes);
  const changeOf = new Map(changeIds.map((change) => [change.opportunityId, change.id]));
  // Unmet WARN criteria become exceptions of the creation (a new deal has no approval to use).
  await recordGateOutcomes(tx, created.map((item) => ({
    deal: { id: item.id, orgId: ctx.orgId }, stageChangeId: changeOf.get(item.id)!, verdict: item.gates, at: now,
  })));

  await scoreNewDeals(tx, ctx.orgId, created.map((item) => ({
    id: item.id, amount: item.data.amount, stage: item.data.stage,
    facts: newDealFacts({ id: item.id, ...item.data, stageEnteredAt: now }, criteria, typeNames, [{ fromStage: null, toStage: item.data.stage, at: now }]),
  })), criteria);
  await recordAudits(tx, ctx, created.map((item) => ({
    action: "opportunity.create", entityType: "Opportunity", entityId: item.id,
    after: auditSnapshot({ ...item.data, version: 1 }),
  })));
  return outcomes;
}

type StageChangeRow = ReturnType<typeof creationStageChange> | ReturnType<typeof stageMoveChange>;

/** The StageChange rows of a batch (creations or moves, all by the caller, `at` each their own) in one INSERT; their ids by deal. */
export async function insertStageChanges(tx: Tx, ctx: Ctx, changes: readonly StageChangeRow[]): Promise<{ id: string; opportunityId: string }[]> {
  if (!changes.length) return [];
  return tx.$queryRaw<{ id: string; opportunityId: string }[]>`
    INSERT INTO "StageChange" ("id", "orgId", "opportunityId", "fromStage", "toStage", "at", "byUserId", "amount", "probability", "lossReason", "reason")
    SELECT gen_random_uuid(), ${ctx.orgId}::uuid, v."opportunityId", v."fromStage"::"Stage", v."toStage"::"Stage", v."at", ${ctx.userId}::uuid, v."amount",
      v."probability", v."lossReason", v."reason"
    FROM unnest(${changes.map((change) => change.opportunityId)}::uuid[], ${changes.map((change) => change.fromStage)}::text[],
      ${changes.map((change) => change.toStage)}::text[], ${changes.map((change) => change.at)}::timestamptz[],
      ${changes.map((change) => change.amount)}::numeric[], ${changes.map((change) => change.probability)}::numeric[],
      ${changes.map((change) => change.lossReason)}::text[], ${changes.map((change) => change.reason)}::text[])
      AS v("opportunityId", "fromStage", "toStage", "at", "amount", "probability", "lossReason", "reason")
    RETURNING "id"::text, "opportunityId"::text`;
}
