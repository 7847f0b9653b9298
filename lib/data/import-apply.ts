// Applies imported rows through the same data functions as the forms and the API (validation, visibility,
// permissions, the one stage-move path), keyed by externalId: a row whose externalId exists updates that
// record, otherwise it creates one. Each kind goes a whole batch at a time through the batch forms of its data
// functions inside the caller's transaction: accounts and contacts through upsertAccountsByExternalId and
// upsertContactsByExternalId, new deals through createOpportunitiesByExternalId (createOpportunity's rules per
// row), rows changing existing deals through changeOpportunitiesByExternalId (the rules of updateOpportunity
// and moveOpportunityToStage per row: field history, gates, stage history); a row that changes nothing writes
// nothing. Also the checks shared by the preview: row schema, repeated external ids, and references (account
// by external id or name, owner by email) resolved in bulk.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { type ImportEntity, type ImportMapping, mapRow } from "@/lib/domain/import";
import type { FieldError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import {
  type AccountImportRow, type ContactImportRow, IMPORT_ROW_SCHEMAS, type OpportunityImportRow,
} from "@/lib/validations/import";
import { type BatchRowOutcome, upsertAccountsByExternalId } from "./accounts";
import { upsertContactsByExternalId } from "./contacts";
import { createOpportunitiesByExternalId } from "./opportunity-batch";
import { changeOpportunitiesByExternalId, type ExistingDeal, findDealsByExternalId } from "./opportunity-batch-update";

/** A file row: its 1-based number in the file (the header is row 1) and its cells. */
export type SourceRow = { row: number; cells: string[] };
export type RowOutcome =
  | { row: number; kind: "created" | "updated"; stageAudit?: { opportunityId: string; from: string | null; to: string } }
  | { row: number; kind: "unchanged" }
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

const toRowOutcome = (row: number, outcome: BatchRowOutcome): RowOutcome => ({ row, ...outcome });

/**
 * Writes a batch of checked rows in `tx` (the import's progress commits in the same transaction): the batch
 * forms of the data functions, so each row meets the rules the forms and the API apply. Rows that failed their
 * checks come back rejected with those errors; a deal row whose external id names one of the `existing` deals
 * (findImportedDeals) changes it, the other deal rows are created.
 */
export async function applyImportBatch(
  tx: Tx, ctx: Ctx, entity: ImportEntity, checked: Checked<ResolvedRow>[], options: { reason: string; existing?: Map<string, ExistingDeal> },
): Promise<RowOutcome[]> {
  const accepted = checked.flatMap((item) => ("input" in item ? [item as { row: number; input: ResolvedRow }] : []));
  if (entity === "opportunity") {
    const deals = accepted.map(({ row, input }) => {
      const { data, accountId, ownerId } = input as Extract<ResolvedRow, { entity: "opportunity" }>;
      return {
        row, externalId: data.externalId, deal: options.existing?.get(data.externalId),
        change: {
          name: data.name, accountId, amount: data.amount, currency: data.currency, expectedCloseDate: data.expectedCloseDate,
          productLine: data.productLine, ownerId, stage: data.stage, lossReason: data.lossReason,
        },
      };
    });
    const changing = deals.flatMap(({ row, deal, change }) => (deal ? [{ row, deal, change }] : []));
    const creating = deals.filter(({ deal }) => !deal);
    const changed = await changeOpportunitiesByExternalId(tx, ctx, changing, { stageReason: options.reason });
    const created = await createOpportunitiesByExternalId(tx, ctx, creating.map(({ externalId, change }) => ({ externalId, input: change })), {
      stageReason: options.reason,
    });
    const byRow = new Map<number, RowOutcome>([
      ...changing.map(({ row, deal }, index): [number, RowOutcome] => {
        const outcome = changed[index];
        if (outcome.kind === "rejected" || outcome.kind === "unchanged") return [row, { row, ...outcome }];
        return [row, { row, kind: "updated", ...(outcome.move ? { stageAudit: { opportunityId: deal.id, ...outcome.move } } : {}) }];
      }),
      ...creating.map(({ row, change }, index): [number, RowOutcome] => {
        const outcome = created[index];
        if (outcome.kind === "rejected") return [row, { row, ...outcome }];
        return [row, { row, kind: "created", ...(change.stage ? { stageAudit: { opportunityId: outcome.opportunityId, from: null, to: outcome.stage } } : {}) }];
      }),
    ]);
    return checked.map((item) => ("errors" in item ? { row: item.row, kind: "rejected", errors: item.errors } : byRow.get(item.row)!));
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

/**
 * The deals that the checked rows' external ids name, read before the batch's transaction: the state the rows
 * are compared with (a deal changed after this read is not overwritten: its row is refused as a conflict).
 */
export async function findImportedDeals(ctx: Ctx, checked: Checked<ResolvedRow>[]): Promise<Map<string, ExistingDeal>> {
  return findDealsByExternalId(ctx, checked.flatMap((item) => ("input" in item ? [item.input.data.externalId] : [])));
}
