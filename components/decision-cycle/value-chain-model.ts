// Geometry of the value-chain chart: one time axis shared by three lanes. Pure, so the chart stays a plain
// server-rendered SVG (no client JavaScript) and the layout rules can be read in one place.
import type { DecisionStageKey } from "@/lib/domain/decision-cycle";
import type { StageKey } from "@/lib/domain/stages";

export type Span<K> = { key: K; from: number; to: number };

export type ChainInput = {
  decisions: readonly { toStage: DecisionStageKey; at: string }[];
  stages: readonly { toStage: StageKey; at: string }[];
  activities: readonly { occurredAt: string }[];
  now: Date;
};

export type ChainLayout = {
  start: number;
  end: number;
  decisionSpans: Span<DecisionStageKey>[];
  stageSpans: Span<StageKey>[];
  /** Month starts inside the axis, for the tick marks. */
  ticks: number[];
};

const DAY_MS = 86_400_000;

/** Each change starts a span that lasts until the next change, the last one until now. */
function toSpans<K>(changes: readonly { key: K; at: number }[], end: number): Span<K>[] {
  return changes.map((change, index) => ({ key: change.key, from: change.at, to: changes[index + 1]?.at ?? end }));
}

export function layoutValueChain({ decisions, stages, activities, now }: ChainInput): ChainLayout {
  const times = [
    ...decisions.map((entry) => Date.parse(entry.at)), ...stages.map((entry) => Date.parse(entry.at)),
    ...activities.map((entry) => Date.parse(entry.occurredAt)),
  ];
  const end = Math.max(now.getTime(), ...times);
  // At least a week wide, so a deal created today still has an axis.
  const start = Math.min(end - 7 * DAY_MS, ...times);
  const ticks: number[] = [];
  const cursor = new Date(start);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  const spanMonths = (end - start) / (30 * DAY_MS);
  const step = spanMonths > 18 ? 3 : 1;
  while (cursor.getTime() < end) {
    ticks.push(cursor.getTime());
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
  }
  return {
    start,
    end,
    decisionSpans: toSpans(decisions.map((entry) => ({ key: entry.toStage, at: Date.parse(entry.at) })), end),
    stageSpans: toSpans(stages.map((entry) => ({ key: entry.toStage, at: Date.parse(entry.at) })), end),
    ticks,
  };
}

/** x in [0, width] for a time on the axis. */
export function scaleTime(layout: Pick<ChainLayout, "start" | "end">, time: number, width: number): number {
  const range = layout.end - layout.start || 1;
  return ((time - layout.start) / range) * width;
}
