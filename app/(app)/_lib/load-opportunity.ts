import "server-only";
import { getOpportunity } from "@/lib/data/opportunities";
import { isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";

/** The deal, or null when it is missing OR not visible to the caller: both render the same 404 page. */
export async function loadVisibleOpportunity(ctx: Ctx, id: string): Promise<OpportunityOutput | null> {
  try {
    return await getOpportunity(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
