// Shared vocabulary of the buying-center views: names from lib/domain/buying-center in the viewer's
// language, and the stance colours (the org chart and the fishing net use the same ones).
import type { ContactLevel, ContactRole, ContactStance } from "@/lib/domain/buying-center";
import { DEGREE_NAMES, LEVEL_NAMES, ROLE_NAMES, STANCE_NAMES } from "@/lib/domain/buying-center";
import type { Locale } from "@/lib/i18n/config";

const lang = (locale: Locale) => (locale === "zh-CN" ? "zh-CN" : "en");

export const roleName = (role: ContactRole, locale: Locale) => ROLE_NAMES[role][lang(locale)];
export const levelName = (level: ContactLevel, locale: Locale) => LEVEL_NAMES[level][lang(locale)];
export const stanceName = (stance: ContactStance, locale: Locale) => STANCE_NAMES[stance][lang(locale)];
export const degreeName = (degree: number, locale: Locale) => `${degree} · ${DEGREE_NAMES[degree]?.[lang(locale)] ?? ""}`;

/** Border and fill per stance; unknown stance is dashed grey. */
export const STANCE_CLASSES: Record<ContactStance | "NONE", string> = {
  SUPPORTER: "border-emerald-500 bg-emerald-50",
  NEUTRAL: "border-slate-400 bg-white",
  OPPONENT: "border-rose-500 bg-rose-50",
  NONE: "border-dashed border-slate-300 bg-white",
};

export const STANCE_STROKE: Record<ContactStance | "NONE", string> = {
  SUPPORTER: "#10b981",
  NEUTRAL: "#94a3b8",
  OPPONENT: "#f43f5e",
  NONE: "#cbd5e1",
};
