// Import jobs: upload a CSV/.xlsx file, map its columns, preview row-level errors, then run the import in
// batches with progress in PostgreSQL (ImportJob), a report of rejected rows, cancel and resume.
//
// Stopping: every row is written a batch at a time in ONE transaction together with the job's progress
// (processedRows, counts, rejected rows, audit entries) — accounts, contacts, new deals and changes to existing
// deals alike — so a batch is either wholly in, and counted, or not at all. An import that is cancelled stops
// at the next batch boundary; one whose process is killed keeps its place (its lease expires). Either is resumed
// by starting it again: it continues from processedRows. Rows are keyed by externalId, so importing a file again
// is also safe: a deal already changed is found unchanged and left alone, never duplicated. A batch that
// PostgreSQL rolls back to break a deadlock with another writer is read and written again (retryWriteConflicts).
import "server-only";
import { randomUUID } from "node:crypto";
import { csvHeaderLine, csvLines, UTF8_BOM } from "@/lib/csv";
import { db } from "@/lib/db";
import { type ImportEntity, type ImportMapping, missingMappedFields, suggestMapping } from "@/lib/domain/import";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Ctx, type Permission } from "@/lib/permissions";
import { getFileStorage } from "@/lib/storage";
import type { ImportJobOutput, ImportPreview } from "@/lib/validations/import";
import { recordAudit, recordAudits } from "./audit";
import type { FileUpload } from "./files";
import { applyImportBatch, checkImportRows, findImportedDeals, findRepeatedExternalIds, type RowOutcome, type SourceRow } from "./import-apply";
import { readImportTable } from "./import-file";
import { isUuid } from "./pagination";
import { loadContext } from "./users";
import { retryWriteConflicts } from "./write-conflicts";

/** 50 MB and 200,000 rows: a large CRM migration in one file, still parsed comfortably in memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
export const IMPORT_BATCH_SIZE = 1000;
/** One batch's transaction: a thousand rows take well under a second; a loaded machine gets ample room. */
const BATCH_TIMEOUT_MS = 120_000;
/** A running import renews this lease every batch; past it, the import's process is presumed dead. */
const LEASE_MS = 2 * 60 * 1000;
const PREVIEW_SAMPLE = 20;
const PREVIEW_ERRORS = 200;

const CREATE_PERMISSION: Record<ImportEntity, Permission> = {
  account: "account.create", contact: "contact.create", opportunity: "opportunity.create",
};

type JobRow = Prisma.ImportJobGetPayload<object>;

