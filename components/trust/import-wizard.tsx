"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { localizeFieldMessage } from "@/components/forms/localize";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { IMPORT_ENTITIES, IMPORT_FIELDS, type ImportEntity, type ImportMapping } from "@/lib/domain/import";
import { interpolate } from "@/lib/i18n/config";
import type { ImportJobOutput, ImportPreview } from "@/lib/validations/import";
import type { Messages } from "@/messages/en";
import { apiRequest } from "./api-request";
import { ImportProgress } from "./import-progress";

export function ImportWizard() {
  const { m } = useI18n();
  const t = m.trust.import;
  const [entity, setEntity] = useState<ImportEntity>("account");
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJobOutput | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [started, setStarted] = useState<ImportJobOutput | null>(null);

  const upload = useMutation({
    mutationFn: async () => {
      const form = new FormData();
      form.append("file", file!);
      return apiRequest<ImportJobOutput>(`/api/v1/imports?entity=${entity}`, { method: "POST", body: form });
    },
    onSuccess: (created) => {
      setJob(created);
      setMapping(created.mapping);
      setPreview(null);
    },
  });
  const check = useMutation({
    mutationFn: () => apiRequest<ImportPreview>(`/api/v1/imports/${job!.id}/preview`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mapping }),
    }),
    onSuccess: setPreview,
  });
  const start = useMutation({
    mutationFn: () => apiRequest<ImportJobOutput>(`/api/v1/imports/${job!.id}/start`, {
      method: "POST", headers: { "content-type": "application/json", "idempotency-key": `import-start-${job!.id}` }, body: JSON.stringify({ mapping }),
    }),
    onSuccess: setStarted,
  });
  const reset = () => {
    setJob(null);
    setPreview(null);
    setStarted(null);
    setFile(null);
  };
  const error = upload.error ?? check.error ?? start.error;

  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {error ? <Alert tone="danger" className="mb-4">{interpolate(t.failed, { message: error.message })}</Alert> : null}
      <Card className="p-6">
        {started ? (
          <ImportProgress job={started} onNew={reset} />
        ) : !job ? (
          <form
            className="flex flex-wrap items-end gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (file) upload.mutate();
            }}
          >
            <Field label={t.entity}>
              <NativeSelect id="import-entity" value={entity} onChange={(event) => setEntity(event.target.value as ImportEntity)}>
                {IMPORT_ENTITIES.map((key) => <option key={key} value={key}>{m.trust.recycleBin.types[key]}</option>)}
              </NativeSelect>
            </Field>
            <Field label={t.file}>
              <Input id="import-file" type="file" accept=".csv,.xlsx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            </Field>
            <Button type="submit" disabled={!file || upload.isPending}>{upload.isPending ? t.uploading : t.upload}</Button>
          </form>
        ) : (
          <div className="flex flex-col gap-6">
            <section aria-label={t.mapping}>
              <h2 className="text-lg font-semibold">{t.mapping}</h2>
              <p className="mb-4 text-sm text-muted-foreground">{t.mappingHelp}</p>
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {IMPORT_FIELDS[job.entity].map((field) => (
                  <Field key={field.key} label={`${fieldLabel(t, job.entity, field.key)}${field.isRequired ? " *" : ""}`}>
                    <NativeSelect
                      id={`map-${field.key}`}
                      value={mapping[field.key] ?? ""}
                      onChange={(event) => {
                        const next = { ...mapping };
                        if (event.target.value === "") delete next[field.key];
                        else next[field.key] = Number(event.target.value);
                        setMapping(next);
                        setPreview(null);
                      }}
                    >
                      <option value="">{t.notImported}</option>
                      {job.headers.map((header, index) => <option key={index} value={index}>{header || `#${index + 1}`}</option>)}
                    </NativeSelect>
                  </Field>
                ))}
              </div>
              <div className="mt-4 flex gap-2">
                <Button onClick={() => check.mutate()} disabled={check.isPending}>{check.isPending ? t.previewing : t.preview}</Button>
                <Button variant="ghost" onClick={reset}>{m.common.cancel}</Button>
              </div>
            </section>
            {preview ? <PreviewResult entity={job.entity} preview={preview} onStart={() => start.mutate()} isStarting={start.isPending} /> : null}
          </div>
        )}
      </Card>
    </>
  );
}

/** A field's name in the user's language; an error's path that is no field (a whole row) stays as it is. */
function fieldLabel(t: Messages["trust"]["import"], entity: ImportEntity, key: string): string {
  return key === "name" ? t.nameField[entity] : (t.fields[key] ?? key);
}

function PreviewResult({ entity, preview, onStart, isStarting }: {
  entity: ImportEntity; preview: ImportPreview; onStart: () => void; isStarting: boolean;
}) {
  const { m, locale } = useI18n();
  const t = m.trust.import;
  const number = (value: number) => value.toLocaleString(locale);
  return (
    <section aria-label={t.preview} className="flex flex-col gap-4">
      <p data-testid="import-preview-summary">
        {interpolate(t.previewSummary, { valid: number(preview.validRows), total: number(preview.totalRows), rejected: number(preview.rejectedRows) })}
      </p>
      {preview.errors.length ? (
        <Table>
          <caption className="sr-only">{t.errors}</caption>
          <TableHead>
            <tr><TableHeaderCell>{t.row}</TableHeaderCell><TableHeaderCell>{t.errors}</TableHeaderCell></tr>
          </TableHead>
          <TableBody>
            {preview.errors.map((row) => (
              <TableRow key={row.row}>
                <TableCell>{row.row}</TableCell>
                <TableCell>{row.errors.map((error) => interpolate(t.fieldError, {
                  field: fieldLabel(t, entity, error.path), message: localizeFieldMessage(error.message, m),
                })).join(t.errorSeparator)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <div>
        <Button onClick={onStart} disabled={isStarting || preview.validRows === 0}>
          {interpolate(t.start, { count: number(preview.validRows) })}
        </Button>
      </div>
    </section>
  );
}
