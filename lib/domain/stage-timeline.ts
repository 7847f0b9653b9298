// Time spent in each stage, read from a deal's stage history (one row per move, oldest first). Pure: the
// deal workspace shows it, and forecast statistics (time in stage, METHOD.md §4) can reuse it.
import type { StageKey } from "./stages";

const DAY_MS = 86_400_000;

export type StageVisit = {
  stage: StageKey;
  enteredAt: string;
  /** When the deal left the stage; null while it is still there. */
  leftAt: string | null;
  durationMs: number;
};

/** One visit per history row: from entering the stage until the next move (or `now` for the current one). */
export function stageVisits(changes: readonly { toStage: StageKey; at: string }[], now: Date = new Date()): StageVisit[] {
  return changes.map((change, index) => {
    const leftAt = changes[index + 1]?.at ?? null;
    const end = leftAt ? Date.parse(leftAt) : now.getTime();
    return { stage: change.toStage, enteredAt: change.at, leftAt, durationMs: Math.max(0, end - Date.parse(change.at)) };
  });
}

/** Total time per stage over all visits (a deal may go back to a stage), in the order stages were first entered. */
export function timePerStage(visits: readonly StageVisit[]): { stage: StageKey; durationMs: number; isCurrent: boolean }[] {
  const totals = new Map<StageKey, { durationMs: number; isCurrent: boolean }>();
  for (const visit of visits) {
    const total = totals.get(visit.stage) ?? { durationMs: 0, isCurrent: false };
    totals.set(visit.stage, { durationMs: total.durationMs + visit.durationMs, isCurrent: total.isCurrent || visit.leftAt === null });
  }
  return [...totals].map(([stage, total]) => ({ stage, ...total }));
}

export function wholeDays(durationMs: number): number {
  return Math.floor(durationMs / DAY_MS);
}
