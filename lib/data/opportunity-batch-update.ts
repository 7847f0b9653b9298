// The batch form of updateOpportunity followed by moveOpportunityToStage, for the import's rows that change
// existing deals: a thousand deals in a few statements, each row meeting the rules of those two functions
// through the same code (lib/data/opportunities.ts settleDealEdit, feedsDealHealth, assertLossReasonOfMove,
// dealUpdateAudit, stageMoveChange, stageMoveAudit; judgeStageMove and recordGateOutcomes of
// gate-enforcement.ts; judgeLostMove of close-out.ts; the field history; the stored health score). As row by
// row, a row first edits the deal's fields, then moves it — one version each, the move judged on the edited
// deal — but a row is applied whole or not at all: a refused move leaves the fields as they were too.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { formatMoneyString } from "@/lib/domain/money";
import type { StageKey } from "@/lib/domain/stages";
import { type FieldError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { OpportunityUpdate } from "@/lib/validations/opportunity";
import { batchRefusal } from "./accounts";
import { recordAudits } from "./audit";
import { judgeLostMove } from "./close-out";
import { recordFieldChangesOfMany } from "./field-history";
import { type AllowedMove, judgeStageMove, loadActiveCriteria, recordGateOutcomes } from "./gate-enforcement";
import { loadDealFactsOfMany, refreshDealHealth } from "./health";
import {
  assertLossReasonOfMove, conflict, dealOwnerSelect, type DealEditLookups, dealUpdateAudit, feedsDealHealth, settleDealEdit, settleReferences,
  stageMoveAudit, stageMoveChange,
} from "./opportunities";
import { insertStageChanges } from "./opportunity-batch";
import { getStageTable } from "./stage-config";

export type ExistingDeal = Prisma.OpportunityGetPayload<object>;
/** What an import row says of a deal: all its fields; an empty optional cell keeps the deal's value. */
export type DealChange = {
  name: string; accountId: string; amount: string; currency?: string; expectedCloseDate: string; productLine?: string | null; ownerId?: string;
  stage?: StageKey; lossReason?: string | null;
};
/** A row and the deal its external id named when the batch read it (outside the batch's transaction). */
export type DealChangeRow = { deal: ExistingDeal; change: DealChange };
export type ChangedDealOutcome =
  | { kind: "updated"; move?: { from: StageKey; to: StageKey } }
  | { kind: "unchanged" }
  | { kind: "rejected"; errors: FieldError[] };

type Patch = Omit<OpportunityUpdate, "version">;
type Pending = { index: number; deal: ExistingDeal; patch: Patch; to?: StageKey; lossReason?: string | null };
type SettledMove = { from: StageKey; to: StageKey; lossReason: string | null; reason: string | null };
type Planned = Pending & { ownerId: string; teamId: string | null; move?: SettledMove };
type WrittenDeal = Omit<ExistingDeal, "externalId" | "createdAt" | "updatedAt" | "deletedAt" | "stageEnteredAt" | "forecastCategory" | "decisionStage">;

const IN_BIN: ChangedDealOutcome = {
  kind: "rejected", errors: [{ path: "externalId", message: "This deal is in the recycle bin; restore it first." }],
};

/** The deals of the org with these external ids, as they are now: what the batch's rows are compared with. */
export async function findDealsByExternalId(ctx: Ctx, externalIds: readonly string[]): Promise<Map<string, ExistingDeal>> {
  if (!externalIds.length) return new Map();
  const deals = await db.opportunity.findMany({ where: { orgId: ctx.orgId, externalId: { in: [...externalIds] } } });
  return new Map(deals.map((deal) => [deal.externalId!, deal]));
}

/** The fields a row changes: those whose value differs from the deal's (1000 and 1000.00 are one amount). */
export function importedDealPatch(deal: ExistingDeal, change: DealChange): Patch {
  return {
    ...(change.name !== deal.name ? { name: change.name } : {}),
    ...(change.accountId !== deal.accountId ? { accountId: change.accountId } : {}),
    ...(formatMoneyString(change.amount) !== formatMoneyString(deal.amount.toString()) ? { amount: change.amount } : {}),
    ...(change.currency && change.currency !== deal.currency ? { currency: change.currency } : {}),
    ...(change.expectedCloseDate !== deal.expectedCloseDate.toISOString().slice(0, 10) ? { expectedCloseDate: change.expectedCloseDate } : {}),
    ...(change.productLine !== undefined && change.productLine !== deal.productLine ? { productLine: change.productLine } : {}),
    ...(change.ownerId && change.ownerId !== deal.ownerId ? { ownerId: change.ownerId } : {}),
  };
}

const hasEdit = (item: Pending) => Object.keys(item.patch).length > 0;

/**
 * Applies `rows` in `tx` (the import's batch, committed with its progress). A deal the caller cannot see is
 * refused as not found, one in the recycle bin as such, and a row that changes nothing writes nothing. The deals
 * to write are locked; one changed since the batch read it is refused (409: the file was not written against
 * that change, which stays). Per row the rules of updateOpportunity (reassignment, references, who may own it,
 * the org's currency) and of moveOpportunityToStage as the import moves (the LOST gate with the deal's saved
 * review, the loss reason, the stage gates with `stageReason` as the reason); a refused row comes back with its
 * errors and the others are written — fields, field history, stage, history, gate exceptions, used approvals,
 * health, audit — a statement or two each. `stageReason` is recorded on each move's history row.
 */
export async function changeOpportunitiesByExternalId(
  tx: Tx, ctx: Ctx, rows: readonly DealChangeRow[], options: { stageReason: string },
): Promise<ChangedDealOutcome[]> {
  const outcomes: ChangedDealOutcome[] = new Array(rows.length);
  if (!rows.length) return outcomes;
  const pending = rows.map(({ deal, change }, index): Pending => ({
    index, deal, patch: importedDealPatch(deal, change), lossReason: change.lossReason,
    ...(change.stage && change.stage !== deal.stage ? { to: change.stage } : {}),
  })).filter((item) => hasEdit(item) || item.to);
  // In id order, so two batches locking some of the same deals never deadlock.
  const locked = !pending.length ? [] : await tx.$queryRaw<{ id: string; version: number }[]>`
    SELECT "id"::text, "version" FROM "Opportunity"
     WHERE "id" = ANY(${pending.map((item) => item.deal.id)}::uuid[]) AND "orgId" = ${ctx.orgId}::uuid ORDER BY "id" FOR UPDATE`;
  const versions = new Map(locked.map((row) => [row.id, row.version]));
  // Visibility as every read applies it, recycle bin aside (a deal you can see in the bin is named as such).
  const visible = new Set((await tx.opportunity.findMany({
    where: { AND: [{ id: { in: rows.map((row) => row.deal.id) } }, { ...opportunityVisibility(ctx), deletedAt: undefined }] }, select: { id: true },
  })).map((deal) => deal.id));
  const writes = new Set(pending.map((item) => item.index));
  rows.forEach(({ deal }, index) => {
    if (!visible.has(deal.id)) outcomes[index] = batchRefusal(notFound("Opportunity")) as ChangedDealOutcome;
    else if (deal.deletedAt) outcomes[index] = IN_BIN;
    else if (!writes.has(index)) outcomes[index] = { kind: "unchanged" };
  });

  const planned = await planChanges(tx, ctx, pending.filter((item) => !outcomes[item.index]), versions, outcomes, options.stageReason);
  const now = new Date();
  const moving = planned.filter((item) => item.move);
  const criteria = moving.length ? await loadActiveCriteria(tx, ctx.orgId) : [];
  // The gates judge the edited deal, so the edits are written first; if a move is then refused, its row's edit
  // is taken back with the savepoint and the other edits written again.
  const isJudgingEdited = criteria.length > 0 && moving.some(hasEdit);
  if (isJudgingEdited) await tx.$executeRaw`SAVEPOINT deal_edits`;
  let written = await writeEdits(tx, ctx, planned.filter(hasEdit), now);
  const verdicts = new Map<string, AllowedMove>();
  if (criteria.length) {
    const facts = await loadDealFactsOfMany(tx, ctx.orgId, moving.map((item) => item.deal.id));
    for (const item of moving) {
      try {
        verdicts.set(item.deal.id, judgeStageMove(ctx, item.deal, item.move!, criteria, facts.get(item.deal.id) ?? null));
      } catch (error) {
        outcomes[item.index] = batchRefusal(error) as ChangedDealOutcome;
      }
    }
  }
  const accepted = planned.filter((item) => !outcomes[item.index]);
  if (isJudgingEdited) {
    if (accepted.length < planned.length && planned.some((item) => outcomes[item.index] && hasEdit(item))) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT deal_edits`;
      written = await writeEdits(tx, ctx, accepted.filter(hasEdit), now);
    }
    await tx.$executeRaw`RELEASE SAVEPOINT deal_edits`;
  }
  const edited = accepted.filter(hasEdit);
  await recordFieldChangesOfMany(tx, ctx, edited.map((item) => ({ before: item.deal, after: item.patch })));
  const moved = accepted.filter((item) => item.move);
  // A move starts from the deal as its row's edit left it (amount, version).
  const beforeMove = moved.map((item) => written.get(item.deal.id) ?? item.deal);
  await writeMoves(tx, ctx, moved, beforeMove, verdicts, now);
  await recordAudits(tx, ctx, [
    ...edited.map((item) => dealUpdateAudit(item.deal, written.get(item.deal.id)!)),
    ...moved.map((item, i) => stageMoveAudit(beforeMove[i], item.move!)),
  ]);
  await refreshDealHealth(tx, ctx.orgId, [
    ...edited.filter((item) => feedsDealHealth(item.deal, written.get(item.deal.id)!)).map((item) => item.deal.id),
    ...moved.map((item) => item.deal.id),
  ], { now });
  for (const item of accepted) outcomes[item.index] = { kind: "updated", ...(item.move ? { move: { from: item.move.from, to: item.move.to } } : {}) };
  return outcomes;
}

/**
 * The checks that need no gate facts, per row in the order the two single writes make them: the version read,
 * the edit's rules (settleDealEdit with the batch's accounts, owners and currency read at once), then the
 * move's LOST gate (the deals' saved reviews, read at once) and loss reason. Refusals go into `outcomes`.
 */
async function planChanges(
  tx: Tx, ctx: Ctx, pending: Pending[], versions: Map<string, number>, outcomes: ChangedDealOutcome[], stageReason: string,
): Promise<Planned[]> {
  const lookups = await loadEditLookups(tx, ctx, pending.filter(hasEdit));
  const lost = pending.filter((item) => item.to === "LOST").map((item) => item.deal.id);
  const reviews = new Map((lost.length ? await tx.closeOutReview.findMany({ where: { opportunityId: { in: lost }, orgId: ctx.orgId } }) : [])
    .map((review) => [review.opportunityId, review]));
  const lossItems = lost.length ? await tx.orgListItem.findMany({ where: { orgId: ctx.orgId, list: "LOSS_REASON" } }) : [];
  const planned: Planned[] = [];
  for (const item of pending) {
    try {
      const version = versions.get(item.deal.id);
      if (version !== item.deal.version) throw conflict(version ?? item.deal.version);
      const { ownerId, teamId } = hasEdit(item) ? await settleDealEdit(ctx, item.deal, item.patch, lookups) : item.deal;
      let move: SettledMove | undefined;
      if (item.to) {
        const from = item.deal.stage as StageKey;
        const lossReason = item.to === "LOST"
          ? await judgeLostMove(ctx, reviews.get(item.deal.id) ?? null, item.lossReason, async (key) => lossItems.find((entry) => entry.key === key) ?? null)
          : null;
        assertLossReasonOfMove(from, item.to, lossReason);
        move = { from, to: item.to, lossReason, reason: stageReason };
      }
      planned.push({ ...item, ownerId, teamId, move });
    } catch (error) {
      outcomes[item.index] = batchRefusal(error) as ChangedDealOutcome;
    }
  }
  return planned;
}

/** What settleDealEdit reads, for a whole batch: the accounts and owners the rows name, the org's currency. */
async function loadEditLookups(tx: Tx, ctx: Ctx, edits: Pending[]): Promise<DealEditLookups> {
  const accountIds = [...new Set(edits.flatMap((item) => (item.patch.accountId ? [item.patch.accountId] : [])))];
  const ownerIds = [...new Set(edits.map((item) => item.patch.ownerId ?? item.deal.ownerId))];
  const accounts = accountIds.length
    ? await tx.account.findMany({ where: { id: { in: accountIds }, orgId: ctx.orgId, deletedAt: null }, select: { id: true } })
    : [];
  const owners = ownerIds.length ? await tx.user.findMany({ where: { id: { in: ownerIds }, orgId: ctx.orgId, isActive: true }, select: dealOwnerSelect }) : [];
  const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { baseCurrency: true } });
  const liveAccounts = new Set(accounts.map((account) => account.id));
  const ownersById = new Map(owners.map((owner) => [owner.id, owner]));
  return {
    // The import names no team: the team kept or chosen is one the owner belongs to, so it needs no further check.
    references: async (refs) => {
      if (refs.teamId !== undefined) throw new Error("The import's batch sets no explicit team.");
      return settleReferences(ctx, refs, { isAccountFound: !refs.accountId || liveAccounts.has(refs.accountId), owner: ownersById.get(refs.ownerId) ?? null });
    },
    baseCurrency: async () => org.baseCurrency,
  };
}

/** The edits in one UPDATE, one version each; the deals as written, by id. */
async function writeEdits(tx: Tx, ctx: Ctx, edits: Planned[], now: Date): Promise<Map<string, WrittenDeal>> {
  if (!edits.length) return new Map();
  const value = <K extends keyof Patch & keyof ExistingDeal>(item: Planned, key: K) => (item.patch[key] !== undefined ? item.patch[key] : item.deal[key]);
  const rows = await tx.$queryRaw<WrittenDeal[]>`
    UPDATE "Opportunity" AS o SET "name" = v."name", "accountId" = v."accountId", "amount" = v."amount", "currency" = v."currency",
      "expectedCloseDate" = v."expectedCloseDate", "productLine" = v."productLine", "ownerId" = v."ownerId", "teamId" = v."teamId",
      "version" = o."version" + 1, "updatedAt" = ${now}
    FROM unnest(${edits.map((item) => item.deal.id)}::uuid[], ${edits.map((item) => value(item, "name"))}::text[],
      ${edits.map((item) => value(item, "accountId"))}::uuid[], ${edits.map((item) => value(item, "amount")!.toString())}::numeric[],
      ${edits.map((item) => value(item, "currency"))}::text[],
      ${edits.map((item) => item.patch.expectedCloseDate ?? item.deal.expectedCloseDate.toISOString().slice(0, 10))}::date[],
      ${edits.map((item) => value(item, "productLine") ?? null)}::text[], ${edits.map((item) => item.ownerId)}::uuid[],
      ${edits.map((item) => item.teamId)}::uuid[])
      AS v("id", "name", "accountId", "amount", "currency", "expectedCloseDate", "productLine", "ownerId", "teamId")
    WHERE o."id" = v."id" AND o."orgId" = ${ctx.orgId}::uuid
    RETURNING o."id"::text, o."orgId"::text, o."name", o."accountId"::text, o."ownerId"::text, o."teamId"::text, o."productLine", o."amount",
      o."currency", o."expectedCloseDate", o."stage"::text AS "stage", o."lossReason", o."version"`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** The moves: the stage (one version more), their history rows, gate exceptions and used approvals. */
async function writeMoves(
  tx: Tx, ctx: Ctx, moved: Planned[], beforeMove: readonly { id: string; amount: { toString(): string }; version: number }[],
  verdicts: Map<string, AllowedMove>, now: Date,
): Promise<void> {
  if (!moved.length) return;
  await tx.$executeRaw`
    UPDATE "Opportunity" AS o SET "stage" = v."stage"::"Stage", "stageEnteredAt" = ${now}, "lossReason" = v."lossReason",
      "version" = o."version" + 1, "updatedAt" = ${now}
    FROM unnest(${moved.map((item) => item.deal.id)}::uuid[], ${moved.map((item) => item.move!.to)}::text[],
      ${moved.map((item) => item.move!.lossReason)}::text[]) AS v("id", "stage", "lossReason")
    WHERE o."id" = v."id" AND o."orgId" = ${ctx.orgId}::uuid`;
  const table = await getStageTable(ctx, tx);
  const changes = await insertStageChanges(tx, ctx, moved.map((item, i) => stageMoveChange(ctx, beforeMove[i], item.move!, table, now)));
  const changeOf = new Map(changes.map((change) => [change.opportunityId, change.id]));
  await recordGateOutcomes(tx, moved.flatMap((item) => {
    const verdict = verdicts.get(item.deal.id);
    return verdict ? [{ deal: item.deal, stageChangeId: changeOf.get(item.deal.id)!, verdict, at: now }] : [];
  }));
}
