"use client";

import { GitCompareArrows } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DECISION_STAGE_NAMES, type DecisionStageKey } from "@/lib/domain/decision-stage-names";
import { interpolate } from "@/lib/i18n/config";
import type { DecisionAlignmentOutput } from "@/lib/validations/decision-cycle";

type AheadBadgeProps = { decisionStage: DecisionStageKey | null; alignment: DecisionAlignmentOutput };

/** The board card's "ahead of the customer" flag with its gap; nothing when the deal is in step or unchecked. */
export function AheadOfCustomerBadge({ decisionStage, alignment }: AheadBadgeProps) {
  const { m, locale } = useI18n();
  if (alignment.status !== "AHEAD" || !decisionStage || !alignment.expectedStage) return null;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const hint = interpolate(m.decisionCycle.card.aheadHint, {
    gap: alignment.gap ?? 0, actual: DECISION_STAGE_NAMES[decisionStage][lang], expected: DECISION_STAGE_NAMES[alignment.expectedStage][lang],
  });
  return (
    <div className="mt-2">
      <span
        className="inline-flex items-center gap-1 rounded-full border border-violet-200 bg-violet-50 px-2 py-0.5 text-[11px] font-medium text-violet-800"
        title={hint}
        data-testid="ahead-of-customer"
      >
        <GitCompareArrows className="size-3" aria-hidden="true" />
        {interpolate(m.decisionCycle.card.ahead, { gap: alignment.gap ?? 0 })}
        <span className="sr-only">{hint}</span>
      </span>
    </div>
  );
}
