// The fishbone (鱼骨图, METHOD.md §4) of a deal: a head (the goal or the problem), cause categories (the bones)
// and causes that nest under other causes of the same bone. Each cause can carry an owner, an action, a due
// date and a status. Pure: the structure rules, the default bones and the overdue-action query for warnings.
import type { LocalizedText } from "./stages";

export const CAUSE_STATUSES = ["OPEN", "IN_PROGRESS", "DONE"] as const;
export type CauseStatus = (typeof CAUSE_STATUSES)[number];

export type FishboneCause = {
  id: string;
  text: string;
  parentId?: string | null;
  ownerId?: string | null;
  action?: string | null;
  dueDate?: string | null;
  status: CauseStatus;
};
export type FishboneCategory = { id: string; name: string; causes: FishboneCause[] };
export type Fishbone = { head: string; categories: FishboneCategory[] };

export const FISHBONE_LIMITS = { categories: 12, causes: 200, depth: 3 } as const;

/** The six default bones; a new fishbone starts with them and they can be renamed, removed or added to. */
export const DEFAULT_FISHBONE_CATEGORIES: readonly { key: string; name: LocalizedText }[] = [
  { key: "relationship", name: { en: "Relationship", "zh-CN": "客户关系" } },
  { key: "solution", name: { en: "Solution", "zh-CN": "解决方案" } },
  { key: "commercial", name: { en: "Commercial / price", "zh-CN": "商务/价格" } },
  { key: "competition", name: { en: "Competition", "zh-CN": "竞争" } },
  { key: "resources", name: { en: "Internal resources", "zh-CN": "内部资源" } },
  { key: "process", name: { en: "Customer process", "zh-CN": "客户流程" } },
];

export function defaultFishbone(locale: string, head = ""): Fishbone {
  return {
    head,
    categories: DEFAULT_FISHBONE_CATEGORIES.map((category) => ({
      id: category.key,
      name: locale === "zh-CN" ? category.name["zh-CN"] : category.name.en,
      causes: [],
    })),
  };
}

export type FishboneProblem = { path: (string | number)[]; message: string };

/**
 * Structure rules zod cannot express alone: ids unique across the diagram, a parent is a cause of the same
 * bone, no cycles, nesting at most FISHBONE_LIMITS.depth deep. One problem per offending field.
 */
export function findFishboneProblems(fishbone: Fishbone): FishboneProblem[] {
  const problems: FishboneProblem[] = [];
  const seen = new Set<string>();
  fishbone.categories.forEach((category, categoryIndex) => {
    if (seen.has(category.id)) problems.push({ path: ["categories", categoryIndex, "id"], message: "This id is used twice." });
    seen.add(category.id);
    const byId = new Map(category.causes.map((cause) => [cause.id, cause]));
    category.causes.forEach((cause, causeIndex) => {
      const path = ["categories", categoryIndex, "causes", causeIndex];
      if (seen.has(cause.id)) problems.push({ path: [...path, "id"], message: "This id is used twice." });
      seen.add(cause.id);
      if (!cause.parentId) return;
      if (!byId.has(cause.parentId)) {
        problems.push({ path: [...path, "parentId"], message: "The parent must be a cause of the same category." });
        return;
      }
      const depth = causeDepth(cause, byId);
      if (depth === null) problems.push({ path: [...path, "parentId"], message: "Causes cannot be their own ancestors." });
      else if (depth > FISHBONE_LIMITS.depth) problems.push({ path: [...path, "parentId"], message: `Causes nest at most ${FISHBONE_LIMITS.depth} levels deep.` });
    });
  });
  return problems;
}

/** 1 for a top-level cause; null when the parent chain loops. */
function causeDepth(cause: FishboneCause, byId: ReadonlyMap<string, FishboneCause>): number | null {
  let depth = 1;
  let current = cause;
  const visited = new Set([cause.id]);
  while (current.parentId) {
    const parent = byId.get(current.parentId);
    if (!parent) return depth;
    if (visited.has(parent.id)) return null;
    visited.add(parent.id);
    current = parent;
    depth += 1;
  }
  return depth;
}

/** The causes of a bone as a tree in their stored order: top-level causes with their children, depth-first. */
export function flattenCauseTree(causes: readonly FishboneCause[]): { cause: FishboneCause; depth: number }[] {
  const children = new Map<string | null, FishboneCause[]>();
  const ids = new Set(causes.map((cause) => cause.id));
  for (const cause of causes) {
    const parent = cause.parentId && ids.has(cause.parentId) ? cause.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), cause]);
  }
  const out: { cause: FishboneCause; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const cause of children.get(parent) ?? []) {
      out.push({ cause, depth });
      walk(cause.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A cause and all its descendants (what "delete" removes and "move" carries along). */
export function causeWithDescendants(causes: readonly FishboneCause[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const cause of causes) {
      if (cause.parentId && result.has(cause.parentId) && !result.has(cause.id)) {
        result.add(cause.id);
        grew = true;
      }
    }
  }
  return result;
}

export type OverdueFishboneAction = {
  opportunityId: string;
  categoryName: string;
  causeId: string;
  text: string;
  action: string | null;
  ownerId: string | null;
  dueDate: string;
};

/**
 * Open actions (not DONE) whose due date is before `today` (YYYY-MM-DD), for the warnings engine: pass the
 * deals' fishbones and filter by ownerId for one person's warnings.
 */
export function listOverdueFishboneActions(
  fishbones: readonly { opportunityId: string; fishbone: Fishbone }[], today: string,
): OverdueFishboneAction[] {
  return fishbones.flatMap(({ opportunityId, fishbone }) =>
    fishbone.categories.flatMap((category) =>
      category.causes
        .filter((cause) => cause.status !== "DONE" && cause.dueDate && cause.dueDate < today)
        .map((cause) => ({
          opportunityId, categoryName: category.name, causeId: cause.id, text: cause.text,
          action: cause.action ?? null, ownerId: cause.ownerId ?? null, dueDate: cause.dueDate!,
        })),
    ),
  );
}

/** Open actions of one fishbone (not DONE and with an action or an owner), soonest due first. */
export function listOpenFishboneActions(fishbone: Fishbone): (FishboneCause & { categoryName: string })[] {
  return fishbone.categories
    .flatMap((category) => category.causes.map((cause) => ({ ...cause, categoryName: category.name })))
    .filter((cause) => cause.status !== "DONE" && (cause.action || cause.ownerId))
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
}
