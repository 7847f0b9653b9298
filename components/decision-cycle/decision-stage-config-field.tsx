"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { DECISION_STAGE_KEYS, DECISION_STAGE_NAMES } from "@/lib/domain/decision-cycle";

type ConfigFieldProps = { value: string; onChange: (event: { target: { value: string } }) => void; error?: string };

/** The admin gate editor's setting of a DECISION_STAGE criterion: the least stage the customer must have reached. */
export function DecisionStageConfigField({ value, onChange, error }: ConfigFieldProps) {
  const { m, locale } = useI18n();
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  return (
    <Field label={m.decisionCycle.gate.atLeast} error={error} hint={m.decisionCycle.gate.hint} className="md:col-span-2">
      <NativeSelect value={value} onChange={onChange} name="atLeast">
        {DECISION_STAGE_KEYS.map((key, index) => (
          <option key={key} value={key}>{`${index + 1}. ${DECISION_STAGE_NAMES[key][lang]}`}</option>
        ))}
      </NativeSelect>
    </Field>
  );
}

