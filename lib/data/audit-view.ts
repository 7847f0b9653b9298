// What the admin's audit-log page needs beyond the entries themselves (lib/data/audit.ts listAuditEntries):
// the filter choices, the date filters as instants, and the CSV export of the filtered trail — streamed a
// page at a time through listAuditEntries, so the export and the page can never disagree.
import "server-only";
import { db } from "@/lib/db";
import { type CsvColumn, csvHeaderLine, csvLines, UTF8_BOM } from "@/lib/csv";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { AuditFilters } from "@/lib/validations/admin";
import { type AuditEntry, type AuditQuery, listAuditEntries, recordAudit } from "./audit";

const DAY_MS = 24 * 60 * 60 * 1000;
export const AUDIT_EXPORT_BATCH = 500;

/** Dates are whole UTC days: "to" includes the whole of its day. */
export function toAuditQuery(filters: AuditFilters, limit: number, cursor?: string): AuditQuery {
  return {
    action: filters.action || undefined,
    entityType: filters.entityType || undefined,
    actorId: filters.actorId,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    to: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS - 1) : undefined,
    limit,
    cursor,
  };
}

/** The actions, entity types and actors that occur in the org's trail, for the filter selects. */
export async function listAuditFilterOptions(ctx: Ctx) {
  assertCan(ctx, "audit.read");
  const [actions, entityTypes, actorIds] = await Promise.all([
    db.auditLog.findMany({ where: { orgId: ctx.orgId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditLog.findMany({ where: { orgId: ctx.orgId }, distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditLog.findMany({ where: { orgId: ctx.orgId, actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true } }),
  ]);
  const ids = actorIds.map((row) => row.actorId).filter((id): id is string => id !== null);
  const actors = ids.length
    ? await db.user.findMany({ where: { orgId: ctx.orgId, id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  return { actions: actions.map((row) => row.action), entityTypes: entityTypes.map((row) => row.entityType), actors };
}

export type AuditCsvColumnKey = "at" | "actor" | "actorId" | "action" | "entityType" | "entityId" | "before" | "after" | "ip";
const COLUMN_KEYS: AuditCsvColumnKey[] = ["at", "actor", "actorId", "action", "entityType", "entityId", "before", "after", "ip"];

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function csvColumns(headers: Record<AuditCsvColumnKey, string>): CsvColumn<AuditEntry>[] {
  const values: Record<AuditCsvColumnKey, Omit<CsvColumn<AuditEntry>, "header">> = {
    at: { value: (row) => row.at },
    actor: { value: (row) => row.actorName, isText: true },
    actorId: { value: (row) => row.actorId },
    action: { value: (row) => row.action, isText: true },
    entityType: { value: (row) => row.entityType, isText: true },
    entityId: { value: (row) => row.entityId, isText: true },
    // Before and after as JSON text: exact, and a spreadsheet keeps them in one cell.
    before: { value: (row) => json(row.before), isText: true },
    after: { value: (row) => json(row.after), isText: true },
    ip: { value: (row) => row.ip, isText: true },
  };
  return COLUMN_KEYS.map((key) => ({ header: headers[key], ...values[key] }));
}

/**
 * Opens the export: permission and filters are checked by reading the first page now (a bad request fails
 * before any byte is sent); the stream then yields the BOM and header, and one page of records per read.
 */
export async function openAuditCsvExport(
  ctx: Ctx, filters: AuditFilters, headers: Record<AuditCsvColumnKey, string>, batchSize = AUDIT_EXPORT_BATCH,
): Promise<ReadableStream<Uint8Array>> {
  assertCan(ctx, "audit.read");
  const columns = csvColumns(headers);
  const encoder = new TextEncoder();
  let page: { items: AuditEntry[]; nextCursor: string | null } | null = await listAuditEntries(ctx, toAuditQuery(filters, batchSize));
  await recordAudit(db, ctx, { action: "audit.export", entityType: "AuditLog", entityId: "*", after: { filters } });
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!isHeaderSent) {
          isHeaderSent = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvHeaderLine(columns)));
          return;
        }
        if (!page) {
          controller.close();
          return;
        }
        if (page.items.length) controller.enqueue(encoder.encode(csvLines(columns, page.items)));
        page = page.nextCursor ? await listAuditEntries(ctx, toAuditQuery(filters, batchSize, page.nextCursor)) : null;
        if (!page) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}

export function auditExportFileName(now = new Date()): string {
  return `audit-log-${now.toISOString().slice(0, 10)}.csv`;
}
