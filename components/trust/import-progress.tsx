"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { interpolate } from "@/lib/i18n/config";
import type { ImportJobOutput } from "@/lib/validations/import";
import { apiRequest } from "./api-request";

/** Polls the import once a second while it runs; stop and resume act on the job row in PostgreSQL. */
export function ImportProgress({ job: initial, onNew }: { job: ImportJobOutput; onNew: () => void }) {
  const { m, locale } = useI18n();
  const t = m.trust.import;
  const query = useQuery({
    queryKey: ["import", initial.id],
    queryFn: () => apiRequest<ImportJobOutput>(`/api/v1/imports/${initial.id}`),
    initialData: initial,
    refetchInterval: (current) => (current.state.data?.status === "RUNNING" || current.state.data?.isStopping ? 1000 : false),
  });
  const job = query.data;
  const action = useMutation({
    mutationFn: (kind: "cancel" | "start") => apiRequest<ImportJobOutput>(`/api/v1/imports/${job.id}/${kind}`, {
      method: "POST",
      ...(kind === "start" ? { headers: { "content-type": "application/json" }, body: JSON.stringify({ mapping: job.mapping }) } : {}),
    }),
    onSuccess: () => query.refetch(),
  });
  const percent = job.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : 100;
  const number = (value: number) => value.toLocaleString(locale);
  return (
    <section aria-label={t.title} className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-4">
        <p className="font-medium">{job.fileName} — {t.status[job.status]}</p>
        <p className="text-sm text-muted-foreground">
          {interpolate(t.progress, { processed: number(job.processedRows), total: number(job.totalRows) })}
        </p>
      </div>
      <div
        role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t.title}
        className="h-3 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm" data-testid="import-counts">
        {interpolate(t.counts, {
          created: number(job.createdCount), updated: number(job.updatedCount), unchanged: number(job.unchangedCount),
          rejected: number(job.rejectedCount),
        })}
      </p>
      {job.isStopping ? <p className="text-sm text-muted-foreground" role="status">{t.stopping}</p> : null}
      {(job.status === "CANCELLED" || job.status === "FAILED") && !job.isStopping ? (
        <Alert>
          {interpolate(t.stoppedNote, {
            processed: number(job.processedRows), remaining: number(job.totalRows - job.processedRows), next: number(job.processedRows + 2),
          })}
        </Alert>
      ) : null}
      {job.error ? <Alert tone="danger">{job.error}</Alert> : null}
      {action.error ? <Alert tone="danger">{interpolate(t.failed, { message: action.error.message })}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {job.status === "RUNNING" ? (
          <Button variant="secondary" disabled={action.isPending} onClick={() => action.mutate("cancel")}>{t.cancel}</Button>
        ) : null}
        {job.status === "CANCELLED" || job.status === "FAILED" ? (
          <Button disabled={action.isPending || job.isStopping} onClick={() => action.mutate("start")}>{t.resume}</Button>
        ) : null}
        {job.rejectedCount > 0 ? (
          <Button asChild variant="secondary"><a href={`/api/v1/imports/${job.id}/rejected.csv`} download>{t.report}</a></Button>
        ) : null}
        {job.status === "COMPLETED" ? <Button variant="ghost" onClick={onNew}>{t.newImport}</Button> : null}
      </div>
    </section>
  );
}
