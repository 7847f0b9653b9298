// The org's effective stage table. Today every org runs on the defaults of lib/domain/stages; stored
// per-org overrides (admin stage configuration) plug in here, so every caller already asks the right place.
import "server-only";
import { DEFAULT_STAGE_TABLE, type StageTable } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";

export async function getStageTable(_ctx: Pick<Ctx, "orgId">): Promise<StageTable> {
  return DEFAULT_STAGE_TABLE;
}
