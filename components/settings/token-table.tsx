"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure, ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { interpolate } from "@/lib/i18n/config";

/** Dates arrive formatted by the server, so the server render and the browser's hydration agree. */
export type TokenRow = { id: string; name: string; prefix: string; createdLabel: string; lastUsedLabel: string | null };

type TokenTableProps = { tokens: TokenRow[]; revokeToken: (id: string) => Promise<ActionResult> };

export function TokenTable({ tokens, revokeToken }: TokenTableProps) {
  const { m } = useI18n();
  const t = m.settings.tokens;
  return (
    <Table>
      <caption className="sr-only">{t.title}</caption>
      <TableHead>
        <tr>
          <TableHeaderCell>{t.columns.name}</TableHeaderCell>
          <TableHeaderCell>{t.columns.prefix}</TableHeaderCell>
          <TableHeaderCell>{t.columns.created}</TableHeaderCell>
          <TableHeaderCell>{t.columns.lastUsed}</TableHeaderCell>
          <TableHeaderCell className="text-right">
            <span className="sr-only">{t.columns.actions}</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {tokens.map((token) => (
          <TableRow key={token.id}>
            <TableCell className="font-medium">{token.name}</TableCell>
            <TableCell className="font-mono text-xs text-muted-foreground">{token.prefix}…</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{token.createdLabel}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{token.lastUsedLabel ?? t.never}</TableCell>
            <TableCell className="text-right">
              <RevokeButton token={token} revokeToken={revokeToken} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RevokeButton({ token, revokeToken }: { token: TokenRow; revokeToken: TokenTableProps["revokeToken"] }) {
  const { m } = useI18n();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const t = m.settings.tokens;
  const mutation = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: (result) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setIsOpen(false);
      router.refresh();
    },
    onError: () => setFailure({ ok: false, code: "INTERNAL", message: "", fieldErrors: [] }),
  });
  return (
    <ConfirmDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) setFailure(null);
      }}
      trigger={
        <Button variant="ghost" size="sm" className="text-rose-700 hover:bg-rose-50 hover:text-rose-800" aria-label={interpolate(t.revokeNamed, { name: token.name })}>
          {t.revoke}
        </Button>
      }
      title={t.revokeTitle}
      description={interpolate(t.revokeBody, { name: token.name })}
      confirmLabel={mutation.isPending ? t.revoking : t.revokeConfirm}
      cancelLabel={m.common.cancel}
      onConfirm={() => mutation.mutate()}
      isPending={mutation.isPending}
    >
      {failure ? <FormFailure failure={failure} /> : null}
    </ConfirmDialog>
  );
}
