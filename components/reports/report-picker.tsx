"use client";

import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";

export type ReportKind = "month" | "quarter" | "year" | "rolling";
const KINDS: readonly ReportKind[] = ["month", "quarter", "year", "rolling"];
const MONTHS = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, "0"));
const QUARTERS = ["Q1", "Q2", "Q3", "Q4"];

type Selection = { kind: ReportKind; year: string; quarter: string; month: string; months: number };

/** Which report: a GET form whose fields follow the kind (a year; a year and quarter; a month; N months ahead). */
export function ReportPicker({ selection, dashboardHref }: { selection: Selection; dashboardHref: string }) {
  const { m } = useI18n();
  const t = m.reports;
  const [kind, setKind] = useState<ReportKind>(selection.kind);
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t.title}>
      <Field label={t.kind}>
        <NativeSelect name="kind" value={kind} onChange={(event) => setKind(event.target.value as ReportKind)} className="w-32">
          {KINDS.map((option) => <option key={option} value={option}>{t.kinds[option]}</option>)}
        </NativeSelect>
      </Field>
      {kind === "rolling" ? (
        <Field label={t.months}>
          <Input name="months" type="number" min={1} max={36} defaultValue={selection.months} className="w-24" />
        </Field>
      ) : (
        <Field label={t.year}>
          <Input name="year" type="number" min={2000} max={2100} defaultValue={selection.year} className="w-24" />
        </Field>
      )}
      {kind === "quarter" ? (
        <Field label={t.quarter}>
          <NativeSelect name="quarter" defaultValue={selection.quarter} className="w-24">
            {QUARTERS.map((quarter) => <option key={quarter} value={quarter}>{quarter}</option>)}
          </NativeSelect>
        </Field>
      ) : null}
      {kind === "month" ? (
        <Field label={t.month}>
          <NativeSelect name="month" defaultValue={selection.month} className="w-24">
            {MONTHS.map((month) => <option key={month} value={month}>{month}</option>)}
          </NativeSelect>
        </Field>
      ) : null}
      <Button type="submit">{t.show}</Button>
      <Link className="pb-2 text-sm text-primary hover:underline" href={dashboardHref}>{m.forecast.title}</Link>
    </form>
  );
}
