// A column's loaded cards as at most two runs: the cards walked from the top through the cursor, and — after
// the scrollbar was dragged far below them — the cards of a page read at that position (GET …?offset=N) and
// walked on from there. Both runs live in the column's one query cache, as pages in column order; the page
// that starts the jumped run carries its position. When the walk from the top reaches the jumped run's first
// card, the mark goes and the runs are one (flattenColumn keeps the first copy of a card both runs hold), so
// every card is shown exactly once. Pure functions, unit-tested.
import type { InfiniteData } from "@tanstack/react-query";
import { type ColumnData, flattenColumn, isBefore } from "./board-cache";
import type { BoardCard, BoardPage } from "./board-model";

/** A page read at a position: where the jumped run starts. */
type JumpedPage = BoardPage & { jumpedTo?: number };

export type ColumnLayout = {
  /** Cards from the top of the column, contiguous. */
  head: BoardCard[];
  /** Where the walk from the top continues; null when the head is the whole column. */
  headCursor: string | null;
  /** The jumped run, its position in the column when it was read, and its cards not already in the head. */
  jump: { offset: number; items: BoardCard[] } | null;
  /** Rows not loaded between the head and the jumped run (0 when they touch or there is no jump). */
  gapRows: number;
  /** Where the walk after the last loaded card continues (the jumped run's end, else the head's). */
  tailCursor: string | null;
};

const jumpIndex = (data: InfiniteData<BoardPage, unknown>) => data.pages.findIndex((page) => (page as JumpedPage).jumpedTo !== undefined);

export function readColumnLayout(data: InfiniteData<BoardPage, unknown>): ColumnLayout {
  const split = jumpIndex(data);
  const tailCursor = data.pages.at(-1)?.nextCursor ?? null;
  if (split === -1) return { head: flattenColumn(data), headCursor: tailCursor, jump: null, gapRows: 0, tailCursor };
  const headPages = data.pages.slice(0, split);
  // A head that reached the column's end holds every card the jumped run could add.
  if (headPages.at(-1)?.nextCursor === null) return { head: flattenColumn(data), headCursor: null, jump: null, gapRows: 0, tailCursor: null };
  const head = flattenColumn({ pages: headPages, pageParams: [] });
  const inHead = new Set(head.map((card) => card.id));
  const items = flattenColumn({ pages: data.pages.slice(split), pageParams: [] }).filter((card) => !inHead.has(card.id));
  const offset = (data.pages[split] as JumpedPage).jumpedTo ?? 0;
  return {
    head, headCursor: headPages.at(-1)?.nextCursor ?? null, jump: { offset, items },
    gapRows: Math.max(0, offset - head.length), tailCursor,
  };
}

/** Whether cards read further down (in column order) reach `first`: they hold it, or pass it. */
function reaches(cards: readonly BoardCard[], first: BoardCard | undefined): boolean {
  const last = cards.at(-1);
  if (!first || !last) return false;
  return cards.some((card) => card.id === first.id) || !isBefore(last, first);
}

const unmark = (page: BoardPage): BoardPage => ({ items: page.items, nextCursor: page.nextCursor });

/**
 * The page read at `offset` becomes the jumped run. Cards already jumped to below it are kept when the new
 * page reaches them (a drag a little above the jumped run); otherwise they are dropped.
 */
export function withJumpedPage(data: ColumnData, offset: number, page: BoardPage): ColumnData {
  const split = jumpIndex(data);
  const headPages = split === -1 ? data.pages : data.pages.slice(0, split);
  const headParams = split === -1 ? data.pageParams : data.pageParams.slice(0, split);
  const oldPages = split === -1 ? [] : data.pages.slice(split);
  const keepOld = oldPages.length > 0 && reaches(page.items, oldPages[0].items[0]);
  const jumped: JumpedPage = { ...page, jumpedTo: offset };
  return {
    pages: [...headPages, jumped, ...(keepOld ? oldPages.map(unmark) : [])],
    pageParams: [...headParams, `offset:${offset}`, ...(keepOld ? data.pageParams.slice(split) : [])],
  };
}

/**
 * The next page of the walk from the top, put after the head. Once the head reaches the jumped run (or the
 * column ends), the two runs become one.
 */
