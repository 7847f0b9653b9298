// The lists an admin maintains — product lines, segments, regions, industries, loss reasons, activity
// types — with labels in English and 简体中文. Admins add, relabel, reorder and deactivate items
// ("lists.manage", audited); everyone reads the active items as form options through listOptions.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { keyFromLabel, listItemLabel, type OrgListKey } from "@/lib/domain/org-lists";
import { invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { ListItemCreate, ListItemOutput, ListItemUpdate, ListReorder } from "@/lib/validations/admin";
import { isUniqueViolation } from "./admin-common";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";

type ListItemRow = {
  id: string; list: OrgListKey; key: string; labelEn: string; labelZh: string; order: number; active: boolean; updatedAt: Date;
};

function toListItemOutput(row: ListItemRow): ListItemOutput {
  return {
    id: row.id, list: row.list, key: row.key, labelEn: row.labelEn, labelZh: row.labelZh, order: row.order, active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function auditSnapshot(row: ListItemRow) {
  return { list: row.list, key: row.key, labelEn: row.labelEn, labelZh: row.labelZh, order: row.order, active: row.active };
}

const KEY_TAKEN = { path: "key", message: "This key is already in the list." };

/** Every item (inactive too) of one list or of all lists, in list then display order: the admin's view. */
export async function listListItems(ctx: Ctx, list?: OrgListKey): Promise<ListItemOutput[]> {
  assertCan(ctx, "lists.manage");
  const rows = await db.orgListItem.findMany({
    where: { orgId: ctx.orgId, ...(list ? { list } : {}) },
    orderBy: [{ list: "asc" }, { order: "asc" }, { labelEn: "asc" }],
  });
  return rows.map(toListItemOutput);
}

/**
 * The active items of a list as form options, labelled in the caller's language. Any signed-in user may
 * read them (the opportunity and account forms will offer them).
 */
export async function listOptions(ctx: Ctx, list: OrgListKey): Promise<{ value: string; label: string }[]> {
  const rows = await db.orgListItem.findMany({
    where: { orgId: ctx.orgId, list, active: true },
    select: { key: true, labelEn: true, labelZh: true },
    orderBy: [{ order: "asc" }, { labelEn: "asc" }],
  });
  return rows.map((row) => ({ value: row.key, label: listItemLabel(row, ctx.locale) }));
}

async function findOrgItem(tx: Tx, ctx: Ctx, id: string): Promise<ListItemRow> {
  if (!isUuid(id)) throw notFound("List item");
  const row = await tx.orgListItem.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!row) throw notFound("List item");
  return row;
}

/** Adds an item at the end of its list. The key is taken from the English label unless given. */
export async function createListItem(ctx: Ctx, input: ListItemCreate): Promise<ListItemOutput> {
  assertCan(ctx, "lists.manage");
  const key = input.key ?? keyFromLabel(input.labelEn);
  if (!key) throw invalid([{ path: "key", message: "Enter a key: capital letters, digits and _." }]);
  try {
    return await db.$transaction(async (tx) => {
      const clash = await tx.orgListItem.findFirst({ where: { orgId: ctx.orgId, list: input.list, key }, select: { id: true } });
      if (clash) throw invalid([KEY_TAKEN]);
      const last = await tx.orgListItem.aggregate({ where: { orgId: ctx.orgId, list: input.list }, _max: { order: true } });
      const row = await tx.orgListItem.create({
        data: { orgId: ctx.orgId, list: input.list, key, labelEn: input.labelEn, labelZh: input.labelZh, order: (last._max.order ?? -1) + 1 },
      });
      await recordAudit(tx, ctx, { action: "list.create", entityType: "OrgListItem", entityId: row.id, after: auditSnapshot(row) });
      return toListItemOutput(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([KEY_TAKEN]);
    throw error;
  }
}

/** Relabels, deactivates or reactivates an item; the key stays, so stored values keep their meaning. */
export async function updateListItem(ctx: Ctx, id: string, input: ListItemUpdate): Promise<ListItemOutput> {
  assertCan(ctx, "lists.manage");
  return db.$transaction(async (tx) => {
    const current = await findOrgItem(tx, ctx, id);
    const row = await tx.orgListItem.update({
      where: { id },
      data: { labelEn: input.labelEn, labelZh: input.labelZh, active: input.active },
    });
    const action = input.active === false && current.active ? "list.deactivate" : input.active === true && !current.active ? "list.reactivate" : "list.update";
    await recordAudit(tx, ctx, { action, entityType: "OrgListItem", entityId: id, before: auditSnapshot(current), after: auditSnapshot(row) });
    return toListItemOutput(row);
  });
}

/** Puts a list in a new order; `ids` must name every item of that list exactly once. */
export async function reorderList(ctx: Ctx, input: ListReorder): Promise<ListItemOutput[]> {
  assertCan(ctx, "lists.manage");
  return db.$transaction(async (tx) => {
    const rows = await tx.orgListItem.findMany({ where: { orgId: ctx.orgId, list: input.list }, orderBy: [{ order: "asc" }, { labelEn: "asc" }] });
    const known = new Set(rows.map((row) => row.id));
    const isPermutation = input.ids.length === rows.length && new Set(input.ids).size === rows.length && input.ids.every((id) => known.has(id));
    if (!isPermutation) throw invalid([{ path: "ids", message: "List every item of the list exactly once." }]);
    for (const [order, id] of input.ids.entries()) {
      await tx.orgListItem.update({ where: { id }, data: { order } });
    }
    const keyOf = new Map(rows.map((row) => [row.id, row.key]));
    await recordAudit(tx, ctx, {
      action: "list.reorder", entityType: "OrgList", entityId: input.list,
      before: { keys: rows.map((row) => row.key) }, after: { keys: input.ids.map((id) => keyOf.get(id)) },
    });
    const reordered = await tx.orgListItem.findMany({ where: { orgId: ctx.orgId, list: input.list }, orderBy: { order: "asc" } });
    return reordered.map(toListItemOutput);
  });
}
