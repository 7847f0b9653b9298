"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ForecastCategory } from "@/lib/domain/forecast";
import { formatMoney } from "@/lib/i18n/format";
import type { ForecastDeal, ForecastOutput } from "@/lib/validations/forecast";
import { CsvButton } from "./csv-button";

type Drill = { label: string; deals: ForecastDeal[]; truncated: boolean } | null;

/** The forecast rows with the total; a row opens the deals that make it up (GET /api/v1/forecast/deals). */
export function ForecastTable({ forecast, categoryNames }: { forecast: ForecastOutput; categoryNames: Record<ForecastCategory, string> }) {
  const { m, locale } = useI18n();
  const t = m.forecast;
  const [drill, setDrill] = useState<Drill>(null);
  const [loadingKey, setLoadingKey] = useState<string | null>(null);
  const money = (amount: string) => formatMoney(amount, forecast.currency, locale);
  const heading = forecast.groupBy.map((dimension) => t.dimensions[dimension]).join(" × ") || t.group;

  const open = async (key: string, label: string) => {
    setLoadingKey(key);
    const params = new URLSearchParams({ from: forecast.from, to: forecast.to });
    if (forecast.groupBy.length) {
      params.set("groupBy", forecast.groupBy.join(","));
      params.set("key", key);
    }
    try {
      const response = await fetch(`/api/v1/forecast/deals?${params}`);
      if (response.ok) {
        const body = (await response.json()) as { data: ForecastDeal[]; truncated: boolean };
        setDrill({ label, deals: body.data, truncated: body.truncated });
      }
    } finally {
      setLoadingKey(null);
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground print:hidden">{t.drillHint}</p>
        <CsvButton
          filename={`forecast-${forecast.from}-${forecast.to}.csv`}
          headers={[...forecast.groupBy.map((dimension) => t.dimensions[dimension]), t.count, t.amount, t.weighted]}
          rows={[
            ...forecast.rows.map((row) => [...row.labels, row.count, row.amount, row.weightedAmount]),
            [...forecast.groupBy.map((_, index) => (index === 0 ? t.total : "")), forecast.total.count, forecast.total.amount, forecast.total.weightedAmount],
          ]}
        />
      </div>
      <Table>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{heading}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t.count}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t.amount}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t.weighted}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {forecast.rows.length === 0 ? (
            <TableRow><TableCell colSpan={4} className="text-muted-foreground">{t.noRows}</TableCell></TableRow>
          ) : forecast.rows.map((row) => (
            <TableRow key={row.key} data-testid="forecast-row">
              <TableCell>
                <button
                  type="button"
                  className="text-left font-medium text-primary hover:underline disabled:opacity-60"
                  disabled={loadingKey === row.key}
                  onClick={() => open(row.key, row.label)}
                >
                  {row.label}
                </button>
              </TableCell>
              <TableCell className="text-right tabular-nums">{row.count}</TableCell>
              <TableCell className="text-right tabular-nums">{money(row.amount)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(row.weightedAmount)}</TableCell>
            </TableRow>
          ))}
          <TableRow className="font-semibold">
            <TableCell>{t.total}</TableCell>
            <TableCell className="text-right tabular-nums">{forecast.total.count}</TableCell>
            <TableCell className="text-right tabular-nums">{money(forecast.total.amount)}</TableCell>
            <TableCell className="text-right tabular-nums" data-testid="forecast-total-weighted">{money(forecast.total.weightedAmount)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {drill ? (
        <section aria-label={t.drillTitle.replace("{label}", drill.label)} className="rounded-md border border-border p-3" data-testid="forecast-drill">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h3 className="text-sm font-semibold">{t.drillTitle.replace("{label}", drill.label)}</h3>
            <div className="flex gap-2">
              <CsvButton
                filename="forecast-deals.csv"
                headers={[t.deal, t.account, t.dimensions.owner, t.stage, t.category, t.closeDate, t.amount, t.weighted]}
                rows={drill.deals.map((deal) => [deal.name, deal.accountName, deal.ownerName, deal.stage, deal.category, deal.expectedCloseDate, deal.amount, deal.weightedAmount])}
              />
              <Button type="button" variant="ghost" size="sm" onClick={() => setDrill(null)}>{t.close}</Button>
            </div>
          </div>
          {drill.truncated ? <p className="text-xs text-muted-foreground">{t.drillTruncated}</p> : null}
          <Table>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t.deal}</TableHeaderCell>
                <TableHeaderCell>{t.account}</TableHeaderCell>
                <TableHeaderCell>{t.stage}</TableHeaderCell>
                <TableHeaderCell>{t.category}</TableHeaderCell>
                <TableHeaderCell>{t.closeDate}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.amount}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t.weighted}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {drill.deals.map((deal) => (
                <TableRow key={deal.id}>
                  <TableCell><a className="text-primary hover:underline" href={`/opportunities/${deal.id}`}>{deal.name}</a></TableCell>
                  <TableCell>{deal.accountName}</TableCell>
                  <TableCell>{deal.stage}</TableCell>
                  <TableCell>{categoryNames[deal.category]}</TableCell>
                  <TableCell>{deal.expectedCloseDate}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(deal.amount)}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(deal.weightedAmount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
