// Time in a stage, apart from the stage table: the board's cards need only this in the browser, and
// lib/domain/stages (which re-exports it) brings decimal.js and every stage's coaching texts along.

/** Whole days a deal has spent in its current stage. */
export function daysInStage(stageEnteredAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - stageEnteredAt.getTime()) / 86_400_000));
}
