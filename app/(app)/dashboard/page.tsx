import type { Metadata } from "next";
import Link from "next/link";
import { CsvButton } from "@/components/forecast/csv-button";
import { LazyForecastChart } from "@/components/forecast/forecast-chart-lazy";
import { ForecastTable } from "@/components/forecast/forecast-table";
import { PrintButton } from "@/components/forecast/print-button";
import { QuotaEditor } from "@/components/forecast/quota-editor";
import { SubmitForecastButton } from "@/components/forecast/submit-forecast-button";
import { WarningList } from "@/components/forecast/warning-list";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { getForecast } from "@/lib/data/forecast";
import { listQuotaProgress } from "@/lib/data/quotas";
import { listWarnings, type WarningScope } from "@/lib/data/warnings";
import {
  currentQuarter, FORECAST_CATEGORIES, FORECAST_DIMENSIONS, type ForecastCategory, forecastCategoryName, type ForecastDimension, periodRange,
} from "@/lib/domain/forecast";
import { WARNING_RULE_KEYS, WARNING_RULE_NAMES } from "@/lib/domain/warnings";
import { interpolate } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../_lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.forecast.title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const isDimension = (value: unknown): value is ForecastDimension => (FORECAST_DIMENSIONS as readonly unknown[]).includes(value);
// The warning feeds each role may switch between; the server applies visibility whatever is asked.
const WARNING_SCOPES: Record<"REP" | "MANAGER" | "ADMIN", WarningScope[]> = { REP: ["mine"], MANAGER: ["team", "mine"], ADMIN: ["org", "team", "mine"] };
const MAX_WARNINGS = 500;

