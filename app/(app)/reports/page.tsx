import type { Metadata } from "next";
import { PrintButton } from "@/components/forecast/print-button";
import { type ReportKind, ReportPicker } from "@/components/reports/report-picker";
import { type ReportRow, ReportTable } from "@/components/reports/report-table";
import { PageHeader } from "@/components/ui/page-header";
import { getForecast } from "@/lib/data/forecast";
import { getForecastAccuracy } from "@/lib/data/forecast-snapshots";
import { getFunnelStats } from "@/lib/data/forecast-stats";
import { getStageTable } from "@/lib/data/stage-config";
import { listQuotaProgress } from "@/lib/data/quotas";
import { currentQuarter, type DateRange, periodRange, rollingMonths } from "@/lib/domain/forecast";
import { formatMoneyString, sumDecimals } from "@/lib/domain/money";
import { stageName } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { ForecastOutput } from "@/lib/validations/forecast";
import { getPageContext } from "../_lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.reports.title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Selection = { kind: ReportKind; period: string | null; label: string; range: DateRange; months: number };
const DEFAULT_ROLLING_MONTHS = 3;

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const kindOf = (period: string): ReportKind => (period.length === 4 ? "year" : period.includes("Q") ? "quarter" : "month");

/**
 * ?period=2026-Q4 wins; otherwise the picker's kind with its year, quarter or month, or N months ahead
 * (rolling, from the first of this month); otherwise this quarter.
 */
function selectionOf(params: Record<string, string | string[] | undefined>, now: Date): Selection {
  const kind = text(params.kind);
  if (kind === "rolling" && !periodRange(text(params.period))) {
    const requested = Number(text(params.months));
    const months = Number.isInteger(requested) && requested >= 1 && requested <= 36 ? requested : DEFAULT_ROLLING_MONTHS;
    return { kind: "rolling", period: null, label: `rolling-${months}`, range: rollingMonths(now, months), months };
  }
  const direct = text(params.period);
  // A field left out (say /reports?kind=month) means the current one.
  const today = now.toISOString();
  const year = text(params.year) || today.slice(0, 4);
  const month = text(params.month) || today.slice(5, 7);
  const quarter = text(params.quarter) || currentQuarter(now).slice(5);
  const candidate = periodRange(direct) ? direct
    : kind === "year" ? year : kind === "month" ? `${year}-${month}` : kind === "quarter" ? `${year}-${quarter}` : "";
  const period = periodRange(candidate) ? candidate : currentQuarter(now);
  return { kind: kindOf(period), period, label: period, range: periodRange(period) as DateRange, months: DEFAULT_ROLLING_MONTHS };
}

/** The quarters (YYYY-Qn) that overlap a range: forecast snapshots are taken per quarter. */
function quartersOf(range: DateRange): string[] {
  const index = (date: string) => Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const quarters: string[] = [];
  for (let at = index(range.from); at <= index(range.to); at += 1) quarters.push(`${Math.floor(at / 4)}-Q${(at % 4) + 1}`);
  return quarters;
}

