import { Star } from "lucide-react";
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { AccountOutput } from "@/lib/validations/account";
import type { Messages } from "@/messages/en";

export type AccountRow = AccountOutput & { ownerName: string | null; contactCount: number; opportunityCount: number };

export function AccountTable({ rows, m }: { rows: AccountRow[]; m: Messages }) {
  const columns = m.accounts.columns;
  const none = m.common.none;
  return (
    <Table>
      <caption className="sr-only">{m.accounts.tableCaption}</caption>
      <TableHead>
        <tr>
          <TableHeaderCell>{columns.name}</TableHeaderCell>
          <TableHeaderCell>{columns.industry}</TableHeaderCell>
          <TableHeaderCell>{columns.segment}</TableHeaderCell>
          <TableHeaderCell>{columns.region}</TableHeaderCell>
          <TableHeaderCell>{columns.owner}</TableHeaderCell>
          <TableHeaderCell className="text-right">{columns.contacts}</TableHeaderCell>
          <TableHeaderCell className="text-right">{columns.opportunities}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="min-w-56">
              <div className="flex items-center gap-2">
                <Link href={`/accounts/${row.id}`} className="font-medium text-foreground hover:text-primary hover:underline">
                  {row.name}
                </Link>
                {row.isKeyAccount ? (
                  <span title={m.accounts.keyAccount} className="inline-flex text-amber-500">
                    <Star className="size-3.5 fill-current" aria-hidden="true" />
                    <span className="sr-only">{m.accounts.keyAccount}</span>
                  </span>
                ) : null}
              </div>
            </TableCell>
            <TableCell className="text-muted-foreground">{row.industry ?? none}</TableCell>
            <TableCell className="text-muted-foreground">{row.segment ?? none}</TableCell>
            <TableCell className="text-muted-foreground">{row.region ?? none}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{row.ownerName ?? none}</TableCell>
            <TableCell className="text-right tabular-nums">{row.contactCount}</TableCell>
            <TableCell className="text-right tabular-nums">{row.opportunityCount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
