import Link from "next/link";
import { DECISION_STAGE_KEYS, DECISION_STAGE_NAMES, type DecisionStageKey } from "@/lib/domain/decision-cycle";
import { interpolate, type Locale } from "@/lib/i18n/config";
import type { DecisionSummary } from "@/lib/validations/decision-cycle";
import type { Messages } from "@/messages/en";

const SIZE = 520;
const CENTER = SIZE / 2;
const RADIUS = 190;
const NODE = 54;

type CycleDiagramProps = {
  summary: DecisionSummary;
  selected: DecisionStageKey | null;
  hrefFor: (stage: DecisionStageKey) => string;
  locale: Locale;
  m: Messages;
};

const point = (index: number, radius = RADIUS) => {
  const angle = (index / DECISION_STAGE_KEYS.length) * 2 * Math.PI - Math.PI / 2;
  return { x: CENTER + radius * Math.cos(angle), y: CENTER + radius * Math.sin(angle) };
};

/**
 * The decision cycle as a circle (a cycle, not a line: after Re-evaluation the customer is satisfied again or
 * sees a new problem). Each stage is a link to its list, showing accounts and open deals; counts are also in
 * each link's accessible name.
 */
export function CycleDiagram({ summary, selected, hrefFor, locale, m }: CycleDiagramProps) {
  const t = m.decisionCycle.portfolio;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="mx-auto w-full max-w-[520px]" role="group" aria-label={t.diagramLabel} data-testid="cycle-diagram">
      <defs>
        <marker id="cycle-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#a78bfa" />
        </marker>
      </defs>
      {DECISION_STAGE_KEYS.map((key, index) => {
        // Arcs between neighbouring nodes, trimmed so the arrowheads stop at the node's edge.
        const from = point(index + 0.3);
        const to = point(index + 0.7);
        return (
          <path
            key={`arc-${key}`}
            d={`M ${from.x} ${from.y} A ${RADIUS} ${RADIUS} 0 0 1 ${to.x} ${to.y}`}
            fill="none" stroke="#c4b5fd" strokeWidth={2} markerEnd="url(#cycle-arrow)" aria-hidden="true"
          />
        );
      })}
      <text x={CENTER} y={CENTER - 8} textAnchor="middle" className="fill-slate-500 text-[13px]">{t.accounts} / {t.deals}</text>
      <text x={CENTER} y={CENTER + 16} textAnchor="middle" className="fill-slate-900 text-[20px] font-semibold">
        {summary.accounts.total - summary.accounts.unknown} / {summary.deals.total - summary.deals.unknown}
      </text>
      {DECISION_STAGE_KEYS.map((key, index) => {
        const { x, y } = point(index);
        const accounts = summary.accounts.byStage[key];
        const deals = summary.deals.byStage[key];
        const name = DECISION_STAGE_NAMES[key][lang];
        const isSelected = selected === key;
        return (
          <Link
            key={key}
            href={hrefFor(key)}
            aria-label={interpolate(t.stageSummary, { stage: `${index + 1}. ${name}`, accounts, deals })}
            aria-current={isSelected ? "true" : undefined}
            data-stage={key}
            className="focus:outline-none [&:focus-visible>circle]:stroke-[4px]"
          >
            <circle cx={x} cy={y} r={NODE} fill={isSelected ? "#7c3aed" : "#f5f3ff"} stroke="#7c3aed" strokeWidth={isSelected ? 3 : 1.5} />
            <text x={x} y={y - 14} textAnchor="middle" className={isSelected ? "fill-white text-[13px] font-semibold" : "fill-violet-900 text-[13px] font-semibold"}>
              {`${index + 1}. ${name}`}
            </text>
            <text x={x} y={y + 6} textAnchor="middle" className={isSelected ? "fill-white text-[12px]" : "fill-slate-700 text-[12px]"}>
              {`${t.accounts} ${accounts}`}
            </text>
            <text x={x} y={y + 24} textAnchor="middle" className={isSelected ? "fill-white text-[12px]" : "fill-slate-700 text-[12px]"}>
              {`${t.deals} ${deals}`}
            </text>
          </Link>
        );
      })}
    </svg>
  );
}