/** Monthly, quarterly, annual and rolling reports of the caller's visible deals; every table exports CSV; prints cleanly. */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const { m, locale } = await getI18n();
  const t = m.reports;
  const f = m.forecast;
  const now = new Date();
  const selection = selectionOf(params, now);
  const { kind, period, range } = selection;
  const scope = ctx.role === "REP" ? "mine" : ctx.role === "MANAGER" ? "team" : "org";
  const quarters = quartersOf(range);

  const [byOwner, byProductLine, quotas, funnel, stageTable, accuracy] = await Promise.all([
    getForecast(ctx, { ...range, groupBy: ["owner"] }),
    getForecast(ctx, { ...range, groupBy: ["productLine"] }),
    period ? listQuotaProgress(ctx, period) : Promise.resolve([]),
    getFunnelStats(ctx, range),
    getStageTable(ctx),
    Promise.all(quarters.map((quarter) => getForecastAccuracy(ctx, quarter))),
  ]);
  const currency = byOwner.currency;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const percent = (value: number | null) => (value === null ? t.none : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value));
  const days = (value: number | null) => (value === null ? t.none : value.toFixed(1));
  const file = (name: string) => `${name}-${selection.label}.csv`;
  const periodName = period ?? interpolate(t.rollingPeriod, { months: selection.months });
  const accuracyRows = accuracy.flatMap((report) => report.data)
    .sort((a, b) => a.subjectType.localeCompare(b.subjectType) || a.subjectName.localeCompare(b.subjectName) || a.snapshotAt.localeCompare(b.snapshotAt));
  const errorText = (value: number | null) => (value === null ? t.none : `${value > 0 ? "+" : ""}${value.toFixed(1)}%`);

  const forecastRows = (forecast: ForecastOutput): ReportRow[] =>
    forecast.rows.map((row) => ({
      key: row.key,
      cells: [row.label, String(row.count), money(row.amount), money(row.weightedAmount)],
      csv: [row.label, row.count, row.amount, row.weightedAmount],
    }));
  const forecastTotal = (forecast: ForecastOutput): ReportRow => ({
    key: "total",
    cells: [t.total, String(forecast.total.count), money(forecast.total.amount), money(forecast.total.weightedAmount)],
    csv: [t.total, forecast.total.count, forecast.total.amount, forecast.total.weightedAmount],
  });
  const figures = [{ label: t.columns.count, numeric: true }, { label: t.columns.amount, numeric: true }, { label: t.columns.weighted, numeric: true }];
  const withQuota = quotas.filter((row) => row.quota !== null);
  const outcomeTotals = {
    won: funnel.monthly.reduce((sum, row) => sum + row.won, 0),
    lost: funnel.monthly.reduce((sum, row) => sum + row.lost, 0),
    wonAmount: formatMoneyString(sumDecimals(funnel.monthly.map((row) => row.wonAmount))),
  };
  const labelled = (label: string, value: string) => interpolate(t.labelled, { label, value });
  const outcomeNote = `${t.outcomesNote} ${labelled(t.winRate, percent(funnel.winRate))} · ${labelled(t.averageWon, funnel.averageWonAmount === null ? t.none : money(funnel.averageWonAmount))}`;

  return (
    <div className="mx-auto max-w-6xl space-y-6 print:max-w-none print:space-y-4">
      <PageHeader
        title={`${t.title} · ${t.kinds[kind]} · ${periodName}`}
        description={t.description.replace("{scope}", f.scopes[scope])}
        actions={<PrintButton label={f.print} />}
      />
      <ReportPicker
        dashboardHref={period ? `/dashboard?period=${period}` : "/dashboard"}
        selection={{ kind, year: range.from.slice(0, 4), quarter: `Q${Math.floor((Number(range.from.slice(5, 7)) - 1) / 3) + 1}`, month: range.from.slice(5, 7), months: selection.months }}
      />
      <p className="text-sm text-muted-foreground">
        {interpolate(t.periodTitle, { period: periodName, from: range.from, to: range.to })}
      </p>

      <ReportTable
        title={t.byOwnerTitle} note={t.forecastNote} filename={file("forecast-by-owner")} empty={t.empty}
        columns={[{ label: t.columns.owner }, ...figures]} rows={forecastRows(byOwner)} footer={forecastTotal(byOwner)}
      />
      <ReportTable
        title={t.byProductLineTitle} note={t.forecastNote} filename={file("forecast-by-product-line")} empty={t.empty}
        columns={[{ label: t.columns.productLine }, ...figures]} rows={forecastRows(byProductLine)} footer={forecastTotal(byProductLine)}
      />
      <ReportTable
        title={t.outcomesTitle} note={outcomeNote} filename={file("won-lost")} empty={t.empty}
        columns={[{ label: t.columns.month }, { label: t.columns.won, numeric: true }, { label: t.columns.lost, numeric: true }, { label: t.columns.wonAmount, numeric: true }]}
        rows={funnel.monthly.map((row) => ({
          key: row.month, cells: [row.month, String(row.won), String(row.lost), money(row.wonAmount)], csv: [row.month, row.won, row.lost, row.wonAmount],
        }))}
        footer={{
          key: "total",
          cells: [t.total, String(outcomeTotals.won), String(outcomeTotals.lost), money(outcomeTotals.wonAmount)],
          csv: [t.total, outcomeTotals.won, outcomeTotals.lost, outcomeTotals.wonAmount],
        }}
      />
      <ReportTable
        title={t.quotasTitle} filename={file("quotas")} empty={period ? t.noQuotas : t.quotasRolling}
        columns={[{ label: f.subject }, { label: f.quota, numeric: true }, { label: f.won, numeric: true }, { label: f.weightedOpen, numeric: true }, { label: f.attainment, numeric: true }, { label: f.coverage, numeric: true }]}
        rows={withQuota.map((row) => ({
          key: `${row.subjectType}:${row.subjectId}`,
          cells: [row.subjectName, row.quota === null ? t.none : money(row.quota), money(row.won), money(row.weightedOpen), percent(row.attainment), row.coverage === null ? t.none : `${row.coverage.toFixed(2)}×`],
          csv: [row.subjectName, row.quota, row.won, row.weightedOpen, row.attainment, row.coverage],
        }))}
      />
      <ReportTable
        title={t.accuracyTitle} note={`${interpolate(t.accuracyNote, { quarters: quarters.join(", ") })}${range.to >= now.toISOString().slice(0, 10) ? ` ${t.accuracyRunning}` : ""}`} filename={file("forecast-accuracy")} empty={t.noAccuracy}
        columns={[{ label: t.columns.subject }, { label: t.columns.snapshotAt }, { label: t.columns.snapshotKind }, { label: t.columns.forecast, numeric: true }, { label: t.columns.won, numeric: true }, { label: t.columns.error, numeric: true }]}
        rows={accuracyRows.map((row) => ({
          key: `${row.subjectType}:${row.subjectId}:${row.snapshotAt}`,
          cells: [row.subjectType === "TEAM" ? interpolate(f.teamSubject, { name: row.subjectName }) : row.subjectName, row.snapshotAt.slice(0, 10), t.snapshotKinds[row.kind], money(row.forecast), money(row.won), errorText(row.errorPct)],
          csv: [row.subjectType === "TEAM" ? interpolate(f.teamSubject, { name: row.subjectName }) : row.subjectName, row.snapshotAt, row.kind, row.forecast, row.won, row.errorPct],
        }))}
      />
      <ReportTable
        title={t.funnelTitle} note={`${t.funnelNote} ${labelled(t.averageCycle, days(funnel.averageCycleDays))}`} filename={file("funnel")} empty={t.empty}
        columns={[{ label: t.columns.stage }, { label: t.columns.reached, numeric: true }, { label: t.columns.conversion, numeric: true }, { label: t.columns.avgDays, numeric: true }, { label: t.columns.medianDays, numeric: true }]}
        rows={funnel.stages.map((row) => ({
          key: row.stage,
          cells: [stageName(row.stage, locale, stageTable), String(row.reached), percent(row.conversionToNext), days(row.avgDaysInStage), days(row.medianDaysInStage)],
          csv: [row.stage, row.reached, row.conversionToNext, row.avgDaysInStage, row.medianDaysInStage],
        }))}
      />
    </div>
  );
}
