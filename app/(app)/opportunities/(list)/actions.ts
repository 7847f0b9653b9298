"use server";

import { revalidatePath } from "next/cache";
import { parseWith } from "@/lib/api/http";
import { moveOpportunitiesInBulk } from "@/lib/data/bulk";
import { bulkStageMoveSchema } from "@/lib/validations/opportunity-table";
import { runAction } from "../../_lib/action";

// The table view's bulk stage move: the same data function as POST /api/v1/opportunities/bulk-stage, so
// each row goes through the one stage-move path; the page gets one outcome per row (without the deal).
export async function moveOpportunitiesInBulkAction(input: unknown) {
  return runAction(async (ctx) => {
    const results = await moveOpportunitiesInBulk(ctx, parseWith(bulkStageMoveSchema, input));
    revalidatePath("/opportunities");
    return results.map(({ opportunity: _moved, ...outcome }) => outcome);
  });
}
