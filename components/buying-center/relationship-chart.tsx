import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { DEGREE_NAMES } from "@/lib/domain/buying-center";

type Series = { id: string; name: string; points: { at: string; degree: number }[] };

const COLORS = ["#6366f1", "#10b981", "#f59e0b", "#e11d48", "#0ea5e9", "#8b5cf6", "#14b8a6", "#64748b"];
const W = 640;
const H = 220;
const PAD = { left: 90, right: 16, top: 12, bottom: 28 };

/** Step lines of each key contact's strongest degree over time (SVG, server-rendered, prints as is). */
export function RelationshipChart({ series, locale, emptyText, label, now }: { series: Series[]; locale: Locale; emptyText: string; label: string; now: Date }) {
  const times = series.flatMap((item) => item.points.map((point) => new Date(point.at).getTime()));
  if (!times.length) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  const start = Math.min(...times);
  const end = Math.max(now.getTime(), start + 86_400_000);
  const x = (time: number) => PAD.left + ((time - start) / (end - start)) * (W - PAD.left - PAD.right);
  const y = (degree: number) => PAD.top + ((5 - degree) / 5) * (H - PAD.top - PAD.bottom);
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={label}>
        {[0, 1, 2, 3, 4, 5].map((degree) => (
          <g key={degree}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(degree)} y2={y(degree)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(degree) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">{`${degree} ${DEGREE_NAMES[degree][lang]}`}</text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} className="fill-slate-500 text-[10px]">{formatDate(new Date(start).toISOString(), locale)}</text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" className="fill-slate-500 text-[10px]">{formatDate(new Date(end).toISOString(), locale)}</text>
        {series.map((item, index) => {
          const path = item.points.flatMap((point, pointIndex) => {
            const px = x(new Date(point.at).getTime());
            const previous = item.points[pointIndex - 1];
            return pointIndex === 0 ? [`M${px},${y(point.degree)}`] : [`L${px},${y(previous.degree)}`, `L${px},${y(point.degree)}`];
          });
          const last = item.points.at(-1);
          if (last) path.push(`L${x(end)},${y(last.degree)}`);
          return <path key={item.id} d={path.join(" ")} fill="none" stroke={COLORS[index % COLORS.length]} strokeWidth={2} />;
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs">
        {series.map((item, index) => (
          <span key={item.id} className="inline-flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-full" style={{ background: COLORS[index % COLORS.length] }} aria-hidden="true" />
            {item.name} ({item.points.at(-1)?.degree ?? 0})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