function toJobOutput(job: JobRow): ImportJobOutput {
  return {
    id: job.id,
    entity: job.entity as ImportEntity,
    fileName: job.fileName,
    status: job.status as ImportJobOutput["status"],
    headers: job.headers as string[],
    mapping: job.mapping as ImportMapping,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    createdCount: job.createdCount,
    updatedCount: job.updatedCount,
    unchangedCount: job.unchangedCount,
    rejectedCount: job.rejectedCount,
    // Cancelled while its runner still holds the lease: the batch being written commits, counted, before it stops.
    isStopping: job.status === "CANCELLED" && job.leaseUntil !== null && job.leaseUntil > new Date(),
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** An import is seen by the one who uploaded it and by administrators. */
async function findJob(ctx: Ctx, id: string): Promise<JobRow> {
  if (!isUuid(id)) throw notFound("Import");
  const job = await db.importJob.findFirst({
    where: { id, orgId: ctx.orgId, ...(ctx.role === "ADMIN" ? {} : { userId: ctx.userId }) },
  });
  if (!job) throw notFound("Import");
  return job;
}

export async function createImportJob(ctx: Ctx, entity: ImportEntity, upload: FileUpload): Promise<ImportJobOutput> {
  assertCan(ctx, CREATE_PERMISSION[entity]);
  const table = await readImportTable(upload.name, upload.data);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw invalid([{ path: "file", message: `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows per file; split the file.` }]);
  }
  const id = randomUUID();
  const storageKey = `${ctx.orgId}/imports/${id}`;
  await getFileStorage().put(storageKey, upload.data);
  const job = await db.importJob.create({
    data: {
      id, orgId: ctx.orgId, userId: ctx.userId, entity, fileName: upload.name.slice(0, 255), storageKey,
      headers: table.headers, mapping: suggestMapping(entity, table.headers), totalRows: table.rows.length,
    },
  });
  return toJobOutput(job);
}

export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJobOutput> {
  return toJobOutput(await findJob(ctx, id));
}

export async function listImportJobs(ctx: Ctx): Promise<ImportJobOutput[]> {
  const jobs = await db.importJob.findMany({
    where: { orgId: ctx.orgId, ...(ctx.role === "ADMIN" ? {} : { userId: ctx.userId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
  });
  return jobs.map(toJobOutput);
}

async function loadRows(job: JobRow): Promise<{ headers: string[]; rows: SourceRow[] }> {
  const data = await getFileStorage().get(job.storageKey);
  if (!data) throw new AppError("CONFLICT", "The import's file is no longer stored; upload it again.");
  const table = await readImportTable(job.fileName, data);
  return { headers: table.headers, rows: table.rows.map((cells, index) => ({ row: index + 2, cells })) };
}

function assertMapping(job: JobRow, mapping: ImportMapping) {
  const columns = (job.headers as string[]).length;
  const bad = Object.entries(mapping).filter(([, index]) => index >= columns);
  if (bad.length) throw invalid(bad.map(([key]) => ({ path: `mapping.${key}`, message: "No such column in the file." })));
  const missing = missingMappedFields(job.entity as ImportEntity, mapping);
  if (missing.length) throw invalid(missing.map((key) => ({ path: `mapping.${key}`, message: "Map a column to this field." })));
}

/** Every row checked (schema, repeated external ids, references) without writing anything. */
export async function previewImport(ctx: Ctx, id: string, mapping: ImportMapping): Promise<ImportPreview> {
  const job = await findJob(ctx, id);
  const entity = job.entity as ImportEntity;
  const missingFields = missingMappedFields(entity, mapping);
  const { rows } = await loadRows(job);
  if (missingFields.length) {
    return { totalRows: rows.length, validRows: 0, rejectedRows: 0, missingFields, sample: [], errors: [] };
  }
  assertMapping(job, mapping);
  const checked = await checkImportRows(ctx, entity, mapping, rows, findRepeatedExternalIds(mapping, rows));
  const errors = checked.flatMap((item) => ("errors" in item ? [{ row: item.row, errors: item.errors }] : []));
  return {
    totalRows: rows.length,
    validRows: rows.length - errors.length,
    rejectedRows: errors.length,
    missingFields,
    sample: rows.slice(0, PREVIEW_SAMPLE).map(({ row, cells }) => ({
      row, values: Object.fromEntries(Object.entries(mapping).map(([key, index]) => [key, (cells[index] ?? "").trim()])),
    })),
    errors: errors.slice(0, PREVIEW_ERRORS),
  };
}

/**
 * Starts (or resumes) an import with the given mapping. Claims the job — new, cancelled, failed, or running
 * with an expired lease — so that two app instances never run it at once, then runs it in the background;
 * callers poll getImportJob. `runInBackground: false` waits for the end (scripts, tests).
 */
export async function startImport(
  ctx: Ctx, id: string, mapping: ImportMapping, options: { runInBackground?: boolean; batchSize?: number } = {},
): Promise<ImportJobOutput> {
  const job = await findJob(ctx, id);
  assertCan(ctx, CREATE_PERMISSION[job.entity as ImportEntity]);
  assertMapping(job, mapping);
  const now = new Date();
  const isFresh = job.processedRows === 0;
  const claimed = await db.importJob.updateMany({
    where: {
      id, OR: [{ status: { in: ["PENDING", "CANCELLED", "FAILED"] } }, { status: "RUNNING", leaseUntil: { lt: now } }],
      // The mapping is fixed once rows were imported: a resumed import must read the file the same way.
      ...(isFresh ? {} : { mapping: { equals: job.mapping as Prisma.InputJsonValue } }),
    },
    data: { status: "RUNNING", mapping: isFresh ? mapping : undefined, leaseUntil: new Date(now.getTime() + LEASE_MS), error: null },
  });
  if (claimed.count === 0) {
    const current = await findJob(ctx, id);
    if (current.status === "COMPLETED") throw new AppError("CONFLICT", "This import is finished; upload the file again to import it again.");
    throw new AppError("CONFLICT", "This import is already running.");
  }
  const run = runImportJob(id, { batchSize: options.batchSize });
  if (options.runInBackground === false) await run;
  else void run;
  return getImportJob(ctx, id);
}

/** Stops a running import at its next batch boundary; it can be resumed later. */
export async function cancelImport(ctx: Ctx, id: string): Promise<ImportJobOutput> {
  const job = await findJob(ctx, id);
  const result = await db.importJob.updateMany({ where: { id: job.id, status: { in: ["RUNNING", "PENDING"] } }, data: { status: "CANCELLED" } });
  if (result.count === 0) throw new AppError("CONFLICT", "Only a pending or running import can be cancelled.");
  return getImportJob(ctx, id);
}

/**
 * The worker: reads the file, then per batch checks and writes the rows and commits the progress. Never
 * throws; an unexpected failure marks the job FAILED (resumable) with the reason.
 */
export async function runImportJob(id: string, options: { batchSize?: number } = {}): Promise<void> {
  try {
    await processImport(id, options.batchSize ?? IMPORT_BATCH_SIZE);
  } catch (error) {
    console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    await db.importJob.updateMany({ where: { id, status: "RUNNING" }, data: { status: "FAILED", error: message.slice(0, 1000), leaseUntil: null } })
      .catch(() => undefined);
    await releaseLease(id).catch(() => undefined);
  }
}

/** The runner lets go of a stopped job: it no longer shows as stopping, and its progress is final until resumed. */
async function releaseLease(id: string): Promise<void> {
  await db.importJob.updateMany({ where: { id, status: { in: ["CANCELLED", "FAILED"] } }, data: { leaseUntil: null } });
}

async function processImport(id: string, batchSize: number): Promise<void> {
  const job = await db.importJob.findUniqueOrThrow({ where: { id } });
  const ctx = await loadContext(job.userId);
  if (!ctx || ctx.orgId !== job.orgId) throw new Error("The user who started this import can no longer sign in.");
  const entity = job.entity as ImportEntity;
  const mapping = job.mapping as ImportMapping;
  const { rows } = await loadRows(job);
  const repeated = findRepeatedExternalIds(mapping, rows);
  const reason = `Imported from ${job.fileName}`;
  let processed = job.processedRows;
  while (processed < rows.length) {
    const state = await db.importJob.findUnique({ where: { id }, select: { status: true } });
    if (state?.status !== "RUNNING") return releaseLease(id);
    const slice = rows.slice(processed, processed + batchSize);
    const isCommitted = await retryWriteConflicts(() => writeBatch({ job, ctx, entity, mapping, slice, repeated, reason, processed }));
    if (!isCommitted) return releaseLease(id);
    processed += slice.length;
  }
  await db.$transaction(async (tx) => {
    const done = await tx.importJob.update({
      where: { id }, data: { status: "COMPLETED", finishedAt: new Date(), leaseUntil: null },
    });
    await recordAudit(tx, ctx, {
      action: "import.complete", entityType: "import", entityId: id,
      after: {
        entity, fileName: job.fileName, created: done.createdCount, updated: done.updatedCount, unchanged: done.unchangedCount,
        rejected: done.rejectedCount,
      },
    });
  });
}

type Batch = {
  job: JobRow; ctx: Ctx; entity: ImportEntity; mapping: ImportMapping; slice: SourceRow[]; repeated: Map<number, number>;
  reason: string; processed: number;
};

/**
 * Checks and writes one batch with the job's progress, in one transaction; false when this runner no longer
 * owns the batch (another runner took the job over). Deals are read afresh on each call: a retried batch
 * judges conflicts against what it read this time.
 */
async function writeBatch({ job, ctx, entity, mapping, slice, repeated, reason, processed }: Batch): Promise<boolean> {
  const checked = await checkImportRows(ctx, entity, mapping, slice, repeated);
  const existing = entity === "opportunity" ? await findImportedDeals(ctx, checked) : undefined;
  const cells = new Map(slice.map((source) => [source.row, source.cells]));
  return db.$transaction(async (tx) => {
    // Locks the job and checks this runner still owns this batch. Counted even if the user cancelled
    // meanwhile: the batch is written with its progress, and the next run starts after it.
    const claimed = await tx.importJob.updateMany({
      where: { id: job.id, processedRows: processed, status: { in: ["RUNNING", "CANCELLED"] } },
      data: { leaseUntil: new Date(Date.now() + LEASE_MS) },
    });
    if (claimed.count === 0) return false;
    const outcomes: RowOutcome[] = await applyImportBatch(tx, ctx, entity, checked, { reason, existing });
    const rejected = outcomes.flatMap((outcome) => (outcome.kind === "rejected" ? [outcome] : []));
    const countOf = (kind: RowOutcome["kind"]) => outcomes.filter((outcome) => outcome.kind === kind).length;
    await tx.importJob.update({
      where: { id: job.id },
      data: {
        processedRows: processed + slice.length,
        createdCount: { increment: countOf("created") },
        updatedCount: { increment: countOf("updated") },
        unchangedCount: { increment: countOf("unchanged") },
        rejectedCount: { increment: rejected.length },
      },
    });
    if (rejected.length) {
      await tx.importRejectedRow.createMany({
        data: rejected.map((outcome) => ({
          jobId: job.id, orgId: job.orgId, rowNumber: outcome.row, values: cells.get(outcome.row) ?? [], errors: outcome.errors,
        })),
        skipDuplicates: true,
      });
    }
    await recordAudits(tx, ctx, outcomes.flatMap((outcome) => (!("stageAudit" in outcome) || !outcome.stageAudit ? [] : [{
      action: "opportunity.stage.import", entityType: "opportunity", entityId: outcome.stageAudit.opportunityId,
      before: { stage: outcome.stageAudit.from }, after: { stage: outcome.stageAudit.to, importId: job.id, row: outcome.row },
    }])));
    return true;
  }, { timeout: BATCH_TIMEOUT_MS });
}

/** The rejected rows as CSV: row number, the reasons, then the file's own columns — fix and import again. */
export async function buildRejectedReport(ctx: Ctx, id: string): Promise<string> {
  const job = await findJob(ctx, id);
  const headers = job.headers as string[];
  const rows = await db.importRejectedRow.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: "asc" } });
  type Line = { row: number; errors: string; cells: string[] };
  const columns = [
    { header: "row", value: (line: Line) => line.row },
    { header: "errors", value: (line: Line) => line.errors, isText: true },
    ...headers.map((header, index) => ({ header, value: (line: Line) => line.cells[index] ?? "", isText: true })),
  ];
  const lines: Line[] = rows.map((row) => ({
    row: row.rowNumber,
    errors: (row.errors as { path: string; message: string }[]).map((error) => `${error.path}: ${error.message}`).join("; "),
    cells: row.values as string[],
  }));
  return UTF8_BOM + csvHeaderLine(columns) + csvLines(columns, lines);
}
