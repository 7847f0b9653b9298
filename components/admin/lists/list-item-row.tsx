"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowDown, ArrowUp } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TableCell, TableRow } from "@/components/ui/table";
import { interpolate } from "@/lib/i18n/config";
import { listItemUpdateSchema } from "@/lib/validations/admin";
import { adminFailureText } from "../failure";
import type { AdminListItem, ListActions } from "./types";

type ListItemRowProps = {
  item: AdminListItem;
  isFirst: boolean;
  isLast: boolean;
  isBusy: boolean;
  onMove: (direction: -1 | 1) => void;
  onSaved: (message: string) => void;
  onFailure: (message: string) => void;
  update: ListActions["update"];
};

/** One item: reorder arrows, key, both labels, state; "Edit" turns the labels into inputs in place. */
export function ListItemRow({ item, isFirst, isLast, isBusy, onMove, onSaved, onFailure, update }: ListItemRowProps) {
  const { m, locale } = useI18n();
  const t = m.admin.lists;
  const [isEditing, setIsEditing] = useState(false);
  const label = locale === "zh-CN" ? item.labelZh : item.labelEn;
  const toggle = useMutation({
    mutationFn: () => update(item.id, { active: !item.active }),
    onSuccess: (result) => (result.ok ? onSaved(interpolate(t.saved, { label })) : onFailure(adminFailureText(result, m))),
    onError: () => onFailure(m.common.unknownError),
  });

  if (isEditing) {
    return <EditRow item={item} onDone={(message) => { setIsEditing(false); onSaved(message); }} onCancel={() => setIsEditing(false)} update={update} />;
  }
  return (
    <TableRow className={item.active ? undefined : "bg-muted/30 text-muted-foreground"}>
      <TableCell className="w-24">
        <div className="flex gap-0.5">
          <Button variant="ghost" size="icon" className="size-7" disabled={isFirst || isBusy} onClick={() => onMove(-1)} aria-label={interpolate(t.moveUp, { label })}>
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button variant="ghost" size="icon" className="size-7" disabled={isLast || isBusy} onClick={() => onMove(1)} aria-label={interpolate(t.moveDown, { label })}>
            <ArrowDown aria-hidden="true" />
          </Button>
        </div>
      </TableCell>
      <TableCell className="max-w-48 break-all font-mono text-xs">{item.key}</TableCell>
      <TableCell lang="en">{item.labelEn}</TableCell>
      <TableCell lang="zh-CN">{item.labelZh}</TableCell>
      <TableCell>
        <Badge tone={item.active ? "success" : "neutral"}>{item.active ? m.admin.active : m.admin.inactive}</Badge>
      </TableCell>
      <TableCell>
        <div className="flex justify-end gap-1 whitespace-nowrap">
          <Button variant="ghost" size="sm" onClick={() => setIsEditing(true)} aria-label={interpolate(t.edit, { label })}>
            {m.common.edit}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
            {item.active ? t.deactivate : t.reactivate}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}

function EditRow({ item, onDone, onCancel, update }: { item: AdminListItem; onDone: (message: string) => void; onCancel: () => void; update: ListActions["update"] }) {
  const { m, locale } = useI18n();
  const t = m.admin.lists;
  const [labelEn, setLabelEn] = useState(item.labelEn);
  const [labelZh, setLabelZh] = useState(item.labelZh);
  const { fieldErrors, failure, isPending, submit } = useActionForm({
    schema: listItemUpdateSchema,
    action: (input: unknown) => update(item.id, input),
    onSuccess: (saved) => onDone(interpolate(t.saved, { label: locale === "zh-CN" ? saved.labelZh : saved.labelEn })),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ labelEn, labelZh }, [labelEn.trim() === "" ? "labelEn" : "", labelZh.trim() === "" ? "labelZh" : ""].filter(Boolean));
  };
  const formId = `list-item-${item.id}`;
  const errorText = fieldErrors.labelEn ?? fieldErrors.labelZh ?? (failure ? adminFailureText(failure, m) : undefined);
  return (
    <TableRow className="bg-primary-soft/40">
      <TableCell />
      <TableCell className="max-w-48 break-all font-mono text-xs">{item.key}</TableCell>
      <TableCell>
        <Input form={formId} aria-label={t.labelEn} value={labelEn} onChange={(event) => setLabelEn(event.target.value)} maxLength={120} autoFocus aria-invalid={fieldErrors.labelEn ? true : undefined} />
      </TableCell>
      <TableCell>
        <Input form={formId} aria-label={t.labelZh} value={labelZh} onChange={(event) => setLabelZh(event.target.value)} maxLength={120} aria-invalid={fieldErrors.labelZh ? true : undefined} />
      </TableCell>
      <TableCell>{errorText ? <span role="alert" className="text-xs font-medium text-danger">{errorText}</span> : null}</TableCell>
      <TableCell>
        <form id={formId} onSubmit={onSubmit} noValidate className="flex justify-end gap-1">
          <Button variant="secondary" size="sm" onClick={onCancel}>
            {m.common.cancel}
          </Button>
          <Button type="submit" size="sm" disabled={isPending}>
            {isPending ? m.common.saving : m.common.save}
          </Button>
        </form>
      </TableCell>
    </TableRow>
  );
}
