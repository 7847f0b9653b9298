"use client";

import { useMutation } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { interpolate } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { RecycleBinItem } from "@/lib/validations/recycle-bin";
import { apiRequest } from "./api-request";

type Action = { item: RecycleBinItem; kind: "restore" | "purge" };

export function RecycleBinList({ items, isAdmin }: { items: RecycleBinItem[]; isAdmin: boolean }) {
  const { m, locale } = useI18n();
  const t = m.trust.recycleBin;
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ item, kind }: Action) => apiRequest(
      kind === "restore" ? `/api/v1/recycle-bin/${item.type}/${item.id}/restore` : `/api/v1/recycle-bin/${item.type}/${item.id}`,
      { method: kind === "restore" ? "POST" : "DELETE" },
    ),
    onSuccess: (_data, { item, kind }) => {
      setNotice({ tone: "success", text: interpolate(kind === "restore" ? t.restored : t.purged, { name: item.name }) });
      router.refresh();
    },
    onError: (error) => setNotice({ tone: "danger", text: error.message }),
  });
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {notice ? <Alert tone={notice.tone} className="mb-4">{notice.text}</Alert> : null}
      <Card aria-label={t.title}>
        {items.length === 0 ? (
          <EmptyState icon={Trash2} title={t.empty} />
        ) : (
          <Table>
            <caption className="sr-only">{t.title}</caption>
            <TableHead>
              <tr>
                <TableHeaderCell>{t.type}</TableHeaderCell>
                <TableHeaderCell>{t.name}</TableHeaderCell>
                <TableHeaderCell>{t.account}</TableHeaderCell>
                <TableHeaderCell>{t.deletedAt}</TableHeaderCell>
                <TableHeaderCell>{t.purgeAt}</TableHeaderCell>
                <TableHeaderCell><span className="sr-only">{t.restore}</span></TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={`${item.type}-${item.id}`}>
                  <TableCell>{t.types[item.type]}</TableCell>
                  <TableCell className="font-medium">{item.name}</TableCell>
                  <TableCell>{item.accountName ?? "—"}</TableCell>
                  <TableCell>{formatDateTime(item.deletedAt, locale)}</TableCell>
                  <TableCell>{formatDateTime(item.purgeAt, locale)}</TableCell>
                  <TableCell className="text-right">
                    <div className="flex justify-end gap-2">
                      <Button size="sm" variant="secondary" disabled={mutation.isPending} onClick={() => mutation.mutate({ item, kind: "restore" })}>
                        {t.restore}
                      </Button>
                      {isAdmin ? (
                        <Button
                          size="sm" variant="danger" disabled={mutation.isPending}
                          onClick={() => {
                            if (window.confirm(interpolate(t.purgeConfirm, { name: item.name }))) mutation.mutate({ item, kind: "purge" });
                          }}
                        >
                          {t.purge}
                        </Button>
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
