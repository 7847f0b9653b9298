import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { stageName, type StageTable } from "@/lib/domain/stages";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { Messages } from "@/messages/en";
import { StageBadge } from "./stage-badge";

type OpportunityTableProps = {
  rows: OpportunityOutput[];
  stageTable: StageTable;
  locale: Locale;
  m: Messages;
  /** Hide the account column (e.g. on an account's own page). */
  isAccountHidden?: boolean;
};

export function OpportunityTable({ rows, stageTable, locale, m, isAccountHidden = false }: OpportunityTableProps) {
  const columns = m.opportunities.columns;
  return (
    <Table>
      <caption className="sr-only">{m.opportunities.tableCaption}</caption>
      <TableHead>
        <tr>
          <TableHeaderCell>{columns.name}</TableHeaderCell>
          {isAccountHidden ? null : <TableHeaderCell className="hidden xl:table-cell">{columns.account}</TableHeaderCell>}
          <TableHeaderCell>{columns.owner}</TableHeaderCell>
          <TableHeaderCell>{columns.stage}</TableHeaderCell>
          <TableHeaderCell className="text-right">{columns.amount}</TableHeaderCell>
          <TableHeaderCell className="text-right">{columns.weighted}</TableHeaderCell>
          <TableHeaderCell>{columns.closeDate}</TableHeaderCell>
          <TableHeaderCell className="hidden xl:table-cell">{columns.updated}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="min-w-48 max-w-72">
              <Link
                href={`/opportunities/${row.id}`}
                prefetch={false} // a page of rows would each prefetch their deal page
                className="font-medium text-foreground hover:text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring rounded-sm"
              >
                {row.name}
              </Link>
              {/* Narrower screens drop the account column; the account rides along under the name. */}
              <div className="mt-0.5 truncate text-xs text-muted-foreground">
                {isAccountHidden ? null : <span className="xl:hidden">{row.accountName}{row.productLine ? " · " : ""}</span>}
                {row.productLine}
              </div>
            </TableCell>
            {isAccountHidden ? null : (
              <TableCell className="hidden xl:table-cell">
                <Link
                  href={`/accounts/${row.accountId}`}
                  title={row.accountName}
                  className="block max-w-40 truncate text-muted-foreground hover:text-primary hover:underline"
                >
                  {row.accountName}
                </Link>
              </TableCell>
            )}
            <TableCell className="whitespace-nowrap text-muted-foreground">{row.ownerName}</TableCell>
            <TableCell>
              <StageBadge stage={row.stage} label={stageName(row.stage, locale, stageTable)} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">{formatMoney(row.amount, row.currency, locale)}</TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums text-muted-foreground">
              {formatMoney(row.weightedAmount, row.currency, locale)}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">{formatDate(row.expectedCloseDate, locale)}</TableCell>
            <TableCell className="hidden whitespace-nowrap tabular-nums text-muted-foreground xl:table-cell">{formatDate(row.updatedAt, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
