import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/forecast/print-button";
import { type ReportRow, ReportTable } from "@/components/reports/report-table";
import { PageHeader } from "@/components/ui/page-header";
import { getForecast } from "@/lib/data/forecast";
import { getFunnelStats } from "@/lib/data/forecast-stats";
import { getStageTable } from "@/lib/data/stage-config";
import { listQuotaProgress } from "@/lib/data/quotas";
import { currentQuarter, type DateRange, periodRange } from "@/lib/domain/forecast";
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
type Kind = "month" | "quarter" | "year";
const KINDS: readonly Kind[] = ["month", "quarter", "year"];
const MONTHS = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, "0"));
const QUARTERS = ["Q1", "Q2", "Q3", "Q4"];

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** ?period=2026-Q4 wins; otherwise the picker's kind, year, month and quarter; otherwise this quarter. */
function requestedPeriod(params: Record<string, string | string[] | undefined>, now: Date): string {
  const direct = text(params.period);
  if (periodRange(direct)) return direct;
  const kind = text(params.kind);
  const year = text(params.year);
  const candidate = kind === "year" ? year : kind === "month" ? `${year}-${text(params.month)}` : kind === "quarter" ? `${year}-${text(params.quarter)}` : "";
  return periodRange(candidate) ? candidate : currentQuarter(now);
}

const kindOf = (period: string): Kind => (period.length === 4 ? "year" : period.includes("Q") ? "quarter" : "month");

/** Monthly, quarterly and annual reports of the caller's visible deals; every table exports CSV; prints cleanly. */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const { m, locale } = await getI18n();
  const t = m.reports;
  const f = m.forecast;
  const now = new Date();
  const period = requestedPeriod(params, now);
  const range = periodRange(period) as DateRange;
  const kind = kindOf(period);
  const scope = ctx.role === "REP" ? "mine" : ctx.role === "MANAGER" ? "team" : "org";

  const [byOwner, byProductLine, quotas, funnel, stageTable] = await Promise.all([
    getForecast(ctx, { ...range, groupBy: ["owner"] }),
    getForecast(ctx, { ...range, groupBy: ["productLine"] }),
    listQuotaProgress(ctx, period),
    getFunnelStats(ctx, range),
    getStageTable(ctx),
  ]);
  const currency = byOwner.currency;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const percent = (value: number | null) => (value === null ? t.none : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value));
  const days = (value: number | null) => (value === null ? t.none : value.toFixed(1));
  const file = (name: string) => `${name}-${period}.csv`;

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
  const outcomeNote = `${t.outcomesNote} ${t.winRate}: ${percent(funnel.winRate)} · ${t.averageWon}: ${funnel.averageWonAmount === null ? t.none : money(funnel.averageWonAmount)}`;
  const selectClass = "h-9 rounded-md border border-border bg-surface px-2";

  return (
    <div className="mx-auto max-w-6xl space-y-6 print:max-w-none print:space-y-4">
      <PageHeader
        title={`${t.title} · ${t.kinds[kind]} · ${period}`}
        description={t.description.replace("{scope}", f.scopes[scope])}
        actions={<PrintButton label={f.print} />}
      />
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t.kind}>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.kind}</span>
          <select name="kind" defaultValue={kind} className={selectClass}>
            {KINDS.map((option) => <option key={option} value={option}>{t.kinds[option]}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.year}</span>
          <input name="year" type="number" min={2000} max={2100} defaultValue={period.slice(0, 4)} className={`${selectClass} w-24`} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.quarter}</span>
          <select name="quarter" defaultValue={kind === "quarter" ? period.slice(5) : `Q${Math.floor((Number(range.from.slice(5, 7)) - 1) / 3) + 1}`} className={selectClass}>
            {QUARTERS.map((quarter) => <option key={quarter} value={quarter}>{quarter}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.month}</span>
          <select name="month" defaultValue={range.from.slice(5, 7)} className={selectClass}>
            {MONTHS.map((month) => <option key={month} value={month}>{month}</option>)}
          </select>
        </label>
        <button type="submit" className="h-9 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground">{t.show}</button>
        <Link className="text-sm text-primary hover:underline" href={`/dashboard?period=${period}`}>{f.title}</Link>
      </form>
      <p className="text-sm text-muted-foreground">
        {interpolate(t.periodTitle, { period, from: range.from, to: range.to })}
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
        title={t.quotasTitle} filename={file("quotas")} empty={t.noQuotas}
        columns={[{ label: f.subject }, { label: f.quota, numeric: true }, { label: f.won, numeric: true }, { label: f.weightedOpen, numeric: true }, { label: f.attainment, numeric: true }, { label: f.coverage, numeric: true }]}
        rows={withQuota.map((row) => ({
          key: `${row.subjectType}:${row.subjectId}`,
          cells: [row.subjectName, row.quota === null ? t.none : money(row.quota), money(row.won), money(row.weightedOpen), percent(row.attainment), row.coverage === null ? t.none : `${row.coverage.toFixed(2)}×`],
          csv: [row.subjectName, row.quota, row.won, row.weightedOpen, row.attainment, row.coverage],
        }))}
      />
      <ReportTable
        title={t.funnelTitle} note={`${t.funnelNote} ${t.averageCycle}: ${days(funnel.averageCycleDays)}`} filename={file("funnel")} empty={t.empty}
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
