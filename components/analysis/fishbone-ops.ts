// Edits of a fishbone document, as pure functions the editor applies to its state.
import { causeWithDescendants, type CauseStatus, type FishboneCause } from "@/lib/domain/fishbone";
import type { FishboneInput } from "@/lib/validations/analysis";

type Doc = FishboneInput & { version: number };
type Cause = FishboneInput["categories"][number]["causes"][number];

const mapCategory = (doc: Doc, categoryId: string, change: (causes: Cause[]) => Cause[]): Doc => ({
  ...doc,
  categories: doc.categories.map((category) => (category.id === categoryId ? { ...category, causes: change(category.causes) } : category)),
});

export function addCategory(doc: Doc, id: string, name: string): Doc {
  return { ...doc, categories: [...doc.categories, { id, name, causes: [] }] };
}

export function renameCategory(doc: Doc, categoryId: string, name: string): Doc {
  return { ...doc, categories: doc.categories.map((category) => (category.id === categoryId ? { ...category, name } : category)) };
}

export function removeCategory(doc: Doc, categoryId: string): Doc {
  return { ...doc, categories: doc.categories.filter((category) => category.id !== categoryId) };
}

export function addCause(doc: Doc, categoryId: string, id: string, text: string, parentId: string | null = null): Doc {
  const cause: Cause = { id, text, parentId, ownerId: null, action: null, dueDate: null, status: "OPEN" as CauseStatus };
  return mapCategory(doc, categoryId, (causes) => [...causes, cause]);
}

export function updateCause(doc: Doc, categoryId: string, id: string, patch: Partial<Cause>): Doc {
  return mapCategory(doc, categoryId, (causes) => causes.map((cause) => (cause.id === id ? { ...cause, ...patch } : cause)));
}

export function removeCause(doc: Doc, categoryId: string, id: string): Doc {
  return mapCategory(doc, categoryId, (causes) => {
    const gone = causeWithDescendants(causes as FishboneCause[], id);
    return causes.filter((cause) => !gone.has(cause.id));
  });
}

/** Swaps a cause with its previous (-1) or next (+1) sibling under the same parent. */
export function moveCause(doc: Doc, categoryId: string, id: string, direction: -1 | 1): Doc {
  return mapCategory(doc, categoryId, (causes) => {
    const cause = causes.find((item) => item.id === id);
    if (!cause) return causes;
    const siblings = causes.filter((item) => (item.parentId ?? null) === (cause.parentId ?? null));
    const other = siblings[siblings.indexOf(cause) + direction];
    if (!other) return causes;
    const next = [...causes];
    const a = next.indexOf(cause);
    const b = next.indexOf(other);
    [next[a], next[b]] = [next[b], next[a]];
    return next;
  });
}

/** Moves a cause and its sub-causes to another bone, where it becomes a top-level cause. */
export function moveCauseToCategory(doc: Doc, fromId: string, id: string, toId: string): Doc {
  if (fromId === toId) return doc;
  const from = doc.categories.find((category) => category.id === fromId);
  if (!from) return doc;
  const moving = causeWithDescendants(from.causes as FishboneCause[], id);
  const carried = from.causes.filter((cause) => moving.has(cause.id)).map((cause) => (cause.id === id ? { ...cause, parentId: null } : cause));
  const without = mapCategory(doc, fromId, (causes) => causes.filter((cause) => !moving.has(cause.id)));
  return mapCategory(without, toId, (causes) => [...causes, ...carried]);
}
