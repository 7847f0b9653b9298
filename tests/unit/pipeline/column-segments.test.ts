// A column's jumped run (a page read at a position) and the walk from the top: whatever the page sizes, the
// jump position and the order the pages arrive in, once the walk reaches the jumped run the column holds
// every card exactly once, in the server's order; and the loader jumps only when the rows on screen are far
// from any loaded card.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ColumnData } from "@/components/pipeline/board-cache";
import type { BoardCard, BoardPage } from "@/components/pipeline/board-model";
import {
  JUMP_ROWS, nextLoadStep, readColumnLayout, toColumnRows, withHeadPage, withJumpedPage,
} from "@/components/pipeline/column-segments";

/** A column of n cards in server order (stageEnteredAt descending, ties by id descending). */
function columnOf(n: number): BoardCard[] {
  return Array.from({ length: n }, (_, index) => {
    const id = `00000000-0000-4000-8000-${String(100_000 - index).padStart(12, "0")}`;
    // Every third card shares its stage-entry time with the next one: the order then rests on the id.
    const at = new Date(Date.UTC(2026, 10, 1) - Math.floor(index / 2) * 60_000).toISOString();
    return {
      id, name: `Deal ${index}`, accountName: "Acme", ownerName: "Rep", amount: "1.00", currency: "CNY", expectedCloseDate: "2027-01-01",
      stage: "P1", stageEnteredAt: at, decisionStage: null, decisionAlignment: { expectedStage: "RECOGNITION", aligned: true, gap: null, status: "UNKNOWN" }, version: 1,
    };
  });
}

/** The server: a page from an index (the cursor is the index as text), and a page at a position. */
const server = (cards: BoardCard[]) => ({
  after: (cursor: string, limit: number): BoardPage => {
    const from = Number(cursor);
    return { items: cards.slice(from, from + limit), nextCursor: from + limit < cards.length ? String(from + limit) : null };
  },
  at: (offset: number, limit: number): BoardPage =>
    ({ items: cards.slice(offset, offset + limit), nextCursor: offset + limit < cards.length ? String(offset + limit) : null }),
});

const shown = (data: ColumnData) => {
  const layout = readColumnLayout(data);
  return [...layout.head, ...(layout.jump?.items ?? [])].map((card) => card.name);
};

describe("column segments", () => {
  it("hold every card exactly once, in order, after a jump and the walk that meets it (any sizes and positions)", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 450 }),
      fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }),
      (n, headSize, jumpSize, jumpAt, tailPages, aboveBy) => {
        const cards = columnOf(n);
        const api = server(cards);
        const first = api.at(0, headSize);
        let data: ColumnData = { pages: [first], pageParams: [null] };
        data = withJumpedPage(data, jumpAt, api.at(jumpAt, jumpSize));
        // The jumped run walks on a few pages (fetchNextPage appends after the last page).
        for (let index = 0; index < tailPages; index += 1) {
          const cursor = data.pages.at(-1)?.nextCursor;
          if (!cursor) break;
          data = { pages: [...data.pages, api.after(cursor, jumpSize)], pageParams: [...data.pageParams, cursor] };
        }
        // A drag a little above the jumped run: a page that reaches it keeps what was jumped to.
        if (aboveBy > 0 && jumpAt - aboveBy > headSize) {
          const offset = jumpAt - aboveBy;
          data = withJumpedPage(data, offset, api.at(offset, aboveBy));
        }
        const layout = readColumnLayout(data);
        const names = shown(data);
        expect(new Set(names).size).toBe(names.length); // never a card twice, even before the runs join
        // The walk from the top into the gap until the runs join (or the column ends).
        for (let guard = 0; readColumnLayout(data).jump && readColumnLayout(data).headCursor; guard += 1) {
          if (guard > 500) throw new Error("the walk never joins the jumped run");
          const cursor = readColumnLayout(data).headCursor!;
          data = withHeadPage(data, cursor, api.after(cursor, headSize));
        }
        const joined = readColumnLayout(data);
        expect(joined.jump).toBeNull();
        const expected = cards.slice(0, joined.head.length).map((card) => card.name);
        expect(shown(data)).toEqual(expected);
        expect(joined.head.length).toBeGreaterThanOrEqual(Math.min(n, layout.jump ? layout.jump.offset : 0));
      },
    ), { numRuns: 300 });
  });

  it("lays the gap out as one row standing for the cards between, with each row's position in the column", () => {
    const api = server(columnOf(1_000));
    let data: ColumnData = { pages: [api.at(0, 50)], pageParams: [null] };
    data = withJumpedPage(data, 500, api.at(500, 40));
    const layout = readColumnLayout(data);
    expect(layout).toMatchObject({ gapRows: 450, headCursor: "50", tailCursor: "540" });
    const { rows, gapIndex, positionOf, loadedEnd } = toColumnRows(layout);
    expect(rows).toHaveLength(50 + 1 + 40);
    expect(rows[gapIndex]).toEqual({ gapRows: 450 });
    expect([positionOf(0), positionOf(49), positionOf(51), positionOf(90)]).toEqual([0, 49, 500, 539]);
    expect(loadedEnd).toBe(540);
  });

  it("jumps only when the rows on screen are far from every loaded card, and fills the gap from the top when near it", () => {
    const sizes = { prefetch: 10, pageSize: 50, maxPage: 200, maxOffset: 100_000 };
    const api = server(columnOf(10_000));
    const top: ColumnData = { pages: [api.at(0, 50)], pageParams: [null] };
    const layout = readColumnLayout(top);
    expect(nextLoadStep(layout, { first: 0, last: 4 }, sizes)).toEqual({ kind: "none" });
    expect(nextLoadStep(layout, { first: 38, last: 42 }, sizes)).toEqual({ kind: "walk", missing: -7 });
    expect(nextLoadStep(layout, { first: 50 + JUMP_ROWS, last: 54 + JUMP_ROWS }, sizes)).toMatchObject({ kind: "walk" });
    expect(nextLoadStep(layout, { first: 5_000, last: 5_004 }, sizes)).toEqual({ kind: "jump", offset: 4_990, limit: 50 });

    const jumped = readColumnLayout(withJumpedPage(top, 4_990, api.at(4_990, 50)));
    expect(nextLoadStep(jumped, { first: 5_000, last: 5_004 }, sizes)).toEqual({ kind: "none" });
    expect(nextLoadStep(jumped, { first: 5_030, last: 5_034 }, sizes)).toEqual({ kind: "walk", missing: -5 });
    // A little above the jumped run: one page reaching it. Near the top: the walk from the top fills the gap.
    expect(nextLoadStep(jumped, { first: 4_900, last: 4_904 }, sizes)).toEqual({ kind: "jump", offset: 4_890, limit: 100 });
    expect(nextLoadStep(jumped, { first: 60, last: 64 }, sizes)).toEqual({ kind: "fill", limit: 50 });
    // Far from both: a new jump.
    expect(nextLoadStep(jumped, { first: 2_000, last: 2_004 }, sizes)).toEqual({ kind: "jump", offset: 1_990, limit: 50 });
    // Beyond the deepest position the API serves, the column walks.
    expect(nextLoadStep(layout, { first: 150_000, last: 150_004 }, { ...sizes, maxOffset: 100_000 })).toMatchObject({ kind: "walk" });
  });
});
