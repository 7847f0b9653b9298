// A deal's rename — the most common edit, and one that feeds nothing else: not the health score, not the field
// history, not the team or currency rules. So it needs no transaction: the visible row is read (the version
// check and the audit's "before"), then ONE statement writes the name guarded by the version and, only if that
// changed the row, the audit entry, and returns the row with its account and owner names. A stale version
// changes nothing (409), as in updateOpportunity's general path; every write of a deal increments its version,
// so the row the guarded UPDATE changes is the row that was read.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput, OpportunityUpdate } from "@/lib/validations/opportunity";
import { auditInsertSql } from "./audit";
import { conflict, dealUpdateAudit, findVisibleRow } from "./opportunities";
import { CARD_COLUMNS, type CardRow, toCard } from "./pipeline";
import { getStageTable } from "./stage-config";

type Rename = OpportunityUpdate & { name: string };

/** Only the name (and the version it was read at). */
export function isRenameOnly(input: OpportunityUpdate): input is Rename {
  return input.name !== undefined && Object.entries(input).every(([key, value]) => key === "name" || key === "version" || value === undefined);
}

export async function renameOpportunity(ctx: Ctx, id: string, input: Rename): Promise<OpportunityOutput> {
  const [current, table] = await Promise.all([findVisibleRow(db, ctx, id), getStageTable(ctx)]);
  if (current.version !== input.version) throw conflict(current.version);
  const now = new Date();
  const audit = auditInsertSql(
    ctx, dealUpdateAudit(current, { ...current, name: input.name, version: current.version + 1 }), now, Prisma.sql`EXISTS (SELECT 1 FROM written)`,
  );
  const [row] = await db.$queryRaw<CardRow[]>`
    WITH written AS (
      UPDATE "Opportunity" SET "name" = ${input.name}, "version" = "version" + 1, "updatedAt" = ${now}
       WHERE "id" = ${id}::uuid AND "orgId" = ${ctx.orgId}::uuid AND "version" = ${input.version} AND "deletedAt" IS NULL
      RETURNING *
    ), audited AS (${audit})
    SELECT ${CARD_COLUMNS} FROM written o JOIN "Account" a ON a.id = o."accountId" JOIN "User" u ON u.id = o."ownerId"`;
  if (!row) throw conflict((await db.opportunity.findUniqueOrThrow({ where: { id } })).version);
  return toCard(row, table);
}