/** Rep: my forecast, quota and warnings. Manager: the team by category, quotas, warnings. Admin: the org cube. */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const { m, locale } = await getI18n();
  const t = m.forecast;
  const now = new Date();
  const requested = typeof params.period === "string" ? params.period : "";
  const period = periodRange(requested) ? requested : currentQuarter(now);
  const range = periodRange(period) as { from: string; to: string };
  const defaults: ForecastDimension[] = ctx.role === "REP" ? ["category"] : ctx.role === "MANAGER" ? ["team", "category"] : ["productLine", "segment"];
  const first = isDimension(params.by) ? params.by : defaults[0];
  const second = params.then === "" ? undefined : isDimension(params.then) && params.then !== first ? params.then : params.then === undefined ? defaults[1] : undefined;
  const groupBy = second ? [first, second] : [first];
  const scope = ctx.role === "REP" ? "mine" : ctx.role === "MANAGER" ? "team" : "org";
  const warningScopes = WARNING_SCOPES[ctx.role];
  const warningScope = warningScopes.find((option) => option === params.warnings) ?? warningScopes[0];

  const [forecast, byStage, quotas, warnings] = await Promise.all([
    getForecast(ctx, { from: range.from, to: range.to, groupBy }),
    getForecast(ctx, { from: range.from, to: range.to, groupBy: ["stage"] }),
    listQuotaProgress(ctx, period),
    listWarnings(ctx, warningScope, { now }),
  ]);
  const categoryNames = Object.fromEntries(FORECAST_CATEGORIES.map((category) => [category, forecastCategoryName(category, locale)])) as Record<ForecastCategory, string>;
  const ruleNames = Object.fromEntries(WARNING_RULE_KEYS.map((rule) => [rule, WARNING_RULE_NAMES[rule][locale]]));
  const money = (amount: string) => formatMoney(amount, forecast.currency, locale);
  const percent = (value: number | null) => (value === null ? t.noQuota : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value));
  const year = now.getUTCFullYear();
  const query = (changes: Record<string, string>) => `/dashboard?${new URLSearchParams({ period, by: first, then: second ?? "", warnings: warningScope, ...changes })}`;
  // A manager sets quotas for their teams and members but not their own; an admin for anyone; a rep for no one.
  const editable = ctx.role === "REP" ? [] : quotas
    .filter((row) => ctx.role === "ADMIN" || !(row.subjectType === "USER" && row.subjectId === ctx.userId))
    .map((row) => ({ subjectType: row.subjectType, subjectId: row.subjectId, name: row.subjectName, quota: row.quota }));
  const presets = [
    { label: t.thisMonth, period: now.toISOString().slice(0, 7) },
    { label: t.thisQuarter, period: currentQuarter(now) },
    { label: t.thisYear, period: String(year) },
  ];

  return (
    <div className="mx-auto max-w-6xl space-y-6 print:max-w-none">
      <PageHeader
        title={t.title}
        description={t.description.replace("{scope}", t.scopes[scope])}
        actions={<><SubmitForecastButton period={period} currency={forecast.currency} /><PrintButton label={t.print} /></>}
      />
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t.period}>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.period}</span>
          <input name="period" defaultValue={period} placeholder={t.periodHint} className="h-9 w-32 rounded-md border border-border bg-surface px-2" />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.groupBy}</span>
          <select name="by" defaultValue={first} className="h-9 rounded-md border border-border bg-surface px-2">
            {FORECAST_DIMENSIONS.map((dimension) => <option key={dimension} value={dimension}>{t.dimensions[dimension]}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t.then}</span>
          <select name="then" defaultValue={second ?? ""} className="h-9 rounded-md border border-border bg-surface px-2">
            <option value="">{t.noSecond}</option>
            {FORECAST_DIMENSIONS.map((dimension) => <option key={dimension} value={dimension}>{t.dimensions[dimension]}</option>)}
          </select>
        </label>
        <button type="submit" className="h-9 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground">{t.apply}</button>
        <nav aria-label={t.reports} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {presets.map((preset) => (
            <Link key={preset.period} className="text-primary hover:underline" href={query({ period: preset.period })}>{preset.label}</Link>
          ))}
          <Link className="text-primary hover:underline" href={`/reports?period=${period}`}>{m.reports.openReports}</Link>
        </nav>
      </form>

      <Card>
        <CardHeader title={t.forecastTitle.replace("{from}", forecast.from).replace("{to}", forecast.to)} description={period} />
        <CardBody><ForecastTable forecast={forecast} categoryNames={categoryNames} /></CardBody>
      </Card>

      <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2">
        <Card>
          <CardHeader title={t.categoriesTitle} />
          <CardBody>
            <LazyForecastChart valueLabel={t.weighted} bars={forecast.categories.map((entry) => ({ label: categoryNames[entry.category], value: Number(entry.weightedAmount) }))} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t.stagesTitle} />
          <CardBody>
            <LazyForecastChart valueLabel={t.amount} bars={byStage.rows.map((row) => ({ label: row.label, short: row.key, value: Number(row.amount) }))} />
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader
          title={t.quotasTitle}
          actions={<CsvButton filename={`quotas-${period}.csv`} headers={[t.subject, t.quota, t.won, t.weightedOpen, t.attainment, t.coverage]}
            rows={quotas.map((row) => [row.subjectName, row.quota, row.won, row.weightedOpen, row.attainment, row.coverage])} />}
        />
        <CardBody>
          <Table>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t.subject}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.quota}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.won}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.weightedOpen}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.attainment}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.coverage}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {quotas.map((row) => (
                <TableRow key={`${row.subjectType}:${row.subjectId}`}>
                  <TableCell className={row.subjectType === "TEAM" ? "font-semibold" : undefined}>{row.subjectName}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.quota === null ? t.noQuota : money(row.quota)}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(row.won)}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(row.weightedOpen)}</TableCell>
                  <TableCell className="text-right tabular-nums">{percent(row.attainment)}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.coverage === null ? t.noQuota : `${row.coverage.toFixed(2)}×`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {editable.length ? <div className="mt-4"><QuotaEditor key={period} subjects={editable} period={period} /></div> : null}
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title={t.warningsTitle}
          description={interpolate(t.warningsCount, { count: warnings.length })}
          actions={warningScopes.length > 1 ? (
            <nav aria-label={t.warningsScope} className="flex gap-1 rounded-md bg-muted p-1 text-sm print:hidden">
              {warningScopes.map((option) => (
                <Link
                  key={option} href={query({ warnings: option })} aria-current={option === warningScope ? "page" : undefined}
                  className={option === warningScope ? "rounded bg-surface px-3 py-1 font-medium shadow-xs" : "rounded px-3 py-1 text-muted-foreground hover:text-foreground"}
                >
                  {t.warningScopes[option]}
                </Link>
              ))}
            </nav>
          ) : undefined}
        />
        <CardBody>
          <WarningList
            filename={`warnings-${warningScope}.csv`} ruleNames={ruleNames}
            warnings={warnings.slice(0, MAX_WARNINGS).map((warning) => ({
              opportunityId: warning.opportunityId, opportunityName: warning.opportunityName, ownerId: warning.ownerId, ownerName: warning.ownerName,
              stage: warning.stage, rule: warning.rule, severity: warning.severity, message: warning.message,
            }))}
          />
        </CardBody>
      </Card>
    </div>
  );
}
