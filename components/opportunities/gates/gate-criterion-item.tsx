"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type ChangeEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { localizeFieldMessage } from "@/components/forms/localize";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect, Textarea } from "@/components/ui/input";
import { interpolate } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { GateStatus } from "@/lib/validations/gates";
import type { EvidenceActivity, GateActions } from "./types";

type Criterion = GateStatus["criteria"][number];
type ItemProps = { opportunityId: string; criterion: Criterion; activities: EvidenceActivity[]; actions: GateActions };

// Uploads go through the REST endpoint (multipart), then the tick names the stored file as evidence.
async function uploadEvidence(opportunityId: string, file: File): Promise<string | null> {
  const body = new FormData();
  body.append("file", file);
  const response = await fetch(`/api/v1/opportunities/${opportunityId}/files`, { method: "POST", body });
  if (!response.ok) return null;
  const stored = (await response.json()) as { id?: string };
  return stored.id ?? null;
}

/** One criterion: met or not, its mode, its evidence, and the control that fixes it (tick or approval). */
export function GateCriterionItem({ opportunityId, criterion, activities, actions }: ItemProps) {
  const { m, locale } = useI18n();
  const t = m.gatesUi.checklist;
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [activityId, setActivityId] = useState("");
  const [note, setNote] = useState("");
  const settle = (result: ActionResult<unknown>) => {
    if (result.ok) {
      setError(null);
      router.refresh();
      return;
    }
    setError(result.fieldErrors.length ? localizeFieldMessage(result.fieldErrors[0].message, m) : result.message);
  };
  const mutation = useMutation({
    mutationFn: (work: () => Promise<ActionResult<unknown>>) => work(),
    onSuccess: settle,
    onError: () => setError(m.common.unknownError),
  });
  const run = (work: () => Promise<ActionResult<unknown>>) => {
    setError(null);
    mutation.mutate(work);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    run(async () => {
      const fileId = await uploadEvidence(opportunityId, file);
      if (!fileId) return { ok: false, code: "VALIDATION", message: t.uploadFailed, fieldErrors: [] };
      return actions.tick(criterion.criterionId, { fileId });
    });
  };
  const label = locale === "zh-CN" ? criterion.label["zh-CN"] : criterion.label.en;
  const { evidence, approval } = criterion;
  const canRequest = criterion.kind === "APPROVAL" && !criterion.met && (!approval || approval.status === "REJECTED" || approval.status === "USED");

  return (
    <li id={`gate-${criterion.criterionId}`} className="scroll-mt-20 rounded-md border border-border p-3 target:ring-2 target:ring-primary">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-foreground">{label}</span>
        <Badge tone={criterion.met ? "success" : criterion.mode === "BLOCK" ? "danger" : "amber"}>{criterion.met ? t.met : t.unmet}</Badge>
        <Badge tone="neutral">{criterion.mode === "BLOCK" ? t.block : t.warn}</Badge>
      </div>
      <p className="mt-1 text-sm text-muted-foreground">{criterion.message}</p>
      {evidence ? (
        <p className="mt-1 text-xs text-muted-foreground">
          {interpolate(t.tickedBy, { name: evidence.tickedBy.name, date: formatDateTime(evidence.at, locale) })}
          {" · "}
          {evidence.activity
            ? interpolate(t.evidenceActivity, { subject: evidence.activity.subject })
            : evidence.file
              ? <a className="text-primary hover:underline" href={`/api/v1/files/${evidence.file.id}`}>{interpolate(t.evidenceFile, { name: evidence.file.name })}</a>
              : null}
        </p>
      ) : null}
      {approval ? (
        <p className="mt-1 text-xs text-muted-foreground">
          {interpolate(t.approvalStatus, { status: t.status[approval.status], name: approval.requestedBy.name })}
        </p>
      ) : null}

      {criterion.kind === "CHECKLIST" && evidence ? (
        <Button className="mt-2" variant="secondary" size="sm" disabled={mutation.isPending} onClick={() => run(() => actions.untick(criterion.criterionId))}>
          {t.untick}
        </Button>
      ) : null}
      {criterion.kind === "CHECKLIST" && !evidence ? (
        <div className="mt-2 space-y-2">
          {activities.length ? (
            <div className="flex gap-2">
              <NativeSelect aria-label={t.chooseActivity} value={activityId} onChange={(event) => setActivityId(event.target.value)} className="min-w-0 flex-1">
                <option value="">{t.pickActivity}</option>
                {activities.map((activity) => (
                  <option key={activity.id} value={activity.id}>
                    {activity.subject} · {formatDateTime(activity.occurredAt, locale)}
                  </option>
                ))}
              </NativeSelect>
              <Button size="sm" disabled={!activityId || mutation.isPending} onClick={() => run(() => actions.tick(criterion.criterionId, { activityId }))}>
                {t.tick}
              </Button>
            </div>
          ) : (
            <p className="text-xs text-muted-foreground">{t.noActivities}</p>
          )}
          <label className="block text-xs font-medium text-foreground">
            {mutation.isPending ? t.uploading : t.uploadFile}
            <input type="file" className="mt-1 block w-full text-xs" onChange={onFile} disabled={mutation.isPending} />
          </label>
        </div>
      ) : null}
      {canRequest ? (
        <div className="mt-2 space-y-2">
          <Textarea aria-label={t.note} placeholder={t.note} value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={1000} />
          <Button
            size="sm"
            disabled={mutation.isPending}
            onClick={() => run(() => actions.requestApproval({ toStage: criterion.stage, ...(note.trim() ? { note: note.trim() } : {}) }))}
          >
            {mutation.isPending ? t.requesting : t.requestApproval}
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </li>
  );
}
