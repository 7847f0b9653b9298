"use client";

import { useMutation } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { localizeFieldMessage } from "@/components/forms/localize";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { StageKey } from "@/lib/domain/stages";
import { formatDateTime } from "@/lib/i18n/format";
import type { ApprovalOutput } from "@/lib/validations/gates";

type Decide = (id: string, input: unknown) => Promise<ActionResult<{ id: string; status: string }>>;
type ApprovalInboxProps = { approvals: ApprovalOutput[]; stageNames: Record<StageKey, string>; decide: Decide };

export function ApprovalInbox({ approvals, stageNames, decide }: ApprovalInboxProps) {
  const { m } = useI18n();
  const t = m.gatesUi.approvals;
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {notice ? <Alert tone="success" className="mb-4">{notice}</Alert> : null}
      <Card aria-label={t.title}>
        {approvals.length === 0 ? (
          <EmptyState icon={Inbox} title={t.empty} />
        ) : (
          <Table>
            <caption className="sr-only">{t.title}</caption>
            <TableHead>
              <tr>
                <TableHeaderCell>{t.deal}</TableHeaderCell>
                <TableHeaderCell>{t.move}</TableHeaderCell>
                <TableHeaderCell>{t.requestedBy}</TableHeaderCell>
                <TableHeaderCell>{t.note}</TableHeaderCell>
                <TableHeaderCell>{t.comment}</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {approvals.map((approval) => (
                <ApprovalRow key={approval.id} approval={approval} stageNames={stageNames} decide={decide} onDecided={() => setNotice(t.decided)} />
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}

type RowProps = { approval: ApprovalOutput; stageNames: Record<StageKey, string>; decide: Decide; onDecided: () => void };

function ApprovalRow({ approval, stageNames, decide, onDecided }: RowProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.approvals;
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (approve: boolean) => decide(approval.id, { approve, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: (result) => {
      if (result.ok) {
        onDecided();
        router.refresh();
      } else {
        setError(result.fieldErrors.length ? localizeFieldMessage(result.fieldErrors[0].message, m) : result.message);
      }
    },
    onError: () => setError(m.common.unknownError),
  });
  return (
    <TableRow>
      <TableCell>
        <Link href={`/opportunities/${approval.opportunityId}`} className="font-medium text-primary hover:underline">
          {approval.opportunityName}
        </Link>
      </TableCell>
      <TableCell className="whitespace-nowrap">
        {approval.fromStage} → {approval.toStage} · {stageNames[approval.toStage]}
      </TableCell>
      <TableCell>
        <div>{approval.requestedBy.name}</div>
        <div className="text-xs text-muted-foreground">{formatDateTime(approval.createdAt, locale)}</div>
      </TableCell>
      <TableCell className="max-w-64 text-sm">{approval.note ?? "—"}</TableCell>
      <TableCell className="min-w-72">
        {approval.canDecide ? (
          <div className="space-y-2">
            <Input aria-label={t.comment} placeholder={t.comment} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={1000} />
            <div className="flex gap-2">
              <Button size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate(true)}>
                {t.approve}
              </Button>
              <Button size="sm" variant="secondary" disabled={mutation.isPending} onClick={() => mutation.mutate(false)}>
                {t.reject}
              </Button>
            </div>
            {error ? <p role="alert" className="text-xs font-medium text-danger">{error}</p> : null}
          </div>
        ) : (
          <span className="text-xs text-muted-foreground">{t.ownRequest}</span>
        )}
      </TableCell>
    </TableRow>
  );
}
