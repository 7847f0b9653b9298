// The org's lists: add with both labels, relabel, reorder, deactivate; form options in the caller's language.
import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/admin/lists/[id]/route";
import * as listReorderRoute from "@/app/api/v1/admin/lists/reorder/route";
import * as listsRoute from "@/app/api/v1/admin/lists/route";
import { createListItem, listListItems, listOptions, reorderList, updateListItem } from "@/lib/data/lists";
import { db } from "@/lib/db";
import type { ListItemOutput } from "@/lib/validations/admin";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

describe("list items", () => {
  it("adds items with both labels at the end of their list, the key derived from the English label", async () => {
    const first = await call<ListItemOutput>(listsRoute.POST, {
      method: "POST", token: world.admin.token, body: { list: "PRODUCT_LINE", labelEn: "Switchgear & Panels", labelZh: "开关柜" },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ list: "PRODUCT_LINE", key: "SWITCHGEAR_PANELS", order: 0, active: true });
    const second = await call<ListItemOutput>(listsRoute.POST, {
      method: "POST", token: world.admin.token, body: { list: "PRODUCT_LINE", key: "ESS", labelEn: "Energy storage", labelZh: "储能" },
    });
    expect(second.body).toMatchObject({ key: "ESS", order: 1 });
    const listed = await call<{ data: ListItemOutput[] }>(listsRoute.GET, { token: world.admin.token, url: "/api/v1/admin/lists?list=PRODUCT_LINE" });
    expect(listed.body.data.map((item) => item.key)).toEqual(["SWITCHGEAR_PANELS", "ESS"]);
  });

  it("requires both labels, a well-formed unique key and a known list — and writes nothing then", async () => {
    const before = await db.orgListItem.count({ where: { orgId: world.org.id } });
    const post = (body: unknown) => call(listsRoute.POST, { method: "POST", token: world.admin.token, body });
    expect(expectProblem(await post({ list: "SEGMENT", labelEn: "Strategic" }), 422).errors).toEqual([{ path: "labelZh", message: "The Chinese label is required." }]);
    expect(expectProblem(await post({ list: "SEGMENT", labelEn: " ", labelZh: "战略" }), 422).errors).toEqual([{ path: "labelEn", message: "The English label is required." }]);
    expect(expectProblem(await post({ list: "SEGMENT", key: "bad key", labelEn: "A", labelZh: "甲" }), 422).errors?.[0].path).toBe("key");
    expect(expectProblem(await post({ list: "COLOURS", labelEn: "Red", labelZh: "红" }), 422).errors?.[0].path).toBe("list");
    const ctx = await contextOf(world.admin.id);
    await createListItem(ctx, { list: "SEGMENT", labelEn: "Strategic", labelZh: "战略客户" });
    expect(expectProblem(await post({ list: "SEGMENT", labelEn: "strategic!", labelZh: "战略" }), 422).errors).toEqual([
      { path: "key", message: "This key is already in the list." },
    ]);
    // The same key in another list is fine.
    await createListItem(ctx, { list: "REGION", labelEn: "Strategic", labelZh: "战略区域" });
    expect(await db.orgListItem.count({ where: { orgId: world.org.id } })).toBe(before + 2);
  });

  it("relabels and deactivates; the options show active items in the caller's language", async () => {
    const ctx = await contextOf(world.admin.id);
    const item = await createListItem(ctx, { list: "LOSS_REASON", labelEn: "Price", labelZh: "价格" });
    const other = await createListItem(ctx, { list: "LOSS_REASON", labelEn: "Timing", labelZh: "时机" });
    const relabelled = await call<ListItemOutput>(listRoute.PATCH, {
      method: "PATCH", token: world.admin.token, params: { id: item.id }, body: { labelEn: "Price too high", labelZh: "价格过高" },
    });
    expect(relabelled.body).toMatchObject({ key: "PRICE", labelEn: "Price too high", labelZh: "价格过高" });
    expectProblem(await call(listRoute.PATCH, { method: "PATCH", token: world.admin.token, params: { id: item.id }, body: { labelZh: "" } }), 422);
    expectProblem(await call(listRoute.PATCH, { method: "PATCH", token: world.admin.token, params: { id: item.id }, body: { key: "NEW" } }), 422);

    await updateListItem(ctx, other.id, { active: false });
    const rep = await contextOf(world.rep.id);
    expect(await listOptions(rep, "LOSS_REASON")).toEqual([{ value: "PRICE", label: "Price too high" }]);
    expect(await listOptions({ ...rep, locale: "zh-CN" }, "LOSS_REASON")).toEqual([{ value: "PRICE", label: "价格过高" }]);
    expect((await listListItems(ctx, "LOSS_REASON")).map((row) => [row.key, row.active])).toEqual([["PRICE", true], ["TIMING", false]]);
    expect(await listOptions(await contextOf(world.otherRep.id), "LOSS_REASON")).toEqual([]);
  });

  it("reorders a list only when every item is named exactly once", async () => {
    const ctx = await contextOf(world.admin.id);
    const items = [];
    for (const labelEn of ["North", "East", "West"]) items.push(await createListItem(ctx, { list: "INDUSTRY", labelEn, labelZh: labelEn }));
    const reversed = items.map((item) => item.id).reverse();
    const result = await call<{ data: ListItemOutput[] }>(listReorderRoute.POST, {
      method: "POST", token: world.admin.token, body: { list: "INDUSTRY", ids: reversed },
    });
    expect(result.status).toBe(200);
    expect(result.body.data.map((item) => [item.id, item.order])).toEqual(reversed.map((id, order) => [id, order]));
    await expect(reorderList(ctx, { list: "INDUSTRY", ids: reversed.slice(1) })).rejects.toMatchObject({ errors: [{ path: "ids" }] });
    await expect(reorderList(ctx, { list: "INDUSTRY", ids: [reversed[0], reversed[0], reversed[1]] })).rejects.toMatchObject({ code: "VALIDATION" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: world.org.id, action: "list.reorder" } });
    expect(audit.after).toEqual({ keys: ["WEST", "EAST", "NORTH"] });
  });
});
