"use client";

import { Download } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionFailure, ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { StageKey, StageTable } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { BulkStageMoveResult, SortDirection, TableSortKey } from "@/lib/validations/opportunity-table";
import { BulkMoveBar, type BulkMoveRequest } from "./bulk-move-bar";
import { type BulkOutcome, BulkMoveResults } from "./bulk-move-results";
import { ColumnChooser } from "./column-chooser";
import { OpportunityGrid } from "./opportunity-grid";
import { PageSizeSelect } from "./page-size-select";
import { type TableColumnKey, useTableColumns } from "./table-columns";

export type BulkMoveAction = (input: unknown) => Promise<ActionResult<Omit<BulkStageMoveResult, "opportunity">[]>>;

type OpportunityTableViewProps = {
  rows: OpportunityOutput[];
  stageTable: StageTable;
  now: string;
  sort: TableSortKey;
  dir: SortDirection;
  sortHrefs: Record<TableSortKey, string>;
  pageSize: number;
  /** The CSV export of the whole filtered set, in this order. */
  exportHref: string;
  total: number;
  moveAction: BulkMoveAction;
};

/**
 * The table view's interactive part: row selection, the bulk stage move with its per-row results, the
 * column chooser and rows per page. Sorting, filters and pages are links and URL changes; the rows come
 * from the server.
 */
export function OpportunityTableView(props: OpportunityTableViewProps) {
  const { rows, stageTable, now, sort, dir, sortHrefs, pageSize, exportHref, total, moveAction } = props;
  const { m } = useI18n();
  const router = useRouter();
  const { columns, setColumns } = useTableColumns();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<{ to: StageKey; outcomes: BulkOutcome[] } | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [isPending, startTransition] = useTransition();
  // Only rows on this page can be moved: their versions are the ones the user is looking at.
  const selectedRows = rows.filter((row) => selectedIds.has(row.id));

  const select = (ids: string[], isSelected: boolean) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  const move = (request: BulkMoveRequest) => {
    const names = new Map(selectedRows.map((row) => [row.id, row.name]));
    const items = selectedRows.map((row) => ({ id: row.id, version: row.version }));
    startTransition(async () => {
      const result = await moveAction({ items, ...request });
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setFailure(null);
      setResults({ to: request.to, outcomes: result.data.map((outcome) => ({ ...outcome, name: names.get(outcome.id) ?? outcome.id })) });
      // Refused rows stay selected, so they can be retried once reloaded with their current versions.
      setSelectedIds(new Set(result.data.filter((outcome) => outcome.status === "refused").map((outcome) => outcome.id)));
      router.refresh();
    });
  };

  const columnLabels: Record<TableColumnKey, string> = {
    account: m.opportunities.columns.account,
    owner: m.opportunities.columns.owner,
    productLine: m.opportunityTable.columns.productLine,
    stage: m.opportunities.columns.stage,
    probability: m.opportunityTable.columns.probability,
    daysInStage: m.opportunityTable.columns.daysInStage,
    amount: m.opportunities.columns.amount,
    weighted: m.opportunities.columns.weighted,
    closeDate: m.opportunities.columns.closeDate,
    updated: m.opportunities.columns.updated,
  };

  return (
    <>
      {selectedRows.length > 0 ? (
        <BulkMoveBar
          count={selectedRows.length}
          stageTable={stageTable}
          isPending={isPending}
          onMove={move}
          onClear={() => setSelectedIds(new Set())}
        />
      ) : null}
      {failure ? (
        <div className="border-b border-border px-4 py-3">
          <FormFailure failure={failure} />
        </div>
      ) : null}
      {results ? (
        <BulkMoveResults to={results.to} outcomes={results.outcomes} stageTable={stageTable} onDismiss={() => setResults(null)} />
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3 border-b border-border px-4 py-2">
        <PageSizeSelect pageSize={pageSize} />
        <ColumnChooser columns={columns} labels={columnLabels} onChange={setColumns} />
        <Button asChild variant="secondary" size="sm">
          {/* A plain download link: the browser streams the file to disk while the server writes it. */}
          <a href={exportHref} download title={interpolate(m.opportunityTable.export.hint, { count: total })}>
            <Download aria-hidden="true" />
            {m.opportunityTable.export.button}
          </a>
        </Button>
      </div>
      <OpportunityGrid
        rows={rows}
        columns={columns}
        labels={columnLabels}
        stageTable={stageTable}
        now={now}
        sort={sort}
        dir={dir}
        sortHrefs={sortHrefs}
        selectedIds={selectedIds}
        onSelect={select}
      />
    </>
  );
}
