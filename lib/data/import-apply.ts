// Applies imported rows through the same data functions as the forms and the API (validation, visibility,
// permissions, the one stage-move path), keyed by externalId: a row whose externalId exists updates that
// record, otherwise it creates one. Accounts and contacts go a whole batch at a time through the batch forms
// of their data functions (upsertAccountsByExternalId, upsertContactsByExternalId: the same rules per row, a
// few statements per batch) inside the caller's transaction. New deals go the same way through
// createOpportunitiesByExternalId (lib/data/opportunity-batch.ts: createOpportunity's rules per row); a row
// naming an existing deal that it changes goes through updateOpportunity and moveOpportunityToStage (field
// history, gates, stage history), and one that changes nothing writes nothing. Also the checks shared by the preview:
// row schema, repeated external ids, and references (account by external id or name, owner by email)
// resolved in bulk.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { type ImportEntity, type ImportMapping, mapRow } from "@/lib/domain/import";
import { formatMoneyString } from "@/lib/domain/money";
import { type FieldError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import {
  type AccountImportRow, type ContactImportRow, IMPORT_ROW_SCHEMAS, type OpportunityImportRow,
} from "@/lib/validations/import";
import { type BatchRowOutcome, upsertAccountsByExternalId } from "./accounts";
import { upsertContactsByExternalId } from "./contacts";
import { moveOpportunityToStage, updateOpportunity } from "./opportunities";
import { createOpportunitiesByExternalId } from "./opportunity-batch";

/** A file row: its 1-based number in the file (the header is row 1) and its cells. */
export type SourceRow = { row: number; cells: string[] };
export type RowOutcome =
  | { row: number; kind: "created" | "updated"; stageAudit?: { opportunityId: string; from: string | null; to: string } }
  | { row: number; kind: "rejected"; errors: FieldError[] };

type Checked<T> = { row: number; input: T } | { row: number; errors: FieldError[] };

const IN_CHUNK = 5000;

async function inChunks<T, R>(values: T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) results.push(...(await query(values.slice(i, i + IN_CHUNK))));
  return results;
}

/** The row number of the first row with each external id: later rows with the same id are refused. */
export function findRepeatedExternalIds(mapping: ImportMapping, rows: readonly SourceRow[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeated = new Map<number, number>();
  const column = mapping.externalId;
  if (column === undefined) return repeated;
  for (const { row, cells } of rows) {
    const id = (cells[column] ?? "").trim();
    if (!id) continue;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, row);
    else repeated.set(row, seen);
  }
  return repeated;
}

type References = {
  accountsByExternalId: Map<string, { id: string; deletedAt: Date | null }>;
  accountsByName: Map<string, string[]>;
  ownersByEmail: Map<string, string>;
};

async function loadReferences(ctx: Ctx, rows: Record<string, string>[]): Promise<References> {
  const distinct = (key: string) => [...new Set(rows.map((row) => row[key]).filter((value): value is string => Boolean(value)))];
  const [byExternal, byName, owners] = await Promise.all([
    inChunks(distinct("accountExternalId"), (chunk) => db.account.findMany({
      where: { orgId: ctx.orgId, externalId: { in: chunk } }, select: { id: true, externalId: true, deletedAt: true },
    })),
    inChunks(distinct("accountName"), (chunk) => db.account.findMany({
      where: { orgId: ctx.orgId, deletedAt: null, name: { in: chunk } }, select: { id: true, name: true },
    })),
    inChunks(distinct("ownerEmail").map((email) => email.toLowerCase()), (chunk) => db.user.findMany({
      where: { orgId: ctx.orgId, isActive: true, email: { in: chunk, mode: "insensitive" } }, select: { id: true, email: true },
    })),
  ]);
  const accountsByName = new Map<string, string[]>();
  for (const account of byName) accountsByName.set(account.name, [...(accountsByName.get(account.name) ?? []), account.id]);
  return {
    accountsByExternalId: new Map(byExternal.map((account) => [account.externalId!, { id: account.id, deletedAt: account.deletedAt }])),
    accountsByName,
    ownersByEmail: new Map(owners.map((owner) => [owner.email.toLowerCase(), owner.id])),
  };
}

function resolveAccount(refs: References, row: { accountExternalId?: string; accountName?: string }): string | FieldError {
  if (row.accountExternalId) {
    const account = refs.accountsByExternalId.get(row.accountExternalId);
    if (!account) return { path: "accountExternalId", message: "No account has this external id." };
    if (account.deletedAt) return { path: "accountExternalId", message: "This account is in the recycle bin." };
    return account.id;
  }
  if (!row.accountName) return { path: "accountName", message: "Name the account (external id or name)." };
  const ids = refs.accountsByName.get(row.accountName) ?? [];
  if (ids.length === 0) return { path: "accountName", message: "No account has this name." };
  if (ids.length > 1) return { path: "accountName", message: "Several accounts have this name; use the account's external id." };
  return ids[0];
}

