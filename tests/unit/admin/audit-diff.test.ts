import { describe, expect, it } from "vitest";
import { diffAuditValues, formatAuditValue } from "@/lib/domain/audit-diff";

describe("diffAuditValues", () => {
  it("lists only the fields that changed, with both values as text", () => {
    const before = { name: "North", role: "REP", teamIds: ["a", "b"], isActive: true };
    const after = { name: "North", role: "MANAGER", teamIds: ["a"], isActive: false };
    expect(diffAuditValues(before, after)).toEqual([
      { field: "role", before: "REP", after: "MANAGER" },
      { field: "teamIds", before: "a, b", after: "a" },
      { field: "isActive", before: "true", after: "false" },
    ]);
  });

  it("shows a creation as every field of after, and a removal as every field of before", () => {
    expect(diffAuditValues(null, { key: "PRICE", order: 0 })).toEqual([
      { field: "key", before: null, after: "PRICE" },
      { field: "order", before: null, after: "0" },
    ]);
    expect(diffAuditValues({ key: "PRICE" }, undefined)).toEqual([{ field: "key", before: "PRICE", after: null }]);
  });

  it("keeps fields only the before snapshot had, and compares nested values by content", () => {
    expect(diffAuditValues({ a: 1, config: { fields: ["amount"] } }, { config: { fields: ["amount"] } })).toEqual([
      { field: "a", before: "1", after: null },
    ]);
    expect(formatAuditValue({ fields: ["amount"] })).toBe('{"fields":["amount"]}');
  });

  it("treats non-object snapshots as one unnamed field", () => {
    expect(diffAuditValues("0.25", "0.3")).toEqual([{ field: "", before: "0.25", after: "0.3" }]);
    expect(diffAuditValues("same", "same")).toEqual([]);
  });
});
