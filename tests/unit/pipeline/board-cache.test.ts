// The board's optimistic cache edits: a card lands where the server would list it (newest in the stage
// first), never twice, and column totals shift in exact decimals with the weighted total rounded once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ColumnData, flattenColumn, insertCard, isBefore, removeCard, shiftTotals } from "@/components/pipeline/board-cache";
import { DEFAULT_STAGE_TABLE, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { PipelineTotals } from "@/lib/validations/pipeline";

const PROBABILITIES = Object.fromEntries(STAGE_KEYS.map((key) => [key, DEFAULT_STAGE_TABLE[key].probability])) as Record<StageKey, string>;

function card(id: string, stageEnteredAt: string, overrides: Partial<OpportunityOutput> = {}): OpportunityOutput {
  return {
    id, name: `Deal ${id}`, accountId: id, accountName: "Acme", ownerId: id, ownerName: "Rep", teamId: null, productLine: null,
    amount: "100.00", currency: "CNY", expectedCloseDate: "2027-01-01", stage: "P1", probability: 0.2, weightedAmount: "20.00",
    lossReason: null, stageEnteredAt, decisionStage: null, decisionAlignment: { expectedStage: "RECOGNITION", aligned: true, gap: null, status: "UNKNOWN" },
    version: 1, createdAt: stageEnteredAt, updatedAt: stageEnteredAt, ...overrides,
  };
}

const column = (...pages: OpportunityOutput[][]): ColumnData => ({
  pages: pages.map((items, index) => ({ items, nextCursor: index < pages.length - 1 ? `c${index}` : null })),
  pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
});

describe("board cache", () => {
  it("inserts a card at its sorted place across pages and never twice", () => {
    const cards = [
      card("0000000a-0000-4000-8000-000000000009", "2026-11-09T00:00:00.000Z"),
      card("0000000a-0000-4000-8000-000000000007", "2026-11-07T00:00:00.000Z"),
      card("0000000a-0000-4000-8000-000000000005", "2026-11-05T00:00:00.000Z"),
      card("0000000a-0000-4000-8000-000000000003", "2026-11-03T00:00:00.000Z"),
    ];
    const data = column(cards.slice(0, 2), cards.slice(2));
    const moved = card("0000000a-0000-4000-8000-000000000004", "2026-11-04T00:00:00.000Z");
    const inserted = insertCard(data, moved);
    expect(flattenColumn(inserted).map((item) => item.id.slice(-1))).toEqual(["9", "7", "5", "4", "3"]);
    expect(flattenColumn(insertCard(inserted, moved))).toHaveLength(5);
    const newest = card("0000000a-0000-4000-8000-00000000000f", "2026-11-28T00:00:00.000Z");
    expect(insertCard(data, newest)?.pages[0].items[0].id).toBe(newest.id);
    expect(flattenColumn(removeCard(inserted, moved.id)).map((item) => item.id)).toEqual(cards.map((item) => item.id));
  });

  it("keeps any column in the server's order, whatever is inserted", () => {
    const arbitraryCard = fc.record({ id: fc.uuid(), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ id, day }) => card(id, `2026-11-${String(day).padStart(2, "0")}T00:00:00.000Z`));
    fc.assert(fc.property(fc.uniqueArray(arbitraryCard, { selector: (item) => item.id, maxLength: 30 }), (cards) => {
      let data: ColumnData | undefined = column([]);
      for (const item of cards) data = insertCard(data, item);
      const items = flattenColumn(data);
      expect(items).toHaveLength(cards.length);
      items.slice(1).forEach((item, index) => expect(isBefore(items[index], item)).toBe(true));
    }));
  });

  it("shifts totals exactly and rounds the weighted total once, as the server does", () => {
    const totals: PipelineTotals[] = [
      { stage: "P0", count: 3, amount: "0.15", weightedAmount: "0.02" },
      { stage: "P5", count: 1, amount: "99999999999999.99", weightedAmount: "74999999999999.99" },
    ];
    const moved = card("0000000a-0000-4000-8000-000000000001", "2026-11-01T00:00:00.000Z", { stage: "P0", amount: "0.05" });
    const shifted = shiftTotals(totals, moved, "P0", "P5", PROBABILITIES);
    expect(shifted).toEqual([
      { stage: "P0", count: 2, amount: "0.10", weightedAmount: "0.01" },
      { stage: "P5", count: 2, amount: "100000000000000.04", weightedAmount: "75000000000000.03" },
    ]);
    expect(shiftTotals(shifted, moved, "P5", "P0", PROBABILITIES)).toEqual(totals);
  });
});