export function withHeadPage(data: ColumnData, cursor: string, page: BoardPage): ColumnData {
  const split = jumpIndex(data);
  if (split === -1) return { pages: [...data.pages, page], pageParams: [...data.pageParams, cursor] };
  const jumpPages = data.pages.slice(split);
  const joins = page.nextCursor === null || reaches(page.items, jumpPages[0].items[0]);
  return {
    pages: [...data.pages.slice(0, split), page, ...(joins ? jumpPages.map(unmark) : jumpPages)],
    pageParams: [...data.pageParams.slice(0, split), cursor, ...data.pageParams.slice(split)],
  };
}

/** A row of the column's list: a loaded card, or the one placeholder row standing for the gap. */
export type ColumnRow = BoardCard | { gapRows: number };

export const isGapRow = (row: ColumnRow | undefined): row is { gapRows: number } => Boolean(row && "gapRows" in row);

/** The list's rows (head, the gap as one row, the jumped run) and each row's position in the column. */
export function toColumnRows(layout: ColumnLayout): { rows: ColumnRow[]; gapIndex: number; positionOf: (index: number) => number; loadedEnd: number } {
  const hasGap = layout.jump !== null && layout.gapRows > 0;
  const gapIndex = hasGap ? layout.head.length : -1;
  const rows: ColumnRow[] = [...layout.head, ...(hasGap ? [{ gapRows: layout.gapRows }] : []), ...(layout.jump?.items ?? [])];
  const positionOf = (index: number) => (hasGap && index > gapIndex ? index - 1 + layout.gapRows : index);
  return { rows, gapIndex, positionOf, loadedEnd: layout.head.length + (layout.jump ? layout.gapRows + layout.jump.items.length : 0) };
}

/** Rows a walk covers quickly (two of the API's largest pages): farther than this, the column jumps instead. */
export const JUMP_ROWS = 400;

export type LoadStep =
  | { kind: "none" }
  | { kind: "walk"; missing: number } // the next page after the last loaded card
  | { kind: "fill"; limit: number } // the next page of the walk from the top, into the gap
  | { kind: "jump"; offset: number; limit: number }; // the page at a position

/**
 * What to load for the rows on screen (`first`…`last`, positions in the column): nothing; the next page after
 * everything loaded; the next page from the top into the gap; or a page at a position — when the rows on
 * screen are farther than JUMP_ROWS from any loaded card a walk would reach them from.
 */
export function nextLoadStep(
  layout: ColumnLayout, view: { first: number; last: number }, sizes: { prefetch: number; pageSize: number; maxPage: number; maxOffset: number },
): LoadStep {
  const { prefetch, pageSize, maxPage, maxOffset } = sizes;
  const headEnd = layout.head.length;
  const jumpStart = headEnd + layout.gapRows;
  const loadedEnd = layout.jump ? jumpStart + layout.jump.items.length : headEnd;
  const screenRows = Math.min(maxPage, Math.max(pageSize, view.last - view.first + 1 + 2 * prefetch));
  const jumpTo = (offset: number): LoadStep => ({ kind: "jump", offset, limit: screenRows });
  const seesGap = layout.gapRows > 0 && layout.headCursor !== null && view.last + prefetch >= headEnd && view.first - prefetch < jumpStart;
  if (seesGap) {
    if (view.first - headEnd <= JUMP_ROWS) return { kind: "fill", limit: Math.min(maxPage, Math.max(pageSize, view.last + 1 + prefetch - headEnd)) };
    // Just above the jumped run: one page that reaches it, so the runs join.
    if (jumpStart - (view.first - prefetch) <= maxPage) {
      const offset = Math.max(headEnd, jumpStart - maxPage, view.first - prefetch);
      return { kind: "jump", offset, limit: Math.max(1, jumpStart - offset) };
    }
    return jumpTo(Math.max(headEnd, view.first - prefetch));
  }
  if (layout.tailCursor === null || view.last + prefetch < loadedEnd) return { kind: "none" };
  const offset = view.first - prefetch;
  if (offset - loadedEnd > JUMP_ROWS && offset <= maxOffset) return jumpTo(offset);
  return { kind: "walk", missing: view.last + 1 - loadedEnd };
}
