// The field history of a deal (issue 8): who changed its amount or expected close date, when, from what to
// what. Written by updateOpportunity inside its transaction; the early-warning rules "close date pushed"
// and "amount cut" read it (lib/data/warnings.ts).
import "server-only";
import type { Tx } from "@/lib/db";
import { toDecimal } from "@/lib/domain/money";
import type { Ctx } from "@/lib/permissions";

export const TRACKED_FIELDS = ["amount", "expectedCloseDate"] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

type Before = { id: string; orgId: string; amount: { toString(): string }; expectedCloseDate: Date };
type After = { amount?: string; expectedCloseDate?: string };

/** One row per tracked field whose value really changed (1000 → "1000.00" is no change). */
export async function recordFieldChanges(tx: Tx, ctx: Ctx, before: Before, after: After): Promise<void> {
  await recordFieldChangesOfMany(tx, ctx, [{ before, after }]);
}

/** recordFieldChanges for many deals (an import batch) in one statement. */
export async function recordFieldChangesOfMany(tx: Tx, ctx: Ctx, edits: readonly { before: Before; after: After }[]): Promise<void> {
  const rows = edits.flatMap(({ before, after }) => trackedChanges(before, after).map((row) => ({ ...row, opportunityId: before.id })));
  if (!rows.length) return;
  // Plain SQL over arrays: an import batch writes a thousand rows, many times faster than the ORM's createMany.
  await tx.$executeRaw`
    INSERT INTO "OpportunityFieldChange" ("id", "orgId", "opportunityId", "field", "before", "after", "byUserId", "at")
    SELECT gen_random_uuid(), ${ctx.orgId}::uuid, v."opportunityId", v."field", v."before", v."after", ${ctx.userId}::uuid, now()
    FROM unnest(${rows.map((row) => row.opportunityId)}::uuid[], ${rows.map((row) => row.field)}::text[],
      ${rows.map((row) => row.before)}::text[], ${rows.map((row) => row.after)}::text[]) AS v("opportunityId", "field", "before", "after")`;
}

function trackedChanges(before: Before, after: After): { field: TrackedField; before: string; after: string }[] {
  const rows: { field: TrackedField; before: string; after: string }[] = [];
  if (after.amount !== undefined && !toDecimal(after.amount).eq(toDecimal(before.amount.toString()))) {
    rows.push({ field: "amount", before: toDecimal(before.amount.toString()).toFixed(2), after: toDecimal(after.amount).toFixed(2) });
  }
  const beforeDate = before.expectedCloseDate.toISOString().slice(0, 10);
  if (after.expectedCloseDate !== undefined && after.expectedCloseDate !== beforeDate) {
    rows.push({ field: "expectedCloseDate", before: beforeDate, after: after.expectedCloseDate });
  }
  return rows;
}
