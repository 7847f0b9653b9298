"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { CONTACT_ROLES, DEGREE_NAMES, RED_FLAG_KINDS, RED_FLAG_NAMES, RELATIONSHIP_DEGREES, ROLE_NAMES } from "@/lib/domain/buying-center";

export type BuyingCenterGateValues = { role: string; minDegree: string; flagKind: string };
export const EMPTY_BUYING_CENTER_GATE: BuyingCenterGateValues = { role: "DECISION_MAKER", minDegree: "3", flagKind: "NO_DECISION_MAKER" };

/** The config of a CONTACT_ROLE or NO_RED_FLAG criterion (issue 6); null for other kinds. */
export function buyingCenterGateConfig(kind: string, values: BuyingCenterGateValues): Record<string, unknown> | null {
  if (kind === "CONTACT_ROLE") return { role: values.role, minDegree: Number(values.minDegree) };
  if (kind === "NO_RED_FLAG") return { kind: values.flagKind };
  return null;
}

type Props = { kind: string; values: BuyingCenterGateValues; onChange: (values: BuyingCenterGateValues) => void; errors: Record<string, string | undefined> };

export function BuyingCenterGateFields({ kind, values, onChange, errors }: Props) {
  const { m, locale } = useI18n();
  const t = m.buyingCenter.gate;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const set = (key: keyof BuyingCenterGateValues) => (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value });
  if (kind === "CONTACT_ROLE") {
    return (
      <>
        <Field label={t.role} error={errors["config.role"]}>
          <NativeSelect value={values.role} onChange={set("role")}>
            {CONTACT_ROLES.map((role) => <option key={role} value={role}>{ROLE_NAMES[role][lang]}</option>)}
          </NativeSelect>
        </Field>
        <Field label={t.minDegree} error={errors["config.minDegree"]}>
          <NativeSelect value={values.minDegree} onChange={set("minDegree")}>
            {RELATIONSHIP_DEGREES.map((degree) => <option key={degree} value={degree}>{`${degree} · ${DEGREE_NAMES[degree][lang]}`}</option>)}
          </NativeSelect>
        </Field>
      </>
    );
  }
  if (kind === "NO_RED_FLAG") {
    return (
      <Field label={t.flag} error={errors["config.kind"]} className="md:col-span-2">
        <NativeSelect value={values.flagKind} onChange={set("flagKind")}>
          {RED_FLAG_KINDS.map((flag) => <option key={flag} value={flag}>{RED_FLAG_NAMES[flag][lang]}</option>)}
        </NativeSelect>
      </Field>
    );
  }
  return null;
}
