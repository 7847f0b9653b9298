"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { interpolate } from "@/lib/i18n/config";
import { sendJson } from "./send-json";

export type QuotaSubject = { subjectType: "USER" | "TEAM"; subjectId: string; name: string; quota: string | null };

/**
 * Managers and admins set a rep's or team's quota for a period (PUT /api/v1/forecast/quotas); the server
 * decides who may set whose (a manager: their teams and members, never their own).
 */
export function QuotaEditor({ subjects, period }: { subjects: QuotaSubject[]; period: string }) {
  const { m } = useI18n();
  const t = m.forecast;
  const router = useRouter();
  const [subjectKey, setSubjectKey] = useState(subjects[0] ? `${subjects[0].subjectType}:${subjects[0].subjectId}` : "");
  const selected = subjects.find((subject) => `${subject.subjectType}:${subject.subjectId}` === subjectKey);
  const [amount, setAmount] = useState(selected?.quota ?? "");
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!subjects.length) return null;

  const choose = (key: string) => {
    setSubjectKey(key);
    setAmount(subjects.find((subject) => `${subject.subjectType}:${subject.subjectId}` === key)?.quota ?? "");
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    setBusy(true);
    const result = await sendJson("/api/v1/forecast/quotas", "PUT", {
      subjectType: selected.subjectType, subjectId: selected.subjectId, period, amount: amount.replace(/[\s,]/g, ""),
    });
    setBusy(false);
    if (!result.ok) return setNotice({ tone: "danger", text: interpolate(t.actionFailed, { message: result.message }) });
    setNotice({ tone: "success", text: interpolate(t.quotaSaved, { subject: selected.name, period }) });
    router.refresh();
  };

  return (
    <form onSubmit={save} aria-label={t.quotaEditor} className="space-y-3 border-t border-border pt-4 print:hidden">
      <p className="text-sm font-medium">{t.quotaEditor} · {period}</p>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t.quotaSubject}>
          <NativeSelect value={subjectKey} onChange={(event) => choose(event.target.value)} className="w-56">
            {subjects.map((subject) => (
              <option key={`${subject.subjectType}:${subject.subjectId}`} value={`${subject.subjectType}:${subject.subjectId}`}>
                {subject.subjectType === "TEAM" ? interpolate(t.teamSubject, { name: subject.name }) : subject.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t.quotaAmount}>
          <Input value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" autoComplete="off" className="w-44 tabular-nums" required />
        </Field>
        <Button type="submit" disabled={busy}>{t.saveQuota}</Button>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </form>
  );
}
