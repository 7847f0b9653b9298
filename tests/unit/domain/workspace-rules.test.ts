// Pure rules behind the deal workspace: the activity-type registry, the bonus-pool split of the project
// team (exact decimals, exactly 100) and the time spent per stage.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPE_KEYS, activityTypeName, isActivityTypeKey, listActivityTypes, resolveActivityTypes } from "@/lib/domain/activities";
import { isCompleteShareSplit, isValidSharePct, splitSharesEvenly, totalSharePct } from "@/lib/domain/deal-team";
import { stageVisits, timePerStage, wholeDays } from "@/lib/domain/stage-timeline";
import { DEFAULT_STAGE_TABLE, STAGE_KEYS } from "@/lib/domain/stages";

describe("activity-type registry (METHOD.md §3)", () => {
  it("has issue 3's keys in the usual order with both names", () => {
    expect(listActivityTypes().map((type) => type.key)).toEqual([...ACTIVITY_TYPE_KEYS]);
    expect(activityTypeName("PHONE_CALL", "zh-CN")).toBe("电话邀约");
    expect(activityTypeName("CUSTOMER_MEETING", "zh-CN")).toBe("客户接待交流会");
    expect(activityTypeName("TECH_EXCHANGE", "en")).toBe("Technical exchange / demo");
    expect(isActivityTypeKey("NOTE")).toBe(false);
  });

  it("appends an org's own types after the defaults and never replaces one", () => {
    const registry = resolveActivityTypes([
      { key: "WEBINAR", group: "MARKET", name: { en: "Webinar", "zh-CN": "网络研讨会" } },
      { key: "VISIT", group: "MARKET", name: { en: "Hijacked", "zh-CN": "x" } },
    ]);
    expect(listActivityTypes(registry).map((type) => type.key)).toEqual([...ACTIVITY_TYPE_KEYS, "WEBINAR"]);
    expect(activityTypeName("VISIT", "en", registry)).toBe("Customer visit");
    expect(isActivityTypeKey("WEBINAR", registry)).toBe(true);
    expect(activityTypeName("GONE", "en", registry)).toBe("GONE");
  });
});

describe("bonus-pool shares (METHOD.md §5)", () => {
  it("accepts 0–100 with at most two places", () => {
    for (const value of ["0", "100", "33.33", "12.5", "100.00"]) expect(isValidSharePct(value)).toBe(true);
    for (const value of ["100.01", "-1", "33.333", "1e2", "", " 5", "abc"]) expect(isValidSharePct(value)).toBe(false);
  });

  it("requires exactly 100 for a non-empty team, in exact decimals", () => {
    expect(isCompleteShareSplit([])).toBe(true);
    expect(isCompleteShareSplit(["33.33", "33.33", "33.34"])).toBe(true);
    expect(isCompleteShareSplit(["33.33", "33.33", "33.33"])).toBe(false);
    expect(totalSharePct(["0.01", "65.4", "34.59"]).toFixed(2)).toBe("100.00");
  });

  it("splits 100 evenly into a complete split for any team size", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (count) => {
      const shares = splitSharesEvenly(count);
      expect(shares).toHaveLength(count);
      expect(isCompleteShareSplit(shares)).toBe(true);
      const cents = shares.map((share) => Math.round(Number(share) * 100));
      expect(Math.max(...cents) - Math.min(...cents)).toBeLessThanOrEqual(1);
    }));
    expect(splitSharesEvenly(3)).toEqual(["33.34", "33.33", "33.33"]);
  });
});

describe("time in stage", () => {
  const at = (day: number) => new Date(Date.UTC(2027, 0, 1 + day)).toISOString();

  it("measures each visit until the next move, the current one until now, and adds up revisits", () => {
    const history = [
      { toStage: "P0" as const, at: at(0) },
      { toStage: "P1" as const, at: at(10) },
      { toStage: "P0" as const, at: at(12) },
      { toStage: "P1" as const, at: at(15) },
    ];
    const visits = stageVisits(history, new Date(at(20)));
    expect(visits.map((visit) => wholeDays(visit.durationMs))).toEqual([10, 2, 3, 5]);
    expect(visits.at(-1)?.leftAt).toBeNull();
    expect(timePerStage(visits).map((total) => [total.stage, wholeDays(total.durationMs), total.isCurrent])).toEqual([
      ["P0", 13, false],
      ["P1", 7, true],
    ]);
  });

  it("gives every stage guidance in both languages", () => {
    for (const key of STAGE_KEYS) {
      const { guidance } = DEFAULT_STAGE_TABLE[key];
      for (const text of [guidance.here, guidance.next]) {
        expect(text.en.length).toBeGreaterThan(20);
        expect(text["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
