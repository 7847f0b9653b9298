// The key-account profile (重点客户档案, METHOD.md §4): an org-wide template of sections, each account's
// profile filled section by section and saved as numbered versions.
import type { LocalizedText } from "./stages";

export type ProfileSection = { key: string; title: LocalizedText; hint: LocalizedText };

const section = (key: string, en: string, zh: string, hintEn: string, hintZh: string): ProfileSection => ({
  key, title: { en, "zh-CN": zh }, hint: { en: hintEn, "zh-CN": hintZh },
});

export const DEFAULT_PROFILE_SECTIONS: readonly ProfileSection[] = [
  section("basics", "Basics", "基本情况", "Industry, size, locations, revenue, key figures.", "行业、规模、地点、营收、关键数据。"),
  section("business", "Business and strategy", "业务与战略", "What the customer sells, its goals and pressures.", "客户的主营业务、目标与压力。"),
  section("organisation", "Organisation and decision chain", "组织与决策链", "Who decides, who influences, how they buy.", "谁决策、谁影响、采购流程如何。"),
  section("history", "History with us", "合作历史", "Past projects, results, incidents.", "以往项目、成果与问题。"),
  section("competitors", "Competitors present", "竞争对手", "Who else sells here and how strong they are.", "哪些对手在此，实力如何。"),
  section("plan", "Our plan and goals", "我方计划与目标", "What we want to achieve here and how.", "我们在此客户的目标与计划。"),
];

/** Section keys are stable identifiers: the stored text of a profile is keyed by them. */
export const PROFILE_SECTION_KEY = /^[a-z][a-z0-9_-]{0,39}$/;
export const MAX_PROFILE_SECTIONS = 30;
export const MAX_SECTION_TEXT = 20_000;

/** Keeps only the template's sections, in template order; missing sections read as empty. */
export function alignProfileContent(sections: readonly ProfileSection[], content: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(sections.map((item) => [item.key, content[item.key] ?? ""]));
}

/** Keys of the sections whose text differs between two versions (for the history view). */
export function changedSections(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => (before[key] ?? "") !== (after[key] ?? ""));
}
