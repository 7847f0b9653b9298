"use client";

// Recharts is loaded only by the pages that chart (through forecast-chart-lazy.tsx), so no other page pays for it.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartBar = { label: string; value: number };

export default function ForecastChart({ bars, valueLabel }: { bars: ChartBar[]; valueLabel: string }) {
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={90} tickFormatter={(value: number) => value.toLocaleString()} />
          <Tooltip formatter={(value) => [Number(value).toLocaleString(), valueLabel]} />
          <Bar dataKey="value" fill="var(--color-primary, #2563eb)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
