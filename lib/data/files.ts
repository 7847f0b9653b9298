// Evidence files of a deal: uploaded through the storage interface (lib/storage), described by a StoredFile
// row, and downloadable by whoever can see the deal. Size, type and name rules live in lib/domain/files.ts.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { isAllowedFileType, MAX_FILE_BYTES, normalizeMimeType, sanitizeFileName } from "@/lib/domain/files";
import { invalid, notFound } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import { getFileStorage } from "@/lib/storage";
import { recordAudit } from "./audit";
import type { StoredFileOutput } from "@/lib/validations/gates";
import { findVisibleDeal } from "./deal-access";
import { isUuid } from "./pagination";

export type FileUpload = { name: string; mime: string; data: Uint8Array };

function toFileOutput(row: { id: string; name: string; size: number; mime: string; createdAt: Date }): StoredFileOutput {
  return { id: row.id, name: row.name, size: row.size, mime: row.mime, createdAt: row.createdAt.toISOString() };
}

/** Checks a file before its bytes are read in full (the route also checks Content-Length). */
export function assertUploadAcceptable(file: { size: number; mime: string }): void {
  if (file.size === 0) throw invalid([{ path: "file", message: "The file is empty." }]);
  if (file.size > MAX_FILE_BYTES) throw invalid([{ path: "file", message: "The file is larger than 10 MB." }]);
  if (!isAllowedFileType(file.mime)) {
    throw invalid([{ path: "file", message: "This file type is not accepted: use PDF, an image, a text, CSV, Office or ZIP file." }]);
  }
}

export async function uploadOpportunityFile(ctx: Ctx, opportunityId: string, upload: FileUpload): Promise<StoredFileOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const mime = normalizeMimeType(upload.mime);
  assertUploadAcceptable({ size: upload.data.byteLength, mime });
  const id = randomUUID();
  // The key never contains the user's file name: names are metadata, keys are ours.
  const storageKey = `${ctx.orgId}/${id}`;
  const storage = getFileStorage();
  await storage.put(storageKey, upload.data);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.storedFile.create({
        data: {
          id, orgId: ctx.orgId, opportunityId: deal.id, name: sanitizeFileName(upload.name), mime,
          size: upload.data.byteLength, storageKey, uploadedById: ctx.userId,
        },
      });
      await recordAudit(tx, ctx, { action: "file.upload", entityType: "StoredFile", entityId: id, after: { opportunityId: deal.id, name: created.name, mime, size: created.size } });
      return created;
    });
    return toFileOutput(row);
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}

/** The deal's files, newest first. */
export async function listOpportunityFiles(ctx: Ctx, opportunityId: string): Promise<StoredFileOutput[]> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const rows = await db.storedFile.findMany({ where: { orgId: ctx.orgId, opportunityId: deal.id }, orderBy: { createdAt: "desc" } });
  return rows.map(toFileOutput);
}

/** A file's bytes for download; a file on a deal the caller cannot see answers like a missing one. */
export async function readStoredFile(ctx: Ctx, fileId: string): Promise<{ name: string; mime: string; size: number; data: Uint8Array }> {
  if (!isUuid(fileId)) throw notFound("File");
  const row = await db.storedFile.findFirst({
    where: {
      id: fileId,
      orgId: ctx.orgId,
      OR: [{ opportunityId: null, uploadedById: ctx.userId }, { opportunity: opportunityVisibility(ctx) }],
    },
  });
  if (!row) throw notFound("File");
  const data = await getFileStorage().get(row.storageKey);
  if (!data) throw notFound("File");
  return { name: row.name, mime: row.mime, size: row.size, data };
}
