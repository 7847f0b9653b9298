// Bulk stage move: each deal goes through THE stage move (moveOpportunityToStage) with its own version, in
// its own transaction, so one stale or forbidden row never blocks or rolls back the others — and every
// rule of a single move (visibility, version check, loss reason, reason to go back, stage gates, history
// row) applies to each row exactly as it would one at a time.
import "server-only";
import { isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { BulkRefusalCode, BulkStageMove, BulkStageMoveResult } from "@/lib/validations/opportunity-table";
import { moveOpportunityToStage } from "./opportunities";

function refusal(id: string, error: unknown): BulkStageMoveResult {
  if (!isAppError(error)) {
    // One row's unexpected failure must not hide the results of the rows already moved.
    console.error(error);
    return { id, status: "refused", code: "INTERNAL", message: "Internal error." };
  }
  const code: BulkRefusalCode =
    error.code === "CONFLICT" || error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "VALIDATION"
      ? error.code
      : "INTERNAL";
  // Field errors are the reasons themselves ("A lost deal needs a loss reason.", one per unmet gate
  // criterion); several are also passed on whole, so the caller can list them.
  const errors = error.errors ?? [];
  const message = errors.length ? errors.map((entry) => entry.message).join("; ") : error.message;
  const currentVersion = error.extensions?.currentVersion;
  return {
    id, status: "refused", code, message,
    ...(errors.length > 1 || errors.some((entry) => entry.path === "gates") ? { errors } : {}),
    ...(typeof currentVersion === "number" ? { currentVersion } : {}),
  };
}

/**
 * Rows moved at once: each move is its own short transaction, and a few in flight cut the wait on a
 * 500-row request without taking more than a share of the connection pool (lib/db: 10).
 */
const CONCURRENT_MOVES = 4;

/** Moves every item (the ids are distinct, so rows never race each other); results in the order sent. */
export async function moveOpportunitiesInBulk(ctx: Ctx, input: BulkStageMove): Promise<BulkStageMoveResult[]> {
  const results = new Array<BulkStageMoveResult>(input.items.length);
  let next = 0;
  const worker = async () => {
    while (next < input.items.length) {
      const index = next;
      next += 1;
      const item = input.items[index];
      try {
        const opportunity = await moveOpportunityToStage(ctx, item.id, {
          to: input.to, version: item.version, lossReason: input.lossReason, reason: input.reason,
          // The same review for each deal, written (or refused) inside that deal's own move transaction.
          ...(input.closeOut ? { closeOut: input.closeOut } : {}),
        });
        results[index] = { id: item.id, status: "moved", opportunity };
      } catch (error) {
        results[index] = refusal(item.id, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_MOVES, input.items.length) }, worker));
  return results;
}
