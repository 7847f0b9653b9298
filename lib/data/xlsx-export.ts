// .xlsx exports, streamed: exceljs's streaming WorkbookWriter commits each row as it is written, and rows
// are read from the database one keyset batch at a time (the same batches as the CSV export), so a large
// list downloads in bounded memory. Text cells stay text (no formula evaluation: exceljs writes strings as
// shared strings, never formulas).
import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CsvColumn } from "@/lib/csv";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import { type OpportunityExportQuery, resolveTableSort } from "@/lib/validations/opportunity-table";
import { EXPORT_BATCH_SIZE, type ExportOptions, exportColumns, type Keyset, queryBatch } from "./opportunity-export";
import { prepareTableQuery } from "./opportunity-table";
import { toCard } from "./pipeline";

function streamWorkbook<T>(
  sheetName: string, columns: readonly CsvColumn<T>[], nextBatch: () => Promise<T[] | null>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((column) => ({ header: column.header, width: 20 }));
  void (async () => {
    try {
      for (;;) {
        const rows = await nextBatch();
        if (!rows) break;
        for (const row of rows) sheet.addRow(columns.map((column) => column.value(row) ?? null)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as unknown as ReadableStream<Uint8Array>;
}

/** The table's filtered, sorted deals as .xlsx (same columns and order as the CSV export). */
export async function openOpportunityXlsxExport(ctx: Ctx, query: OpportunityExportQuery, options: ExportOptions) {
  const { sort, dir } = resolveTableSort(query.sort, query.dir);
  const prepared = await prepareTableQuery(ctx, query, sort, dir, options.now ?? new Date());
  let after: Keyset | null = null;
  let isDone = false;
  return streamWorkbook<OpportunityOutput>("Opportunities", exportColumns(options, prepared.table), async () => {
    if (isDone) return null;
    const rows = await queryBatch(prepared, after, EXPORT_BATCH_SIZE);
    if (rows.length < EXPORT_BATCH_SIZE) isDone = true;
    if (!rows.length) return null;
    const last = rows[rows.length - 1];
    after = { sortKey: last.sortKey, id: last.id };
    return rows.map((row) => toCard(row, prepared.table));
  });
}

type AccountExportRow = { id: string; name: string; industry: string | null; segment: string | null; region: string | null; isKeyAccount: boolean; ownerName: string | null; externalId: string | null; createdAt: Date };

export const ACCOUNT_EXPORT_COLUMNS: CsvColumn<AccountExportRow>[] = [
  { header: "id", value: (row) => row.id },
  { header: "externalId", value: (row) => row.externalId, isText: true },
  { header: "name", value: (row) => row.name, isText: true },
  { header: "industry", value: (row) => row.industry, isText: true },
  { header: "segment", value: (row) => row.segment, isText: true },
  { header: "region", value: (row) => row.region, isText: true },
  { header: "isKeyAccount", value: (row) => (row.isKeyAccount ? "yes" : "no") },
  { header: "ownerName", value: (row) => row.ownerName, isText: true },
  { header: "createdAt", value: (row) => row.createdAt.toISOString() },
];

/** Live accounts of the org (readable by everyone in it), alphabetical, in keyset batches. */
export function accountBatches(ctx: Ctx): () => Promise<AccountExportRow[] | null> {
  let after: { name: string; id: string } | null = null;
  let isDone = false;
  return async () => {
    if (isDone) return null;
    const rows = await db.account.findMany({
      where: {
        orgId: ctx.orgId, deletedAt: null,
        ...(after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {}),
      },
      include: { owner: { select: { name: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: EXPORT_BATCH_SIZE,
    });
    if (rows.length < EXPORT_BATCH_SIZE) isDone = true;
    if (!rows.length) return null;
    const last = rows[rows.length - 1];
    after = { name: last.name, id: last.id };
    return rows.map((row) => ({ ...row, ownerName: row.owner?.name ?? null }));
  };
}

export function openAccountXlsxExport(ctx: Ctx): ReadableStream<Uint8Array> {
  return streamWorkbook("Accounts", ACCOUNT_EXPORT_COLUMNS, accountBatches(ctx));
}
