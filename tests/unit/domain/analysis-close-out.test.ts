import { describe, expect, it } from "vitest";
import { findCloseOutGaps, isCloseOutComplete, isCompetitionReason } from "@/lib/domain/close-out";

const lost = { outcome: "LOST" as const, primaryReason: "PRICE", winnerCompetitor: null, lessons: "Qualify earlier" };

describe("close-out review completeness", () => {
  it("needs a review: none at all lacks the primary reason and the lessons", () => {
    expect(findCloseOutGaps(null, "LOST")).toEqual(["primaryReason", "lessons"]);
  });

  it("is complete with the primary reason and the lessons", () => {
    expect(isCloseOutComplete(lost, "LOST")).toBe(true);
    expect(findCloseOutGaps({ ...lost, lessons: "   " }, "LOST")).toEqual(["lessons"]);
    expect(findCloseOutGaps({ ...lost, primaryReason: "" }, "LOST")).toEqual(["primaryReason"]);
  });

  it("needs the competitor who won when the loss is to the competition", () => {
    expect(isCompetitionReason("COMPETITOR_RELATIONSHIP")).toBe(true);
    expect(isCompetitionReason("PRICE")).toBe(false);
    expect(findCloseOutGaps({ ...lost, primaryReason: "COMPETITOR_RELATIONSHIP" }, "LOST")).toEqual(["winnerCompetitor"]);
    expect(findCloseOutGaps({ ...lost, primaryReason: "COMPETITOR_RELATIONSHIP", winnerCompetitor: "Acme" }, "LOST")).toEqual([]);
  });

  it("a win review does not satisfy the LOST gate, nor need a winner", () => {
    const won = { ...lost, outcome: "WON" as const, primaryReason: "COMPETITOR_RELATIONSHIP" };
    expect(findCloseOutGaps(won, "LOST")).toEqual(["outcome"]);
    expect(findCloseOutGaps(won, "WON")).toEqual([]);
  });
});
