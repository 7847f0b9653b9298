// The pieces the finished gates add to lib/domain: the org's activity types resolved from its list, and the
// verdict on creating a deal directly at a later stage (the same as a move from P0).
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPE_KEYS, resolveOrgActivityTypes } from "@/lib/domain/activities";
import { decideCreationAtStage } from "@/lib/domain/gate-moves";
import type { DealFacts, GateCriterion } from "@/lib/domain/gates";

const item = (key: string, labelEn: string, labelZh: string, active = true) => ({ key, labelEn, labelZh, active });

describe("resolveOrgActivityTypes", () => {
  it("gives an org without list rows exactly the built-in types", () => {
    const types = resolveOrgActivityTypes([]);
    expect(types.active.map((type) => type.key)).toEqual([...ACTIVITY_TYPE_KEYS]);
    expect(types.all).toEqual(types.active);
  });

  it("relabels and switches off built-in types, and appends the admin's own after them in list order", () => {
    const types = resolveOrgActivityTypes([
      item("WEBINAR", "Webinar", "网络研讨会"),
      item("VISIT", "Site visit", "现场拜访"),
      item("PHONE_CALL", "Phone call", "电话邀约", false),
      item("PLANT_TOUR", "Plant tour", "参观工厂", false),
      item("BID_OPENING", "Bid opening", "开标"),
    ]);
    expect(types.active.map((type) => type.key)).toEqual([...ACTIVITY_TYPE_KEYS.filter((key) => key !== "PHONE_CALL"), "WEBINAR", "BID_OPENING"]);
    expect(types.all.map((type) => type.key)).toEqual([...ACTIVITY_TYPE_KEYS, "WEBINAR", "PLANT_TOUR", "BID_OPENING"]);
    expect(types.active.find((type) => type.key === "VISIT")).toMatchObject({ group: "SALES_CYCLE", name: { en: "Site visit", "zh-CN": "现场拜访" } });
    expect(types.active.find((type) => type.key === "BID_OPENING")).toMatchObject({ group: "ORG", name: { en: "Bid opening", "zh-CN": "开标" } });
  });
});

describe("decideCreationAtStage", () => {
  const facts: DealFacts = {
    stage: "P0", stageEnteredAt: new Date(0), fields: { productLine: null, amount: "0.00", teamId: null, expectedCloseDate: "2027-01-01" },
    tickedCriterionIds: new Set(), activities: [], stageEntries: [], approvals: [],
  };
  const criterion = (id: string, stage: GateCriterion["stage"], mode: GateCriterion["mode"] = "BLOCK"): GateCriterion => ({
    id, stage, kind: "CHECKLIST", label: { en: id, "zh-CN": id }, config: {}, mode, order: 0,
  });
  const criteria = [criterion("p0", "P0"), criterion("p2", "P2"), criterion("p3", "P3", "WARN"), criterion("p7", "P7")];

  it("does not gate a deal created at P0, not even by P0's own criteria", () => {
    expect(decideCreationAtStage({ stage: "P0" }, criteria, facts)).toMatchObject({ allowed: true, results: [] });
  });

  it("checks every stage after P0 up to the target, refusing on unmet BLOCK criteria only", () => {
    expect(decideCreationAtStage({ stage: "P1" }, criteria, facts).allowed).toBe(true);
    const refused = decideCreationAtStage({ stage: "P4" }, criteria, facts);
    expect(refused).toMatchObject({ allowed: false, refusal: "GATES_UNMET" });
    expect(refused.allowed ? [] : "unmet" in refused ? refused.unmet.map((result) => result.criterionId) : []).toEqual(["p2"]);
    const allowed = decideCreationAtStage({ stage: "P4" }, criteria, { ...facts, tickedCriterionIds: new Set(["p2"]) });
    expect(allowed.allowed && allowed.warnings.map((result) => result.criterionId)).toEqual(["p3"]);
  });

  it("checks only the target's own gate for P7 and LOST, and LOST needs a loss reason", () => {
    expect(decideCreationAtStage({ stage: "P7" }, criteria, facts)).toMatchObject({ allowed: false, refusal: "GATES_UNMET" });
    expect(decideCreationAtStage({ stage: "LOST" }, criteria, facts)).toMatchObject({ allowed: false, refusal: "LOSS_REASON_REQUIRED" });
    expect(decideCreationAtStage({ stage: "LOST", lossReason: "Price" }, criteria, facts).allowed).toBe(true);
  });
});
