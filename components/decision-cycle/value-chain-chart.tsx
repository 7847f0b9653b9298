import { DECISION_STAGE_KEYS, DECISION_STAGE_NAMES, decisionStageIndex } from "@/lib/domain/decision-cycle";
import { activityTypeName } from "@/lib/domain/activities";
import { PIPELINE_STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { formatDate } from "@/lib/i18n/format";
import { interpolate, type Locale } from "@/lib/i18n/config";
import type { ValueChainView } from "./value-chain-types";
import { layoutValueChain, scaleTime } from "./value-chain-model";
import type { Messages } from "@/messages/en";

const WIDTH = 960;
const LABEL = 150;
const LANE = 44;
const PLOT = WIDTH - LABEL - 16;
const HEIGHT = LANE * 3 + 48;

// Decision stages from pale to deep violet as the customer advances; P stages from slate to indigo, won green, lost red.
const DECISION_FILL = ["#ede9fe", "#ddd6fe", "#c4b5fd", "#a78bfa", "#8b5cf6", "#7c3aed", "#6d28d9", "#5b21b6"];
const STAGE_FILL = (key: StageKey) =>
  key === "LOST" ? "#fecaca" : key === "P7" ? "#bbf7d0" : ["#e2e8f0", "#cbd5e1", "#c7d2fe", "#a5b4fc", "#818cf8", "#6366f1", "#4f46e5"][
    (PIPELINE_STAGE_KEYS as readonly StageKey[]).indexOf(key)
  ];

type ValueChainChartProps = { view: ValueChainView; locale: Locale; m: Messages; now: Date };

/**
 * Three lanes on one time axis (METHOD.md §2–§3): the customer's decision cycle, our activities and the P stage.
 * An SVG with a text alternative (role="img" + description) and the same events as a table below it.
 */
export function ValueChainChart({ view, locale, m, now }: ValueChainChartProps) {
  const t = m.decisionCycle.chain;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const layout = layoutValueChain({ decisions: view.cycle.history, stages: view.stages, activities: view.activities, now });
  const x = (time: number) => LABEL + scaleTime(layout, time, PLOT);
  const lanes = [t.laneDecision, t.laneActivities, t.laneStages];
  const label = interpolate(t.chartLabel, {
    name: view.name, decisions: view.cycle.history.length, activities: view.activities.length, stages: view.stages.length,
    from: formatDate(new Date(layout.start), locale), to: formatDate(new Date(layout.end), locale),
  });
  const darkText = (index: number) => (index >= 4 ? "#ffffff" : "#1e1b4b");

  return (
    <figure className="space-y-3">
      <div className="overflow-x-auto">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="min-w-[640px] text-xs" data-testid="value-chain-chart">
          {lanes.map((lane, index) => (
            <g key={lane}>
              <rect x={0} y={index * LANE} width={WIDTH} height={LANE} fill={index % 2 ? "#f8fafc" : "#ffffff"} />
              <text x={8} y={index * LANE + LANE / 2 + 4} fill="#334155" fontWeight={600}>{lane}</text>
            </g>
          ))}
          {layout.decisionSpans.map((span) => {
            const index = decisionStageIndex(span.key);
            const width = Math.max(2, x(span.to) - x(span.from));
            return (
              <g key={`d-${span.from}`}>
                <rect x={x(span.from)} y={6} width={width} height={LANE - 12} rx={4} fill={DECISION_FILL[index]}>
                  <title>{`${DECISION_STAGE_NAMES[span.key][lang]} · ${formatDate(new Date(span.from), locale)}`}</title>
                </rect>
                {width > 60 ? <text x={x(span.from) + 6} y={LANE / 2 + 4} fill={darkText(index)}>{DECISION_STAGE_NAMES[span.key][lang]}</text> : null}
              </g>
            );
          })}
          {view.activities.map((activity) => (
            <circle key={activity.id} cx={x(Date.parse(activity.occurredAt))} cy={LANE * 1.5} r={5} fill="#0ea5e9" stroke="#ffffff" strokeWidth={1.5}>
              <title>{`${activityTypeName(activity.type, locale)} · ${activity.subject} · ${formatDate(activity.occurredAt, locale)}`}</title>
            </circle>
          ))}
          {layout.stageSpans.map((span) => {
            const width = Math.max(2, x(span.to) - x(span.from));
            return (
              <g key={`s-${span.from}`}>
                <rect x={x(span.from)} y={LANE * 2 + 6} width={width} height={LANE - 12} rx={4} fill={STAGE_FILL(span.key)}>
                  <title>{`${span.key} · ${formatDate(new Date(span.from), locale)}`}</title>
                </rect>
                {width > 28 ? <text x={x(span.from) + 6} y={LANE * 2.5 + 4} fill="#1e1b4b">{span.key}</text> : null}
              </g>
            );
          })}
          <line x1={LABEL} x2={WIDTH - 16} y1={LANE * 3 + 4} y2={LANE * 3 + 4} stroke="#94a3b8" />
          {layout.ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={0} y2={LANE * 3 + 8} stroke="#e2e8f0" strokeDasharray="3 3" />
              <text x={x(tick)} y={LANE * 3 + 22} textAnchor="middle" fill="#64748b">
                {new Intl.DateTimeFormat(locale, { year: "2-digit", month: "short" }).format(new Date(tick))}
              </text>
            </g>
          ))}
          <line x1={x(now.getTime())} x2={x(now.getTime())} y1={0} y2={LANE * 3 + 8} stroke="#e11d48" strokeWidth={1.5} />
          <text x={x(now.getTime()) - 4} y={LANE * 3 + 40} textAnchor="end" fill="#e11d48">{t.today}</text>
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {DECISION_STAGE_KEYS.map((key, index) => (
          <span key={key} className="inline-flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: DECISION_FILL[index] }} aria-hidden="true" />
            {DECISION_STAGE_NAMES[key][lang]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
