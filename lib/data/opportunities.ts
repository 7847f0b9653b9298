// Opportunities: the one data-access path for reading, creating, editing, deleting and moving deals.
// Every function takes the caller context, scopes by org and visibility, and refuses what the caller may
// not do. Stage moves go through moveOpportunityToStage only (form, API, and later board, bulk, import).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { decisionAlignment, isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { formatMoneyString, toDecimal } from "@/lib/domain/money";
import { checkStageMove, type StageKey, type StageTable, stageProbability, weightedAmount } from "@/lib/domain/stages";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, canAssignOwner, type Ctx, opportunityVisibility } from "@/lib/permissions";
import type {
  OpportunityCreate, OpportunityListQuery, OpportunityOutput, OpportunityUpdate, StageChangeOutput, StageMove,
} from "@/lib/validations/opportunity";
import { enforceCloseOutAtCreation, enforceCloseOutReview } from "./close-out";
import { refreshDealHealth } from "./health";
import { recordFieldChanges } from "./field-history";
import { recordAudit } from "./audit";
import { enforceCreationGates, enforceGates, recordGateOutcome } from "./gate-enforcement";
import { decodeCursor, encodeCursor, isUuid } from "./pagination";
import { isRenameOnly, renameOpportunity } from "./opportunity-rename";
import { getStageTable } from "./stage-config";

const opportunityInclude = {
  account: { select: { name: true } },
  owner: { select: { name: true } },
} satisfies Prisma.OpportunityInclude;

type OpportunityRow = Prisma.OpportunityGetPayload<{ include: typeof opportunityInclude }>;