function resolveOwner(refs: References, email: string | undefined): string | undefined | FieldError {
  if (!email) return undefined;
  return refs.ownersByEmail.get(email.toLowerCase()) ?? { path: "ownerEmail", message: "No active user has this email." };
}

const isFieldError = (value: unknown): value is FieldError => typeof value === "object" && value !== null && "path" in value;

export type ResolvedRow =
  | { entity: "account"; data: AccountImportRow; ownerId?: string }
  | { entity: "contact"; data: ContactImportRow; accountId: string }
  | { entity: "opportunity"; data: OpportunityImportRow; accountId: string; ownerId?: string };

/** Schema, repeated ids and references for a slice of rows; no writes. */
export async function checkImportRows(
  ctx: Ctx, entity: ImportEntity, mapping: ImportMapping, rows: readonly SourceRow[], repeated: Map<number, number>,
): Promise<Checked<ResolvedRow>[]> {
  const mapped = rows.map(({ cells }) => mapRow(mapping, cells));
  const refs = entity === "account" && !mapped.some((row) => row.ownerEmail)
    ? { accountsByExternalId: new Map(), accountsByName: new Map(), ownersByEmail: new Map() }
    : await loadReferences(ctx, mapped);
  return rows.map(({ row }, index) => {
    const firstRow = repeated.get(row);
    if (firstRow !== undefined) return { row, errors: [{ path: "externalId", message: `The same external id is in row ${firstRow}.` }] };
    const parsed = IMPORT_ROW_SCHEMAS[entity].safeParse(mapped[index]);
    if (!parsed.success) {
      return { row, errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(row)", message: issue.message })) };
    }
    const data = parsed.data;
    const errors: FieldError[] = [];
    let accountId = "";
    if (entity !== "account") {
      const account = resolveAccount(refs, data as ContactImportRow);
      if (isFieldError(account)) errors.push(account);
      else accountId = account;
    }
    const owner = "ownerEmail" in data ? resolveOwner(refs, data.ownerEmail) : undefined;
    if (isFieldError(owner)) errors.push(owner);
    if (errors.length) return { row, errors };
    const ownerId = owner as string | undefined;
    const input: ResolvedRow = entity === "account"
      ? { entity, data: data as AccountImportRow, ownerId }
      : entity === "contact"
        ? { entity, data: data as ContactImportRow, accountId }
        : { entity, data: data as OpportunityImportRow, accountId, ownerId };
    return { row, input };
  });
}

function refusal(row: number, error: unknown): RowOutcome {
  if (isAppError(error)) {
    return { row, kind: "rejected", errors: error.errors?.length ? error.errors : [{ path: "(row)", message: error.message }] };
  }
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
    return { row, kind: "rejected", errors: [{ path: "externalId", message: "Another record took this external id meanwhile." }] };
  }
  throw error;
}

const toRowOutcome = (row: number, outcome: BatchRowOutcome): RowOutcome => ({ row, ...outcome });

/**
 * Writes a batch of checked rows in `tx` (the import's progress commits in the same transaction): the batch
 * forms of the data functions, so each row meets the rules the forms and the API apply. Rows that failed their
 * checks come back rejected with those errors; deal rows already `settled` (updateImportedOpportunities) come
 * back with their outcome, and the other deal rows are created.
 */
