import { activityTypeName, type ActivityTypeRegistry } from "@/lib/domain/activities";
import { DEGREE_NAMES, RED_FLAG_NAMES, ROLE_NAMES, type ContactRole, type RedFlagKind } from "@/lib/domain/buying-center";
import { DECISION_STAGE_NAMES, isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { CRITERION_KINDS, REQUIRED_FIELD_LABELS, type RequiredFieldKey } from "@/lib/domain/gates";
import type { Locale } from "@/lib/i18n/config";

const lang = (locale: Locale) => (locale === "zh-CN" ? "zh-CN" : "en");

export function kindName(kind: string, locale: Locale): string {
  return CRITERION_KINDS[kind]?.name[lang(locale)] ?? kind;
}

/** A one-line reading of a criterion's config, in the viewer's language. */
export function configSummary(kind: string, config: Record<string, unknown>, locale: Locale, activityTypes?: ActivityTypeRegistry): string | null {
  if (kind === "REQUIRED_FIELDS" && Array.isArray(config.fields)) {
    return config.fields
      .filter((field): field is RequiredFieldKey => typeof field === "string" && Object.hasOwn(REQUIRED_FIELD_LABELS, field))
      .map((field) => REQUIRED_FIELD_LABELS[field][lang(locale)])
      .join(locale === "zh-CN" ? "、" : ", ");
  }
  if (kind === "ACTIVITY" && typeof config.activityType === "string") return activityTypeName(config.activityType, locale, activityTypes);
  if (kind === "CONTACT_ROLE" && typeof config.role === "string" && Object.hasOwn(ROLE_NAMES, config.role) && typeof config.minDegree === "number") {
    return `${ROLE_NAMES[config.role as ContactRole][lang(locale)]} ≥ ${config.minDegree} ${DEGREE_NAMES[config.minDegree]?.[lang(locale)] ?? ""}`;
  }
  if (kind === "NO_RED_FLAG" && typeof config.kind === "string" && Object.hasOwn(RED_FLAG_NAMES, config.kind)) return RED_FLAG_NAMES[config.kind as RedFlagKind][lang(locale)];
  if (kind === "DECISION_STAGE" && isDecisionStageKey(config.atLeast)) return `≥ ${DECISION_STAGE_NAMES[config.atLeast][lang(locale)]}`;
  return null;
}
