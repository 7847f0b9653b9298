// The board's column totals from the summary cubes (issue 8): used by lib/data/pipeline whenever the filters
// fit a cube; null means "they do not — aggregate live". Same figures as the live SQL, to the cent
// (tests/integration/forecast/cube.test.ts and the pipeline totals tests).
import "server-only";
import { accumulate, emptyAccumulator, toFigures } from "@/lib/domain/forecast";
import { STAGE_KEYS, type StageTable } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import type { PipelineFilters, PipelineTotals } from "@/lib/validations/pipeline";
import { aggregateVisibleDeals, chooseSource } from "./forecast-cube";

export async function cubeTotals(ctx: Ctx, filters: PipelineFilters, table: StageTable): Promise<PipelineTotals[] | null> {
  if (filters.q || filters.stalledOnly) return null;
  const query = { ...filters, q: undefined, stalledOnly: undefined, stages: STAGE_KEYS, groupBy: [] };
  if (chooseSource(query) === "live") return null;
  const cells = await aggregateVisibleDeals(ctx, query);
  const byStage = new Map(STAGE_KEYS.map((stage) => [stage, emptyAccumulator()]));
  for (const cell of cells) accumulate(byStage.get(cell.stage) as ReturnType<typeof emptyAccumulator>, cell, table);
  return STAGE_KEYS.map((stage) => ({ stage, ...toFigures(byStage.get(stage) as ReturnType<typeof emptyAccumulator>) }));
}
