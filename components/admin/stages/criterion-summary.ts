import { activityTypeName, type ActivityTypeRegistry } from "@/lib/domain/activities";
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
  return null;
}
