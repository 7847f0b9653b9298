"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { RELATIONSHIP_DEGREES } from "@/lib/domain/buying-center";
import { formatDateTime } from "@/lib/i18n/format";
import { interpolate } from "@/lib/i18n/config";
import type { ContactRelationshipsOutput } from "@/lib/validations/buying-center";
import { degreeName } from "./labels";
import type { Person } from "./org-chart-types";

async function request(url: string, init?: RequestInit): Promise<ContactRelationshipsOutput> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", "content-type": "application/json" }, cache: "no-store" });
  const body = (await response.json().catch(() => ({}))) as ContactRelationshipsOutput & { detail?: string; errors?: { message: string }[] };
  if (!response.ok) throw new Error([body.detail, ...(body.errors ?? []).map((item) => item.message)].filter(Boolean).join(" "));
  return body;
}

/** Who of ours holds which degree with a contact, the append-only history, and recording a change (REST API v1). */
export function RelationshipPanel({ contactId, people, defaultUserId }: { contactId: string; people: Person[]; defaultUserId?: string }) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter.relationships;
  const router = useRouter();
  const queryClient = useQueryClient();
  const url = `/api/v1/contacts/${contactId}/relationships`;
  const { data } = useQuery({ queryKey: ["relationships", contactId], queryFn: () => request(url) });
  const [values, setValues] = useState({ userId: defaultUserId ?? people[0]?.id ?? "", degree: "2", note: "" });
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const next = await request(url, { method: "PUT", body: JSON.stringify({ userId: values.userId, degree: Number(values.degree), note: values.note }) });
      queryClient.setQueryData(["relationships", contactId], next);
      setValues((current) => ({ ...current, note: "" }));
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : m.common.unknownError);
    } finally {
      setPending(false);
    }
  };
  const set = (key: "userId" | "degree" | "note") => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  return (
    <Card aria-labelledby={`relationships-${contactId}`}>
      <CardHeader title={t.title} headingId={`relationships-${contactId}`} />
      <CardBody className="space-y-3">
        <form onSubmit={onSubmit} className="space-y-2" aria-label={t.record}>
          <Field label={t.holder}>
            <NativeSelect value={values.userId} onChange={set("userId")}>
              {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </NativeSelect>
          </Field>
          <Field label={t.degree}>
            <NativeSelect value={values.degree} onChange={set("degree")}>
              {RELATIONSHIP_DEGREES.map((degree) => <option key={degree} value={degree}>{degreeName(degree, locale)}</option>)}
            </NativeSelect>
          </Field>
          <Field label={t.note}>
            <Input value={values.note} onChange={set("note")} maxLength={1000} />
          </Field>
          <Button type="submit" size="sm" disabled={isPending || !values.userId}>{isPending ? t.recording : t.record}</Button>
          {error ? <p role="alert" className="text-sm text-danger">{error}</p> : null}
        </form>
        <div>
          <h3 className="text-sm font-semibold">{t.history}</h3>
          {data?.history.length ? (
            <ol className="mt-1 space-y-1 text-xs">
              {data.history.map((entry) => (
                <li key={entry.id}>
                  <span className="font-medium">
                    {interpolate(t.change, { user: entry.user.name, from: entry.previousDegree ?? "–", to: entry.degree })}
                  </span>{" "}
                  <span className="text-muted-foreground">
                    {formatDateTime(entry.at, locale)}{entry.by ? ` · ${entry.by.name}` : ""}{entry.note ? ` · ${entry.note}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          ) : <p className="text-xs text-muted-foreground">{t.historyEmpty}</p>}
        </div>
      </CardBody>
    </Card>
  );
}
