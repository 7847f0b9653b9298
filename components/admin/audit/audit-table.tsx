import { ArrowRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { type AuditChange, diffAuditValues } from "@/lib/domain/audit-diff";
import type { Messages } from "@/messages/en";

export type AuditRow = {
  id: string;
  atLabel: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** The trail, newest first; each entry's before/after shown as the fields that changed. Read-only. */
export function AuditTable({ rows, m }: { rows: AuditRow[]; m: Messages }) {
  const t = m.admin.audit;
  return (
    <Table>
      <caption className="sr-only">{t.title}</caption>
      <TableHead>
        <tr>
          <TableHeaderCell>{t.when}</TableHeaderCell>
          <TableHeaderCell>{t.actor}</TableHeaderCell>
          <TableHeaderCell>{t.action}</TableHeaderCell>
          <TableHeaderCell>{t.entity}</TableHeaderCell>
          <TableHeaderCell>{t.changes}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} className="align-top">
            <TableCell className="whitespace-nowrap align-top text-muted-foreground">{row.atLabel}</TableCell>
            <TableCell className="whitespace-nowrap align-top">{row.actorName ?? <span className="text-muted-foreground">{t.system}</span>}</TableCell>
            <TableCell className="align-top">
              <Badge tone="primary" className="font-mono">
                {row.action}
              </Badge>
            </TableCell>
            <TableCell className="align-top">
              <div className="text-sm">{row.entityType}</div>
              <div className="font-mono text-xs text-muted-foreground" title={row.entityId}>
                {row.entityId.length > 13 ? `${row.entityId.slice(0, 8)}…` : row.entityId}
              </div>
            </TableCell>
            <TableCell className="min-w-72 align-top">
              <ChangeList changes={diffAuditValues(row.before, row.after)} isCreation={row.before === null} m={m} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ChangeList({ changes, isCreation, m }: { changes: AuditChange[]; isCreation: boolean; m: Messages }) {
  const t = m.admin.audit;
  if (changes.length === 0) return <span className="text-muted-foreground">{t.noChange}</span>;
  return (
    <dl className="space-y-1 text-xs">
      {changes.map((change) => (
        <div key={change.field} className="flex flex-wrap items-baseline gap-x-1.5">
          {change.field ? <dt className="font-medium text-foreground">{change.field}:</dt> : null}
          <dd className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
            {isCreation ? null : (
              <>
                <del className="break-all rounded bg-rose-50 px-1 text-rose-800 decoration-rose-400">{change.before ?? m.common.none}</del>
                <ArrowRight className="size-3 shrink-0 self-center text-muted-foreground" aria-hidden="true" />
              </>
            )}
            <ins className="break-all rounded bg-emerald-50 px-1 text-emerald-800 no-underline">{change.after ?? m.common.none}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
