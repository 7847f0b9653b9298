"use client";

// Recharts is loaded only by the pages that chart (through forecast-chart-lazy.tsx), so no other page pays for it.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/components/i18n/i18n-provider";

/** `short` labels the axis (e.g. "P5") when the full label, shown in the tooltip, would not fit. */
export type ChartBar = { label: string; short?: string; value: number };

export default function ForecastChart({ bars, valueLabel }: { bars: ChartBar[]; valueLabel: string }) {
  const { locale } = useI18n();
  // Compact axis numbers ("80M", "8000万") leave the bars room at tablet width; the tooltip is exact.
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const full = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const data = bars.map((bar) => ({ ...bar, axis: bar.short ?? bar.label }));
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="axis" tick={{ fontSize: 11 }} interval={0} />
          <YAxis tick={{ fontSize: 11 }} width={52} tickFormatter={(value: number) => compact.format(value)} />
          <Tooltip
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? "")}
            formatter={(value) => [full.format(Number(value)), valueLabel]}
          />
          <Bar dataKey="value" fill="var(--color-primary, #2563eb)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
