import { describe, expect, it } from "vitest";
import { buildOrgListRows, DEFAULT_ORG_LISTS, keyFromLabel, LIST_ITEM_KEY_PATTERN, listItemLabel, ORG_LIST_KEYS } from "@/lib/domain/org-lists";
import { DEFAULT_ACTIVITY_TYPES } from "@/lib/domain/activities";
import { DEMO_ORG_LISTS } from "@/prisma/seed-lists";

describe("org lists", () => {
  it("derives stable upper-snake keys from English labels", () => {
    expect(keyFromLabel("Ports & Logistics")).toBe("PORTS_LOGISTICS");
    expect(keyFromLabel("  Mid-Market ")).toBe("MID_MARKET");
    expect(keyFromLabel("Café 2.0")).toBe("CAFE_2_0");
    expect(keyFromLabel("价格")).toBe("");
    expect(keyFromLabel("x".repeat(80))).toHaveLength(32);
    expect(keyFromLabel("Customer postponed the project indefinitely")).toBe("CUSTOMER_POSTPONED_THE_PROJECT");
  });

  it.each([["defaults", DEFAULT_ORG_LISTS], ["demo", DEMO_ORG_LISTS]] as const)("%s: keys are valid and unique per list, both labels filled", (_name, lists) => {
    for (const list of ORG_LIST_KEYS) {
      const keys = lists[list].map((item) => item.key);
      expect(new Set(keys).size, list).toBe(keys.length);
      for (const item of lists[list]) {
        expect(item.key, list).toMatch(LIST_ITEM_KEY_PATTERN);
        expect(item.labelEn.trim(), list).not.toBe("");
        // Every demo value has a real Chinese label, not its English text repeated.
        expect(item.labelZh, `${list} ${item.labelEn}`).not.toBe(item.labelEn);
      }
    }
  });

  it("mirrors the activity-type registry, and numbers each list from 0", () => {
    expect(DEFAULT_ORG_LISTS.ACTIVITY_TYPE.map((item) => item.key)).toEqual(DEFAULT_ACTIVITY_TYPES.map((type) => type.key));
    const rows = buildOrgListRows("org-1");
    expect(rows.filter((row) => row.list === "SEGMENT").map((row) => row.order)).toEqual([0, 1, 2]);
    expect(rows.some((row) => row.list === "PRODUCT_LINE")).toBe(false);
    expect(listItemLabel({ labelEn: "Price", labelZh: "价格" }, "zh-CN")).toBe("价格");
    expect(listItemLabel({ labelEn: "Price", labelZh: "价格" }, "en")).toBe("Price");
  });
});
