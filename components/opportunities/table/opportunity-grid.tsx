"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { daysInStage, isStalled, stageName, type StageTable } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { formatDate, formatMoney, formatPercent } from "@/lib/i18n/format";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { SortDirection, TableSortKey } from "@/lib/validations/opportunity-table";
import { StageBadge } from "../stage-badge";
import { SortableHeader } from "./sortable-header";
import { COLUMN_SORT_KEYS, type TableColumnKey } from "./table-columns";

type OpportunityGridProps = {
  rows: OpportunityOutput[];
  columns: readonly TableColumnKey[];
  labels: Record<TableColumnKey, string>;
  stageTable: StageTable;
  /** The server's "now" of this render, so days in stage and stalled marks match the filter. */
  now: string;
  sort: TableSortKey;
  dir: SortDirection;
  sortHrefs: Record<TableSortKey, string>;
  selectedIds: ReadonlySet<string>;
  onSelect: (ids: string[], isSelected: boolean) => void;
};

const NUMERIC_COLUMNS: readonly TableColumnKey[] = ["probability", "daysInStage", "amount", "weighted"];

/** The table itself: a checkbox per row and a select-all for the page, sortable headers, chosen columns. */
export function OpportunityGrid(props: OpportunityGridProps) {
  const { rows, columns, labels, stageTable, now, sort, dir, sortHrefs, selectedIds, onSelect } = props;
  const { locale, m } = useI18n();
  const t = m.opportunityTable;
  const selectAllRef = useRef<HTMLInputElement>(null);
  const selectedOnPage = rows.filter((row) => selectedIds.has(row.id)).length;
  const isAllSelected = rows.length > 0 && selectedOnPage === rows.length;

  useEffect(() => {
    // "Some selected" has no HTML attribute: it is the checkbox's indeterminate property.
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedOnPage > 0 && !isAllSelected;
  }, [selectedOnPage, isAllSelected]);

  const header = (key: TableColumnKey) => {
    const sortKey = COLUMN_SORT_KEYS[key];
    const isNumeric = NUMERIC_COLUMNS.includes(key);
    if (!sortKey) {
      return <TableHeaderCell key={key} className={cn(isNumeric && "text-right")}>{labels[key]}</TableHeaderCell>;
    }
    return (
      <SortableHeader key={key} label={labels[key]} href={sortHrefs[sortKey]} sortedDir={sort === sortKey ? dir : null} isNumeric={isNumeric} />
    );
  };

  const cell = (key: TableColumnKey, row: OpportunityOutput) => {
    switch (key) {
      case "account":
        return (
          <TableCell key={key}>
            <Link href={`/accounts/${row.accountId}`} title={row.accountName} className="block max-w-48 truncate text-muted-foreground hover:text-primary hover:underline">
              {row.accountName}
            </Link>
          </TableCell>
        );
      case "owner":
        return <TableCell key={key} className="whitespace-nowrap text-muted-foreground">{row.ownerName}</TableCell>;
      case "productLine":
        return <TableCell key={key} className="whitespace-nowrap text-muted-foreground">{row.productLine ?? m.common.none}</TableCell>;
      case "stage":
        return (
          <TableCell key={key}>
            <StageBadge stage={row.stage} label={stageName(row.stage, locale, stageTable)} />
          </TableCell>
        );
      case "probability":
        return <TableCell key={key} className="text-right tabular-nums text-muted-foreground">{formatPercent(row.probability, locale)}</TableCell>;
      case "daysInStage": {
        const entered = new Date(row.stageEnteredAt);
        const days = daysInStage(entered, new Date(now));
        const max = stageTable[row.stage].maxDaysInStage;
        return (
          <TableCell key={key} className="whitespace-nowrap text-right tabular-nums">
            {isStalled(row.stage, entered, new Date(now), stageTable) ? (
              <Badge tone="amber" className="mr-2" title={interpolate(t.stalledHint, { days, max: max ?? 0 })}>
                {t.stalled}
              </Badge>
            ) : null}
            {interpolate(t.daysInStage, { days })}
          </TableCell>
        );
      }
      case "amount":
        return <TableCell key={key} className="whitespace-nowrap text-right tabular-nums">{formatMoney(row.amount, row.currency, locale)}</TableCell>;
      case "weighted":
        return (
          <TableCell key={key} className="whitespace-nowrap text-right tabular-nums text-muted-foreground">
            {formatMoney(row.weightedAmount, row.currency, locale)}
          </TableCell>
        );
      case "closeDate":
        return <TableCell key={key} className="whitespace-nowrap tabular-nums">{formatDate(row.expectedCloseDate, locale)}</TableCell>;
      case "updated":
        return <TableCell key={key} className="whitespace-nowrap tabular-nums text-muted-foreground">{formatDate(row.updatedAt, locale)}</TableCell>;
    }
  };

  return (
    <Table>
      <caption className="sr-only">{m.opportunities.tableCaption}</caption>
      <TableHead>
        <tr>
          <TableHeaderCell className="w-10 pr-0">
            <Checkbox
              ref={selectAllRef}
              aria-label={t.selectAll}
              checked={isAllSelected}
              onChange={(event) => onSelect(rows.map((row) => row.id), event.target.checked)}
            />
          </TableHeaderCell>
          <SortableHeader label={m.opportunities.columns.name} href={sortHrefs.name} sortedDir={sort === "name" ? dir : null} />
          {columns.map(header)}
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const isSelected = selectedIds.has(row.id);
          return (
            <TableRow key={row.id} data-state={isSelected ? "selected" : undefined} className={cn(isSelected && "bg-primary/5 hover:bg-primary/10")}>
              <TableCell className="w-10 pr-0">
                <Checkbox
                  aria-label={interpolate(t.selectRow, { name: row.name })}
                  checked={isSelected}
                  onChange={(event) => onSelect([row.id], event.target.checked)}
                />
              </TableCell>
              <TableCell className="min-w-48 max-w-80">
                <Link
                  href={`/opportunities/${row.id}`}
                  prefetch={false} // a page of rows would each prefetch their deal page
                  className="rounded-sm font-medium text-foreground hover:text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {row.name}
                </Link>
              </TableCell>
              {columns.map((key) => cell(key, row))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
