"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { RELATIONSHIP_DEGREES } from "@/lib/domain/buying-center";
import { degreeName } from "./labels";
import type { Person } from "./org-chart-types";

type LinkRelationshipFormProps = { people: Person[]; contacts: Person[]; defaultUserId?: string };

/** Links one of our people to a contact at a degree (PUT /api/v1/contacts/:id/relationships), then redraws the net. */
export function LinkRelationshipForm({ people, contacts, defaultUserId }: LinkRelationshipFormProps) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ userId: defaultUserId ?? people[0]?.id ?? "", contactId: contacts[0]?.id ?? "", degree: "3", note: "" });
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const response = await fetch(`/api/v1/contacts/${values.contactId}/relationships`, {
        method: "PUT",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ userId: values.userId, degree: Number(values.degree), note: values.note }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { message: string }[] };
        throw new Error([body.detail, ...(body.errors ?? []).map((item) => item.message)].filter(Boolean).join(" "));
      }
      await queryClient.invalidateQueries({ queryKey: ["relationships", values.contactId] });
      setValues((current) => ({ ...current, note: "" }));
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : m.common.unknownError);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card aria-labelledby="link-heading">
      <CardHeader title={t.fishingNet.link} headingId="link-heading" />
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-3" aria-label={t.fishingNet.link}>
          <Field label={t.relationships.holder}>
            <NativeSelect value={values.userId} onChange={set("userId")}>
              {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </NativeSelect>
          </Field>
          <Field label={t.fishingNet.contact}>
            <NativeSelect value={values.contactId} onChange={set("contactId")}>
              {contacts.map((contact) => <option key={contact.id} value={contact.id}>{contact.name}</option>)}
            </NativeSelect>
          </Field>
          <Field label={t.relationships.degree}>
            <NativeSelect value={values.degree} onChange={set("degree")}>
              {RELATIONSHIP_DEGREES.map((degree) => <option key={degree} value={degree}>{degreeName(degree, locale)}</option>)}
            </NativeSelect>
          </Field>
          <Field label={t.relationships.note}>
            <Input value={values.note} onChange={set("note")} maxLength={1000} />
          </Field>
          <Button type="submit" disabled={isPending || !values.userId || !values.contactId}>
            {isPending ? t.relationships.recording : t.relationships.record}
          </Button>
          {error ? <p role="alert" className="text-sm text-danger">{error}</p> : null}
        </form>
      </CardBody>
    </Card>
  );
}
