// Pure edits of the board's client cache for optimistic moves: take a card out of a column, put it in at
// its place (newest in the stage first, as the server orders), and shift column totals exactly (in cents).
import type { InfiniteData } from "@tanstack/react-query";
import { formatCents, toCents, weightCents } from "@/lib/domain/money-cents";
import type { StageKey } from "@/lib/domain/stages";
import type { PipelineTotals } from "@/lib/validations/pipeline";
import type { BoardCard, BoardPage } from "./board-model";

export type ColumnData = InfiniteData<BoardPage, string | null>;

/** The server's column order: stageEnteredAt descending, then id descending. */
export function isBefore(a: BoardCard, b: BoardCard): boolean {
  if (a.stageEnteredAt !== b.stageEnteredAt) return a.stageEnteredAt > b.stageEnteredAt;
  return a.id > b.id;
}

export function removeCard(data: ColumnData | undefined, id: string): ColumnData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })) };
}

/** Inserts at the card's sorted place among the loaded cards (the end of the last loaded page at worst). */
export function insertCard(data: ColumnData | undefined, card: BoardCard): ColumnData | undefined {
  if (!data) return data;
  const cleaned = removeCard(data, card.id) as ColumnData;
  let isPlaced = false;
  const pages = cleaned.pages.map((page, pageIndex) => {
    if (isPlaced) return page;
    const index = page.items.findIndex((item) => isBefore(card, item));
    const isLastPage = pageIndex === cleaned.pages.length - 1;
    if (index === -1 && !isLastPage) return page;
    isPlaced = true;
    const items = [...page.items];
    items.splice(index === -1 ? items.length : index, 0, card);
    return { ...page, items };
  });
  return { ...cleaned, pages };
}

export function replaceCard(data: ColumnData | undefined, card: BoardCard): ColumnData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === card.id ? card : item)) })) };
}

export function flattenColumn(data: InfiniteData<BoardPage, unknown> | undefined): BoardCard[] {
  if (!data) return [];
  const seen = new Set<string>();
  const items: BoardCard[] = [];
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue; // a card moved in optimistically may come again in a later page
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/**
 * Moves one deal's amount between two columns' totals. The weighted total is recomputed from the new
 * amount sum × the stage probability and rounded once, exactly as the server does.
 */
export function shiftTotals(
  totals: PipelineTotals[] | undefined, card: BoardCard, from: StageKey, to: StageKey, probabilities: Record<StageKey, string>,
): PipelineTotals[] | undefined {
  if (!totals) return totals;
  return totals.map((column) => {
    const sign = column.stage === from ? -1 : column.stage === to ? 1 : 0;
    if (sign === 0) return column;
    const amount = toCents(column.amount) + toCents(card.amount) * BigInt(sign);
    return {
      ...column,
      count: Math.max(0, column.count + sign),
      amount: formatCents(amount),
      weightedAmount: formatCents(weightCents(amount, probabilities[column.stage])),
    };
  });
}
