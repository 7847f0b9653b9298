"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { interpolate } from "@/lib/i18n/config";
import type { CalibrationOutput } from "@/lib/validations/forecast";

export type StageCalibration = CalibrationOutput["data"][number];

/** Beside a stage's settings: its configured probability next to the win rate observed from stage history. */
export function StageCalibrationLine({ calibration }: { calibration: StageCalibration }) {
  const { m, locale } = useI18n();
  const t = m.reports.calibration;
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  return (
    <p className="border-b border-border bg-muted/40 px-5 py-2 text-sm text-muted-foreground" data-testid={`calibration-${calibration.stage}`}>
      <span className="font-medium text-foreground">{t.label}: </span>
      {interpolate(t.configured, { probability: percent(calibration.configuredProbability) })}
      {" · "}
      {calibration.observedWinRate === null ? t.noClosed : interpolate(t.observed, { rate: percent(calibration.observedWinRate) })}
      {" ("}
      {interpolate(t.counts, { reached: calibration.reached, won: calibration.won, lost: calibration.lost, open: calibration.open })}
      {")"}
    </p>
  );
}
