// CSV export of the table's whole filtered set, in the table's order. The file is a stream that reads the
// database one keyset batch at a time (sort value, id) — never an OFFSET, never the whole set — and only
// when the client is ready for more, so 100,000 deals download in constant memory.
import "server-only";
import { type CsvColumn, csvHeaderLine, csvLines, UTF8_BOM } from "@/lib/csv";
import { db } from "@/lib/db";
import { stageName, type StageTable } from "@/lib/domain/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import { type OpportunityExportQuery, resolveTableSort } from "@/lib/validations/opportunity-table";
import { recordAudit } from "./audit";
import { type PreparedTableQuery, prepareTableQuery, querySortedSlice, type TableRow } from "./opportunity-table";
import { toCard } from "./pipeline";

/** Rows per database round trip: large enough to keep round trips few, small enough to stay light. */
export const EXPORT_BATCH_SIZE = 1000;

export const EXPORT_COLUMN_KEYS = [
  "id", "name", "accountName", "ownerName", "stage", "stageName", "probability", "amount", "weightedAmount", "currency",
  "expectedCloseDate", "productLine", "stageEnteredAt", "lossReason", "createdAt", "updatedAt",
] as const;
export type ExportColumnKey = (typeof EXPORT_COLUMN_KEYS)[number];

export type ExportOptions = {
  /** Header text per column, in the caller's language (the route takes them from the messages). */
  headers: Record<ExportColumnKey, string>;
  /** Language of the stage names. */
  locale: string;
  batchSize?: number;
  /** The instant "stalled only" is judged at, fixed for the whole file. */
  now?: Date;
};

export function exportColumns(options: ExportOptions, table: StageTable): CsvColumn<OpportunityOutput>[] {
  const values: Record<ExportColumnKey, Omit<CsvColumn<OpportunityOutput>, "header">> = {
    id: { value: (row) => row.id },
    name: { value: (row) => row.name, isText: true },
    accountName: { value: (row) => row.accountName, isText: true },
    ownerName: { value: (row) => row.ownerName, isText: true },
    stage: { value: (row) => row.stage },
    stageName: { value: (row) => stageName(row.stage, options.locale, table), isText: true },
    // The stage table's own decimal string ("0.25"), not a float rendering of it.
    probability: { value: (row) => table[row.stage].probability },
    amount: { value: (row) => row.amount },
    weightedAmount: { value: (row) => row.weightedAmount },
    currency: { value: (row) => row.currency },
    expectedCloseDate: { value: (row) => row.expectedCloseDate },
    productLine: { value: (row) => row.productLine, isText: true },
    stageEnteredAt: { value: (row) => row.stageEnteredAt },
    lossReason: { value: (row) => row.lossReason, isText: true },
    createdAt: { value: (row) => row.createdAt },
    updatedAt: { value: (row) => row.updatedAt },
  };
  return EXPORT_COLUMN_KEYS.map((key) => ({ header: options.headers[key], ...values[key] }));
}

export type Keyset = { sortKey: string; id: string };

/** The next batch after `after` in the table's order; the sort value travels as text and is cast back. */
export function queryBatch(prepared: PreparedTableQuery, after: Keyset | null, batchSize: number): Promise<TableRow[]> {
  const { expression, cast } = prepared.sort;
  const comparison = prepared.dir === "asc" ? Prisma.sql`>` : Prisma.sql`<`;
  return querySortedSlice(prepared, {
    limit: batchSize,
    after: after ? Prisma.sql`AND (${expression}, o.id) ${comparison} (${after.sortKey}::${cast}, ${after.id}::uuid)` : undefined,
  });
}

/**
 * Opens the export: filters and scope are checked now (a bad request fails before any byte is sent), then
 * the stream yields the BOM and header, and one batch of CSV records per read.
 */
export async function openOpportunityCsvExport(
  ctx: Ctx, query: OpportunityExportQuery, options: ExportOptions,
): Promise<ReadableStream<Uint8Array>> {
  const { sort, dir } = resolveTableSort(query.sort, query.dir);
  const prepared = await prepareTableQuery(ctx, query, sort, dir, options.now ?? new Date());
  const columns = exportColumns(options, prepared.table);
  // An export is a read, but taking the whole pipeline out of the system is worth a trace (issue 9).
  await recordAudit(db, ctx, { action: "opportunity.export", entityType: "Opportunity", entityId: "*", after: { query } });
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const encoder = new TextEncoder();
  let after: Keyset | null = null;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!isHeaderSent) {
          isHeaderSent = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvHeaderLine(columns)));
          return;
        }
        const rows = await queryBatch(prepared, after, batchSize);
        if (rows.length) {
          controller.enqueue(encoder.encode(csvLines(columns, rows.map((row) => toCard(row, prepared.table)))));
          const last = rows[rows.length - 1];
          after = { sortKey: last.sortKey, id: last.id };
        }
        if (rows.length < batchSize) controller.close();
      },
    },
    // One chunk queued ahead: the next batch is read only when the client has taken the previous one.
    { highWaterMark: 1 },
  );
}

/** "opportunities-2026-05-12.csv": the day of the export, in UTC. */
export function exportFileName(now = new Date()): string {
  return `opportunities-${now.toISOString().slice(0, 10)}.csv`;
}
