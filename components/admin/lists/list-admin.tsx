"use client";

import { useMutation } from "@tanstack/react-query";
import { ListPlus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableHeaderCell } from "@/components/ui/table";
import { ORG_LIST_KEYS } from "@/lib/domain/org-lists";
import { adminFailureText } from "../failure";
import { ListItemAddForm } from "./list-item-add-form";
import { ListItemRow } from "./list-item-row";
import type { AdminListItem, ListActions, OrgListKey } from "./types";

type ListAdminProps = { list: OrgListKey; items: AdminListItem[]; counts: Record<OrgListKey, number>; actions: ListActions; nav: ReactNode };

type Notice = { tone: "success" | "danger"; text: string } | null;

/** /admin/lists: one list at a time — reorder, relabel, deactivate, add. */
export function ListAdmin({ list, items, counts, actions, nav }: ListAdminProps) {
  const { m } = useI18n();
  const t = m.admin.lists;
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const done = (text: string) => {
    setNotice({ tone: "success", text });
    router.refresh();
  };
  const fail = (text: string) => setNotice({ tone: "danger", text });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => actions.reorder({ list, ids }),
    onSuccess: (result) => (result.ok ? router.refresh() : fail(adminFailureText(result, m))),
    onError: () => fail(m.common.unknownError),
  });
  const move = (index: number, direction: -1 | 1) => {
    const ids = items.map((item) => item.id);
    [ids[index], ids[index + direction]] = [ids[index + direction], ids[index]];
    setNotice(null);
    reorder.mutate(ids);
  };

  return (
    <>
      <PageHeader eyebrow={m.admin.title} title={t.title} description={t.description} />
      {nav}
      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label={t.title}>
          <ul className="flex gap-1 overflow-x-auto lg:flex-col">
            {ORG_LIST_KEYS.map((key) => (
              <li key={key}>
                <Link
                  href={`/admin/lists?list=${key}`}
                  aria-current={key === list ? "page" : undefined}
                  className={cn(
                    "flex items-center justify-between gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors",
                    "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    key === list ? "bg-primary-soft text-primary" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                  )}
                >
                  {t.names[key]}
                  <span className="text-xs tabular-nums text-subtle-foreground">{counts[key]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-4">
          {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
          <Card aria-label={t.names[list]}>
            {items.length === 0 ? (
              <EmptyState icon={ListPlus} title={t.empty} description={t.emptyBody} />
            ) : (
              <Table>
                <caption className="sr-only">{t.names[list]}</caption>
                <TableHead>
                  <tr>
                    <TableHeaderCell>{t.order}</TableHeaderCell>
                    <TableHeaderCell>{t.key}</TableHeaderCell>
                    <TableHeaderCell>{t.labelEn}</TableHeaderCell>
                    <TableHeaderCell>{t.labelZh}</TableHeaderCell>
                    <TableHeaderCell>{t.status}</TableHeaderCell>
                    <TableHeaderCell className="text-right">
                      <span className="sr-only">{m.admin.actions}</span>
                    </TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {items.map((item, index) => (
                    <ListItemRow
                      key={item.id}
                      item={item}
                      isFirst={index === 0}
                      isLast={index === items.length - 1}
                      isBusy={reorder.isPending}
                      onMove={(direction) => move(index, direction)}
                      onSaved={done}
                      onFailure={fail}
                      update={actions.update}
                    />
                  ))}
                </TableBody>
              </Table>
            )}
            <CardBody className="border-t border-border bg-muted/30">
              <ListItemAddForm key={list} list={list} create={actions.create} onAdded={done} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