export async function applyImportBatch(
  tx: Tx, ctx: Ctx, entity: ImportEntity, checked: Checked<ResolvedRow>[], options: { reason: string; settled?: Map<number, RowOutcome> },
): Promise<RowOutcome[]> {
  const accepted = checked.flatMap((item) => ("input" in item && !options.settled?.has(item.row) ? [item as { row: number; input: ResolvedRow }] : []));
  if (entity === "opportunity") {
    const created = await createOpportunitiesByExternalId(tx, ctx, accepted.map(({ input }) => {
      const { data, accountId, ownerId } = input as Extract<ResolvedRow, { entity: "opportunity" }>;
      return {
        externalId: data.externalId,
        input: {
          name: data.name, accountId, amount: data.amount, currency: data.currency, expectedCloseDate: data.expectedCloseDate,
          productLine: data.productLine, ownerId, stage: data.stage, lossReason: data.lossReason,
        },
      };
    }), { stageReason: options.reason });
    const byRow = new Map<number, RowOutcome>(accepted.map(({ row, input }, index) => {
      const outcome = created[index];
      if (outcome.kind === "rejected") return [row, { row, ...outcome }];
      const stage = (input as Extract<ResolvedRow, { entity: "opportunity" }>).data.stage;
      return [row, { row, kind: "created", ...(stage ? { stageAudit: { opportunityId: outcome.opportunityId, from: null, to: outcome.stage } } : {}) }];
    }));
    return checked.map((item) => ("errors" in item
      ? { row: item.row, kind: "rejected", errors: item.errors }
      : options.settled?.get(item.row) ?? byRow.get(item.row)!));
  }
  const written = entity === "account"
    ? await upsertAccountsByExternalId(tx, ctx, accepted.map(({ input }) => {
      const { data } = input as Extract<ResolvedRow, { entity: "account" }>;
      return {
        externalId: data.externalId,
        input: {
          name: data.name, industry: data.industry, segment: data.segment, region: data.region, isKeyAccount: data.isKeyAccount,
          ...(input.entity === "account" && input.ownerId ? { ownerId: input.ownerId } : {}),
        },
      };
    }))
    : await upsertContactsByExternalId(tx, ctx, accepted.map(({ input }) => {
      const { data, accountId } = input as Extract<ResolvedRow, { entity: "contact" }>;
      return { externalId: data.externalId, accountId, input: { name: data.name, title: data.title, phone: data.phone, email: data.email } };
    }));
  const byRow = new Map(accepted.map(({ row }, index) => [row, toRowOutcome(row, written[index])]));
  return checked.map((item) => ("errors" in item ? { row: item.row, kind: "rejected", errors: item.errors } : byRow.get(item.row)!));
}

type ExistingDeal = Prisma.OpportunityGetPayload<object>;

async function updateOpportunityFromRow(
  ctx: Ctx, row: number, input: Extract<ResolvedRow, { entity: "opportunity" }>, reason: string, existing: ExistingDeal,
): Promise<RowOutcome> {
  const { data } = input;
  if (existing.deletedAt) return { row, kind: "rejected", errors: [{ path: "externalId", message: "This deal is in the recycle bin; restore it first." }] };
  const patch = {
    ...(data.name !== existing.name ? { name: data.name } : {}),
    ...(input.accountId !== existing.accountId ? { accountId: input.accountId } : {}),
    ...(formatMoneyString(data.amount) !== formatMoneyString(existing.amount.toString()) ? { amount: data.amount } : {}),
    ...(data.currency && data.currency !== existing.currency ? { currency: data.currency } : {}),
    ...(data.expectedCloseDate !== existing.expectedCloseDate.toISOString().slice(0, 10) ? { expectedCloseDate: data.expectedCloseDate } : {}),
    ...(data.productLine !== undefined && data.productLine !== existing.productLine ? { productLine: data.productLine } : {}),
    ...(input.ownerId && input.ownerId !== existing.ownerId ? { ownerId: input.ownerId } : {}),
  };
  let version = existing.version;
  if (Object.keys(patch).length) version = (await updateOpportunity(ctx, existing.id, { ...patch, version })).version;
  if (data.stage && data.stage !== existing.stage) {
    await moveOpportunityToStage(ctx, existing.id, { to: data.stage, version, lossReason: data.lossReason ?? null, reason });
    return { row, kind: "updated", stageAudit: { opportunityId: existing.id, from: existing.stage, to: data.stage } };
  }
  return { row, kind: "updated" };
}

/**
 * The checked deal rows whose external id names an existing deal, applied before the batch's transaction:
 * a row that changes the deal goes through updateOpportunity and moveOpportunityToStage (each its own
 * transaction: field history, gates, stage history), a few at a time (they never share an external id); a
 * row that changes nothing writes nothing. The deals are looked up with one query. Returns those rows'
 * outcomes by row number; the rest are new deals for applyImportBatch. Redone after a stop, such a row finds
 * its deal already changed and writes nothing.
 */
export async function updateImportedOpportunities(
  ctx: Ctx, checked: Checked<ResolvedRow>[], options: { reason: string; concurrency?: number },
): Promise<Map<number, RowOutcome>> {
  const settled = new Map<number, RowOutcome>();
  const externalIds = checked.flatMap((item) => ("input" in item ? [item.input.data.externalId] : []));
  const deals = externalIds.length ? await db.opportunity.findMany({ where: { orgId: ctx.orgId, externalId: { in: externalIds } } }) : [];
  const known = new Map(deals.map((deal) => [deal.externalId!, deal]));
  const rows = checked.flatMap((item) => ("input" in item && known.has(item.input.data.externalId) ? [item] : []));
  let next = 0;
  const worker = async () => {
    for (;;) {
      const item = rows[next++];
      if (!item) return;
      const input = item.input as Extract<ResolvedRow, { entity: "opportunity" }>;
      try {
        settled.set(item.row, await updateOpportunityFromRow(ctx, item.row, input, options.reason, known.get(input.data.externalId)!));
      } catch (error) {
        settled.set(item.row, refusal(item.row, error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  return settled;
}
