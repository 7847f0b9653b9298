"use client";

import { CsvButton } from "@/components/forecast/csv-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { StageCalibration } from "./stage-calibration";

// A gap of more than this many percentage points between configured and observed is worth a second look.
const NOTABLE_GAP_POINTS = 15;

/** All stages' configured probability next to the observed win rate, in one table above the stage settings. */
export function CalibrationTable({ rows, stageNames }: { rows: StageCalibration[]; stageNames: Record<string, string> }) {
  const { m, locale } = useI18n();
  const t = m.reports.calibrationTable;
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  const gapOf = (row: StageCalibration) => (row.observedWinRate === null ? null : Math.round((row.observedWinRate - row.configuredProbability) * 1000) / 10);
  const headers = [t.stage, t.configured, t.observed, t.gap, t.reached, t.won, t.lost, t.open];
  return (
    <Card aria-labelledby="calibration-title" data-testid="calibration-table">
      <CardHeader
        headingId="calibration-title" title={t.title} description={t.note}
        actions={<CsvButton filename="stage-calibration.csv" headers={headers}
          rows={rows.map((row) => [row.stage, row.configuredProbability, row.observedWinRate, gapOf(row), row.reached, row.won, row.lost, row.open])} />}
      />
      <CardBody>
        <Table>
          <TableHead>
            <TableRow>
              {headers.map((header, index) => <TableHeaderCell key={header} className={index ? "text-right" : undefined}>{header}</TableHeaderCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const gap = gapOf(row);
              return (
                <TableRow key={row.stage} data-testid={`calibration-row-${row.stage}`}>
                  <TableCell className="font-medium">{stageNames[row.stage] ?? row.stage}</TableCell>
                  <TableCell className="text-right tabular-nums">{percent(row.configuredProbability)}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.observedWinRate === null ? m.reports.none : percent(row.observedWinRate)}</TableCell>
                  <TableCell className={`text-right tabular-nums ${gap !== null && Math.abs(gap) > NOTABLE_GAP_POINTS ? "font-semibold text-danger" : ""}`}>
                    {gap === null ? m.reports.none : `${gap > 0 ? "+" : ""}${gap.toFixed(1)}`}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row.reached}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.won}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.lost}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.open}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardBody>
    </Card>
  );
}
