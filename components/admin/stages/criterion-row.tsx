"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { TableCell, TableRow } from "@/components/ui/table";
import { interpolate } from "@/lib/i18n/config";
import { gateCriterionInputSchema } from "@/lib/validations/gates";
import { adminFailureText } from "../failure";
import type { ActivityTypeRegistry } from "@/lib/domain/activities";
import { configSummary, kindName } from "./criterion-summary";
import type { AdminCriterion, StageActions } from "./types";

type CriterionRowProps = {
  criterion: AdminCriterion;
  activityTypes: ActivityTypeRegistry;
  stageLabel: string;
  actions: StageActions;
  onDone: (message: string) => void;
  onFailure: (message: string) => void;
};

export function CriterionRow({ criterion, stageLabel, activityTypes, actions, onDone, onFailure }: CriterionRowProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.criteria;
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const label = locale === "zh-CN" ? criterion.label["zh-CN"] : criterion.label.en;
  const remove = useMutation({
    mutationFn: () => actions.deleteCriterion(criterion.id),
    onSuccess: (result) => {
      setIsConfirming(false);
      if (result.ok) onDone(t.removed);
      else onFailure(adminFailureText(result, m));
    },
    onError: () => onFailure(m.common.unknownError),
  });

  if (isEditing) {
    return <EditRow criterion={criterion} update={actions.updateCriterion} onCancel={() => setIsEditing(false)} onSaved={() => { setIsEditing(false); onDone(t.updated); }} />;
  }
  return (
    <TableRow>
      <TableCell className="whitespace-nowrap">{kindName(criterion.kind, locale)}</TableCell>
      <TableCell lang="en">{criterion.label.en}</TableCell>
      <TableCell lang="zh-CN">{criterion.label["zh-CN"]}</TableCell>
      <TableCell>
        <Badge tone={criterion.mode === "BLOCK" ? "danger" : "amber"}>{criterion.mode === "BLOCK" ? t.block : t.warn}</Badge>
      </TableCell>
      <TableCell className="text-sm text-muted-foreground">{configSummary(criterion.kind, criterion.config, locale, activityTypes) ?? t.noConfig}</TableCell>
      <TableCell>
        <div className="flex justify-end gap-1 whitespace-nowrap">
          <Button variant="ghost" size="sm" onClick={() => setIsEditing(true)}>
            {m.common.edit}
          </Button>
          <ConfirmDialog
            open={isConfirming}
            onOpenChange={setIsConfirming}
            trigger={<Button variant="ghost" size="sm">{t.remove}</Button>}
            title={t.removeTitle}
            description={interpolate(t.removeBody, { label, stage: stageLabel })}
            confirmLabel={t.remove}
            cancelLabel={m.common.cancel}
            onConfirm={() => remove.mutate()}
            isPending={remove.isPending}
          />
        </div>
      </TableCell>
    </TableRow>
  );
}

type EditRowProps = { criterion: AdminCriterion; update: StageActions["updateCriterion"]; onCancel: () => void; onSaved: () => void };

/** Label and mode change in place; kind and config stay (replace the criterion to change what it checks). */
function EditRow({ criterion, update, onCancel, onSaved }: EditRowProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.criteria;
  const [labelEn, setLabelEn] = useState(criterion.label.en);
  const [labelZh, setLabelZh] = useState(criterion.label["zh-CN"]);
  const [mode, setMode] = useState(criterion.mode);
  const { fieldErrors, failure, isPending, submit } = useActionForm({
    schema: gateCriterionInputSchema,
    action: (input: unknown) => update(criterion.id, input),
    onSuccess: onSaved,
  });
  const formId = `criterion-${criterion.id}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ stage: criterion.stage, kind: criterion.kind, label: { en: labelEn, "zh-CN": labelZh }, config: criterion.config, mode });
  };
  const errorText = fieldErrors["label.en"] ?? fieldErrors["label.zh-CN"] ?? (failure ? adminFailureText(failure, m) : undefined);
  return (
    <TableRow className="bg-primary-soft/40">
      <TableCell className="whitespace-nowrap">{kindName(criterion.kind, locale)}</TableCell>
      <TableCell>
        <Input form={formId} aria-label={t.labelEn} value={labelEn} onChange={(event) => setLabelEn(event.target.value)} maxLength={200} autoFocus aria-invalid={fieldErrors["label.en"] ? true : undefined} />
      </TableCell>
      <TableCell>
        <Input form={formId} aria-label={t.labelZh} value={labelZh} onChange={(event) => setLabelZh(event.target.value)} maxLength={200} aria-invalid={fieldErrors["label.zh-CN"] ? true : undefined} />
      </TableCell>
      <TableCell>
        <NativeSelect form={formId} aria-label={t.mode} value={mode} onChange={(event) => setMode(event.target.value === "WARN" ? "WARN" : "BLOCK")}>
          <option value="BLOCK">{t.block}</option>
          <option value="WARN">{t.warn}</option>
        </NativeSelect>
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
