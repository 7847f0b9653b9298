import { CsvButton } from "@/components/forecast/csv-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CsvValue } from "@/lib/csv";

export type ReportColumn = { label: string; numeric?: boolean };
export type ReportRow = { key: string; cells: string[]; csv: CsvValue[] };

type ReportTableProps = {
  title: string;
  note?: string;
  filename: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** A bold last row (totals), exported too. */
  footer?: ReportRow;
  empty: string;
};

/** One table of a report page: a card that prints on its own (no break inside) and exports as CSV. */
export function ReportTable({ title, note, filename, columns, rows, footer, empty }: ReportTableProps) {
  const all = footer ? [...rows, footer] : rows;
  return (
    <Card className="break-inside-avoid">
      <CardHeader
        title={title}
        description={note}
        actions={<CsvButton filename={filename} headers={columns.map((column) => column.label)} rows={all.map((row) => row.csv)} />}
      />
      <CardBody>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <Table>
            <TableHead>
              <TableRow>
                {columns.map((column) => (
                  <TableHeaderCell key={column.label} className={column.numeric ? "text-right" : undefined}>{column.label}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {all.map((row) => (
                <TableRow key={row.key} className={row === footer ? "font-semibold" : undefined}>
                  {row.cells.map((cell, index) => (
                    <TableCell key={columns[index]?.label ?? index} className={columns[index]?.numeric ? "text-right tabular-nums" : undefined}>{cell}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}