export function toOpportunityOutput(row: OpportunityRow, table: StageTable): OpportunityOutput {
  const stage = row.stage as StageKey;
  const decisionStage = isDecisionStageKey(row.decisionStage) ? row.decisionStage : null;
  return {
    id: row.id,
    name: row.name,
    accountId: row.accountId,
    accountName: row.account.name,
    ownerId: row.ownerId,
    ownerName: row.owner.name,
    teamId: row.teamId,
    productLine: row.productLine,
    amount: formatMoneyString(row.amount.toString()),
    currency: row.currency,
    expectedCloseDate: row.expectedCloseDate.toISOString().slice(0, 10),
    stage,
    probability: stageProbability(stage, table).toNumber(),
    weightedAmount: formatMoneyString(weightedAmount(row.amount.toString(), stage, table)),
    lossReason: row.lossReason,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    decisionStage,
    decisionAlignment: decisionAlignment(stage, decisionStage, table),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a deal (before/after of every write). */
type AuditedDeal = Pick<OpportunityRow, "name" | "accountId" | "ownerId" | "teamId" | "productLine" | "currency" | "expectedCloseDate" | "stage" | "lossReason" | "version">;

export function auditSnapshot(row: AuditedDeal & { amount: { toString(): string } }) {
  return {
    name: row.name, accountId: row.accountId, ownerId: row.ownerId, teamId: row.teamId, productLine: row.productLine,
    amount: formatMoneyString(row.amount.toString()), currency: row.currency, expectedCloseDate: row.expectedCloseDate.toISOString().slice(0, 10),
    stage: row.stage, lossReason: row.lossReason, version: row.version,
  };
}

/** The audit entry of an edit of a deal's fields: the deal before and after. */
export function dealUpdateAudit(before: AuditedDeal & { id: string; amount: { toString(): string } }, after: AuditedDeal & { amount: { toString(): string } }) {
  return { action: "opportunity.update", entityType: "Opportunity", entityId: before.id, before: auditSnapshot(before), after: auditSnapshot(after) };
}

function buildListWhere(ctx: Ctx, query: Omit<OpportunityListQuery, "limit" | "cursor">): Prisma.OpportunityWhereInput {
  const and: Prisma.OpportunityWhereInput[] = [opportunityVisibility(ctx)];
  if (query.stage) and.push({ stage: query.stage });
  if (query.ownerId) and.push({ ownerId: query.ownerId });
  if (query.teamId) and.push({ teamId: query.teamId });
  if (query.accountId) and.push({ accountId: query.accountId });
  if (query.q) and.push({ name: { contains: query.q, mode: "insensitive" } });
  return { AND: and };
}

/** Newest first, keyset-paginated. */
export async function listOpportunities(ctx: Ctx, query: OpportunityListQuery) {
  const table = await getStageTable(ctx);
  const where = buildListWhere(ctx, query);
  const cursor = decodeCursor(query.cursor);
  const cursorWhere: Prisma.OpportunityWhereInput = cursor
    ? { OR: [{ createdAt: { lt: new Date(cursor.at) } }, { createdAt: new Date(cursor.at), id: { lt: cursor.id } }] }
    : {};
  const rows = await db.opportunity.findMany({
    where: { AND: [where, cursorWhere] },
    include: opportunityInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toOpportunityOutput(row, table)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** Page-numbered listing for the UI: the rows of one page and the total count of the filtered set. */
export async function listOpportunityPage(ctx: Ctx, query: Omit<OpportunityListQuery, "cursor">, page: number) {
  const table = await getStageTable(ctx);
  const where = buildListWhere(ctx, query);
  const [total, rows] = await Promise.all([
    db.opportunity.count({ where }),
    db.opportunity.findMany({
      where,
      include: opportunityInclude,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: Math.max(0, page - 1) * query.limit,
      take: query.limit,
    }),
  ]);
  return { total, data: rows.map((row) => toOpportunityOutput(row, table)) };
}

export async function findVisibleRow(client: Tx | typeof db, ctx: Ctx, id: string): Promise<OpportunityRow> {
  if (!isUuid(id)) throw notFound("Opportunity");
  const row = await client.opportunity.findFirst({ where: { id, ...opportunityVisibility(ctx) }, include: opportunityInclude });
  if (!row) throw notFound("Opportunity");
  return row;
}

export async function getOpportunity(ctx: Ctx, id: string): Promise<OpportunityOutput> {
  const [row, table] = await Promise.all([findVisibleRow(db, ctx, id), getStageTable(ctx)]);
  return toOpportunityOutput(row, table);
}

/** What is read of a deal's owner: an active user of the org, with the teams they belong to. */
export const dealOwnerSelect = { id: true, memberships: { select: { teamId: true } } } satisfies Prisma.UserSelect;

/**
 * 422 for an account or owner that was not found (live, in the caller's org; the owner active); otherwise the
 * deal's team: the one asked for, the current one if the owner belongs to it, else by default a team of the
 * owner that the caller manages, else the owner's first team. Shared by the single writes and the import's batch.
 */
export function settleReferences(
  ctx: Ctx, input: { teamId?: string | null; keepTeamId?: string | null },
  found: { isAccountFound: boolean; owner: Prisma.UserGetPayload<{ select: typeof dealOwnerSelect }> | null },
): { teamId: string | null; ownerTeamIds: string[] } {
  const errors = [];
  if (!found.isAccountFound) errors.push({ path: "accountId", message: "No such account in your organization." });
  if (!found.owner) errors.push({ path: "ownerId", message: "No such active user in your organization." });
  if (errors.length) throw invalid(errors);
  const ownerTeamIds = found.owner!.memberships.map((membership) => membership.teamId);
  let teamId: string | null;
  if (input.teamId !== undefined) {
    teamId = input.teamId;
  } else if (input.keepTeamId !== undefined && input.keepTeamId !== null && ownerTeamIds.includes(input.keepTeamId)) {
    teamId = input.keepTeamId;
  } else {
    teamId = ownerTeamIds.find((id) => ctx.managedTeamIds.includes(id)) ?? ownerTeamIds[0] ?? null;
  }
  return { teamId, ownerTeamIds };
}

/** Checks that account, owner and team exist in the caller's org and fit together; 422 otherwise. */
async function resolveReferences(
  tx: Tx, ctx: Ctx, input: { accountId?: string; ownerId: string; teamId?: string | null; keepTeamId?: string | null },
): Promise<{ teamId: string | null }> {
  const [account, owner] = await Promise.all([
    input.accountId ? tx.account.findFirst({ where: { id: input.accountId, orgId: ctx.orgId, deletedAt: null }, select: { id: true } }) : null,
    tx.user.findFirst({ where: { id: input.ownerId, orgId: ctx.orgId, isActive: true }, select: dealOwnerSelect }),
  ]);
  const { teamId, ownerTeamIds } = settleReferences(ctx, input, { isAccountFound: !input.accountId || account !== null, owner });
  if (teamId !== null) {
    const team = await tx.team.findFirst({ where: { id: teamId, orgId: ctx.orgId }, select: { id: true } });
    if (!team) throw invalid([{ path: "teamId", message: "No such team in your organization." }]);
    if (!ownerTeamIds.includes(teamId)) throw invalid([{ path: "teamId", message: "The owner is not a member of this team." }]);
  }
  return { teamId };
}

/**
 * Every deal is in the org's base currency: forecasts, quotas, cubes and board totals add amounts up, and a
 * sum of yuan and dollars is meaningless. (Conversion with effective-dated rates was the alternative; one
 * currency keeps every total exact without a rate to trust.) A deal already in another currency — made before
 * this rule — keeps it until someone changes it, and may only change to the base currency.
 */
export function assertOrgCurrency(currency: string | undefined, baseCurrency: string) {
  if (currency !== undefined && currency !== baseCurrency) {
    throw invalid([{ path: "currency", message: `Deals are recorded in the organization's currency, ${baseCurrency}.` }], `Deals are recorded in the organization's currency, ${baseCurrency}.`);
  }
}

/** The owner of a new deal: the caller unless the input names someone else, which needs opportunity.createForOthers. */
export function newDealOwner(ctx: Ctx, input: Pick<OpportunityCreate, "ownerId">): string {
  assertCan(ctx, "opportunity.create");
  const ownerId = input.ownerId ?? ctx.userId;
  if (ownerId !== ctx.userId) assertCan(ctx, "opportunity.createForOthers");
  return ownerId;
}

/**
 * The columns of a new deal, once its owner and team are settled: refuses an owner or team the caller may not
 * assign and a currency other than the org's. Shared by createOpportunity and the import's batch creation.
 */
export function newDealData(
  ctx: Ctx, input: OpportunityCreate, settled: { ownerId: string; teamId: string | null; baseCurrency: string; externalId?: string },
) {
  if (!canAssignOwner(ctx, settled.ownerId, settled.teamId)) throw new AppError("FORBIDDEN", "You may not create deals for this owner.");
  assertOrgCurrency(input.currency, settled.baseCurrency);
  const stage: StageKey = input.stage ?? "P0";
  return {
    orgId: ctx.orgId,
    name: input.name,
    accountId: input.accountId,
    ownerId: settled.ownerId,
    teamId: settled.teamId,
    productLine: input.productLine ?? null,
    amount: input.amount,
    currency: input.currency ?? settled.baseCurrency,
    expectedCloseDate: new Date(`${input.expectedCloseDate}T00:00:00Z`),
    stage,
    lossReason: stage === "LOST" ? input.lossReason ?? null : null,
    externalId: settled.externalId ?? null,
  };
}

/** The first history row of a deal: its creation at its stage, with the probability in force now. */
export function creationStageChange(
  ctx: Ctx, deal: { id: string; stage: string; stageEnteredAt: Date; amount: { toString(): string }; lossReason: string | null },
  table: StageTable, reason: string | undefined,
) {
  const stage = deal.stage as StageKey;
  return {
    orgId: ctx.orgId, opportunityId: deal.id, fromStage: null, toStage: stage, at: deal.stageEnteredAt, byUserId: ctx.userId,
    amount: deal.amount.toString(), probability: table[stage].probability, lossReason: deal.lossReason, reason: reason ?? null,
  };
}

/** `options` come from the import: the row's external id and the reason recorded on the creation's history row. */
export async function createOpportunity(
  ctx: Ctx, input: OpportunityCreate, options: { externalId?: string; stageReason?: string } = {},
): Promise<OpportunityOutput> {
  const ownerId = newDealOwner(ctx, input);
  const table = await getStageTable(ctx);
  const row = await db.$transaction(async (tx) => {
    const { teamId } = await resolveReferences(tx, ctx, { accountId: input.accountId, ownerId, teamId: input.teamId });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { baseCurrency: true } });
    let created = await tx.opportunity.create({
      data: newDealData(ctx, input, { ownerId, teamId, baseCurrency: org.baseCurrency, externalId: options.externalId }),
      include: opportunityInclude,
    });
    // Created lost: the same close-out review as a move to LOST, written with the row (or the row rolls back).
    const lossReason = await enforceCloseOutAtCreation(tx, ctx, { id: created.id, stage: created.stage as StageKey }, input);
    if (lossReason !== created.lossReason) {
      created = await tx.opportunity.update({ where: { id: created.id }, data: { lossReason }, include: opportunityInclude });
    }
    // Creating at a later stage crosses the gates a move from P0 would; a refusal rolls the row back.
    const gates = await enforceCreationGates(tx, ctx, created);
    const change = await tx.stageChange.create({ data: creationStageChange(ctx, created, table, options.stageReason), select: { id: true } });
    await recordGateOutcome(tx, created, change.id, gates, created.stageEnteredAt);
    await refreshDealHealth(tx, ctx.orgId, [created.id]);
    await recordAudit(tx, ctx, { action: "opportunity.create", entityType: "Opportunity", entityId: created.id, after: auditSnapshot(created) });
    return created;
  });
  return toOpportunityOutput(row, table);
}

/** 409: the deal is no longer at the version the caller read. */
export function conflict(currentVersion: number): AppError {
  return new AppError("CONFLICT", "This opportunity was changed by someone else. Reload and try again.", {
    extensions: { currentVersion },
  });
}

/** What judging an edit may need read: the references of a new owner, team or account; the org's currency. */
export type DealEditLookups = {
  references(input: { accountId?: string; ownerId: string; teamId?: string | null; keepTeamId?: string | null }): Promise<{ teamId: string | null }>;
  baseCurrency(): Promise<string>;
};

/**
 * The rules of an edit of a deal's fields, given the deal as it is: reassigning needs opportunity.reassign; a
 * new owner, team or account must exist and fit (`lookups.references`), and an owner or team that changes must
 * be one the caller may assign; a currency may only change to the org's. Returns the owner and team the deal
 * then has. Shared by updateOpportunity and the import's batch of changed deals (opportunity-batch-update.ts).
 */
export async function settleDealEdit(
  ctx: Ctx, current: { ownerId: string; teamId: string | null; currency: string },
  input: Pick<OpportunityUpdate, "ownerId" | "teamId" | "accountId" | "currency">, lookups: DealEditLookups,
): Promise<{ ownerId: string; teamId: string | null }> {
  const isReassigning = input.ownerId !== undefined && input.ownerId !== current.ownerId;
  if (isReassigning) assertCan(ctx, "opportunity.reassign");
  const ownerId = input.ownerId ?? current.ownerId;
  const touchesTeam = isReassigning || input.teamId !== undefined || input.accountId !== undefined;
  let teamId = current.teamId;
  if (touchesTeam) {
    ({ teamId } = await lookups.references({ accountId: input.accountId, ownerId, teamId: input.teamId, keepTeamId: current.teamId }));
    if ((isReassigning || teamId !== current.teamId) && !canAssignOwner(ctx, ownerId, teamId)) {
      throw new AppError("FORBIDDEN", "You may not assign this deal to that owner or team.");
    }
  }
  if (input.currency !== undefined && input.currency !== current.currency) assertOrgCurrency(input.currency, await lookups.baseCurrency());
  return { ownerId, teamId };
}

type HealthFields = { amount: { toString(): string }; expectedCloseDate: Date; productLine: string | null; teamId: string | null; ownerId: string };

/**
 * Whether an edit changes what the health score reads: the amount (grade), close date (slips), product line and
 * team (gate fields) and the owner (whose relationships count) — not a rename. Such an edit rescores the deal.
 */
export function feedsDealHealth(before: HealthFields, after: HealthFields): boolean {
  return !toDecimal(after.amount.toString()).eq(toDecimal(before.amount.toString()))
    || after.expectedCloseDate.getTime() !== before.expectedCloseDate.getTime()
    || after.productLine !== before.productLine || after.teamId !== before.teamId || after.ownerId !== before.ownerId;
}

export async function updateOpportunity(ctx: Ctx, id: string, input: OpportunityUpdate): Promise<OpportunityOutput> {
  if (isRenameOnly(input)) return renameOpportunity(ctx, id, input);
  const table = await getStageTable(ctx);
  const row = await db.$transaction(async (tx) => {
    const current = await findVisibleRow(tx, ctx, id);
    if (current.version !== input.version) throw conflict(current.version);
    const { ownerId, teamId } = await settleDealEdit(ctx, current, input, {
      references: (refs) => resolveReferences(tx, ctx, refs),
      baseCurrency: async () => (await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { baseCurrency: true } })).baseCurrency,
    });
    // Written and read back in one statement; the names shown beside the ids are read only if those changed.
    const [written] = await tx.opportunity.updateManyAndReturn({
      where: { id, orgId: ctx.orgId, version: input.version, deletedAt: null },
      data: {
        name: input.name,
        accountId: input.accountId,
        amount: input.amount,
        currency: input.currency,
        expectedCloseDate: input.expectedCloseDate ? new Date(`${input.expectedCloseDate}T00:00:00Z`) : undefined,
        productLine: input.productLine,
        ownerId,
        teamId,
        version: { increment: 1 },
      },
    });
    if (!written) throw conflict((await tx.opportunity.findUniqueOrThrow({ where: { id } })).version);
    await recordFieldChanges(tx, ctx, current, input);
    if (feedsDealHealth(current, written)) await refreshDealHealth(tx, ctx.orgId, [id]);
    const [account, owner] = await Promise.all([
      written.accountId === current.accountId ? current.account : tx.account.findUniqueOrThrow({ where: { id: written.accountId }, select: { name: true } }),
      written.ownerId === current.ownerId ? current.owner : tx.user.findUniqueOrThrow({ where: { id: written.ownerId }, select: { name: true } }),
    ]);
    const updated: OpportunityRow = { ...written, account, owner };
    await recordAudit(tx, ctx, dealUpdateAudit(current, updated));
    return updated;
  });
  return toOpportunityOutput(row, table);
}

/** A lost deal needs a loss reason, once the LOST gate has settled it (the domain's rule of a move). */
export function assertLossReasonOfMove(from: StageKey, to: StageKey, lossReason: string | null): void {
  if (checkStageMove(from, to, lossReason) === "LOSS_REASON_REQUIRED") throw invalid([{ path: "lossReason", message: "A lost deal needs a loss reason." }]);
}

type MovedDeal = { id: string; amount: { toString(): string }; version: number };
type SettledMove = { from: StageKey; to: StageKey; lossReason: string | null; reason: string | null };

/** The StageChange row of a move of `deal` (as it is before the move), with the probability in force now. */
export function stageMoveChange(ctx: Ctx, deal: MovedDeal, move: SettledMove, table: StageTable, at: Date) {
  return {
    orgId: ctx.orgId, opportunityId: deal.id, fromStage: move.from, toStage: move.to, at, byUserId: ctx.userId,
    amount: deal.amount.toString(), probability: table[move.to].probability, lossReason: move.lossReason, reason: move.reason,
  };
}

/** The audit entry of a move of `deal` (as it is before the move; the move adds one to its version). */
export function stageMoveAudit(deal: MovedDeal, move: SettledMove) {
  return {
    action: "opportunity.stageMove", entityType: "Opportunity", entityId: deal.id,
    before: { stage: move.from, version: deal.version }, after: { stage: move.to, version: deal.version + 1, lossReason: move.lossReason, reason: move.reason },
  };
}

/**
 * THE stage move. Checks visibility, the expected version (stale → 409, nothing written), the domain rules
 * of the move and the org's stage gates (unmet BLOCK criteria → 422 listing each; lib/data/gate-enforcement),
 * then writes the new stage and its StageChange row — with the probability in force now — plus any gate
 * exceptions and used approvals, in one transaction. The import's batch of changed deals applies the same
 * rules through the same functions (lib/data/opportunity-batch-update.ts).
 */
export async function moveOpportunityToStage(ctx: Ctx, id: string, move: StageMove): Promise<OpportunityOutput> {
  const table = await getStageTable(ctx);
  const row = await db.$transaction(async (tx) => {
    const current = await findVisibleRow(tx, ctx, id);
    if (current.version !== move.version) throw conflict(current.version);
    const from = current.stage as StageKey;
    if (from === move.to) throw invalid([{ path: "to", message: `The deal is already in ${move.to}.` }]);
    // The LOST gate: a complete close-out review (carried by the move or written before); it names the loss reason.
    const lossReason = await enforceCloseOutReview(tx, ctx, current, move);
    assertLossReasonOfMove(from, move.to, lossReason);
    const gates = await enforceGates(tx, ctx, current, { ...move, lossReason });
    const now = new Date();
    const result = await tx.opportunity.updateMany({
      where: { id, orgId: ctx.orgId, version: move.version, deletedAt: null },
      data: {
        stage: move.to,
        stageEnteredAt: now,
        lossReason,
        version: { increment: 1 },
      },
    });
    if (result.count === 0) throw conflict((await tx.opportunity.findUniqueOrThrow({ where: { id } })).version);
    const settled = { from, to: move.to, lossReason, reason: move.reason ?? null };
    const change = await tx.stageChange.create({ data: stageMoveChange(ctx, current, settled, table, now), select: { id: true } });
    await recordGateOutcome(tx, current, change.id, gates, now);
    await refreshDealHealth(tx, ctx.orgId, [id]);
    const moved = await tx.opportunity.findUniqueOrThrow({ where: { id }, include: opportunityInclude });
    await recordAudit(tx, ctx, stageMoveAudit(current, settled));
    return moved;
  });
  return toOpportunityOutput(row, table);
}

/** Soft delete: the row stays (history, a later recycle bin) but disappears from every query. */
export async function deleteOpportunity(ctx: Ctx, id: string, expectedVersion?: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await findVisibleRow(tx, ctx, id);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw conflict(current.version);
    await tx.opportunity.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: "opportunity.delete", entityType: "Opportunity", entityId: id, before: auditSnapshot(current) });
  });
}

/** Stage history, oldest first. */
export async function listStageHistory(ctx: Ctx, id: string): Promise<StageChangeOutput[]> {
  await findVisibleRow(db, ctx, id);
  const rows = await db.stageChange.findMany({
    where: { opportunityId: id, orgId: ctx.orgId },
    include: { byUser: { select: { name: true } } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    fromStage: row.fromStage as StageKey | null,
    toStage: row.toStage as StageKey,
    at: row.at.toISOString(),
    byUserId: row.byUserId,
    byUserName: row.byUser.name,
    amount: formatMoneyString(row.amount.toString()),
    probability: Number(row.probability.toString()),
    lossReason: row.lossReason,
    reason: row.reason,
  }));
}

// A deal's activities live with the rest of the activity code; re-exported for existing callers.
export { listOpportunityActivities } from "./activities";
