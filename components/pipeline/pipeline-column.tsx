"use client";

import { useDroppable } from "@dnd-kit/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Inbox } from "lucide-react";
import { type ReactNode, useCallback, useMemo, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { StageKey } from "@/lib/domain/stages";
import type { PipelineTotals } from "@/lib/validations/pipeline";
import { boardKeys, fetchColumnPage } from "./board-api";
import type { ColumnData } from "./board-cache";
import { isGapRow, readColumnLayout, toColumnRows } from "./column-segments";
import type { BoardCard, BoardPage, BoardStage } from "./board-model";
import { ColumnHeader } from "./column-header";
import { usePipelineMessages } from "./use-pipeline-messages";
import { PipelineCard } from "./pipeline-card";
import { useColumnLoader } from "./use-column-loader";

/** First guess of a card's height; rows are measured once rendered. */
const ESTIMATED_CARD_PX = 128;
const CARD_GAP_PX = 8;
const ROW_PX = ESTIMATED_CARD_PX + CARD_GAP_PX;
/** Cards not loaded yet, drawn as one background: a pale card's height, then a gap, repeated. */
const PLACEHOLDER_ROWS =
  `repeating-linear-gradient(to bottom, color-mix(in srgb, var(--color-border) 45%, transparent) 0 ${ESTIMATED_CARD_PX}px, transparent ${ESTIMATED_CARD_PX}px ${ROW_PX}px)`;
/** Start loading the next page this many rows before the loaded cards run out. */
const PREFETCH_ROWS = 10;
/** The API's largest page: used to catch up when the scrollbar was dragged far below the loaded cards. */
const MAX_PAGE_SIZE = 200;
/** Rows the scrollbar is sized for at most: browsers cap an element's height at about 33 million px. */
const MAX_SIZED_ROWS = 200_000;

type PipelineColumnProps = {
  stage: BoardStage;
  stages: BoardStage[];
  totals: PipelineTotals;
  firstPage: BoardPage;
  renderedAt: string;
  filterQuery: string;
  isFiltered: boolean;
  currency: string;
  pendingIds: ReadonlySet<string>;
  onMove: (card: BoardCard, to: StageKey) => void;
  /** Rendered in the header, e.g. the collapse button of the LOST column. */
  headerAction?: ReactNode;
  /** Placeholders instead of the cards, until the board runs in the browser (off-screen columns, see PipelineBoard). */
  areCardsDeferred?: boolean;
};

/**
 * One stage: its totals (from the server, over the whole filtered set), then its cards in a virtualized
 * list — only the visible cards are in the DOM, so 10,000 deals scroll like 10 — sized for the whole
 * column, loading the next page through the cursor shortly before the end of the loaded cards.
 */
export function PipelineColumn(props: PipelineColumnProps) {
  const { stage, stages, totals, firstPage, renderedAt, filterQuery, isFiltered, currency, pendingIds, onMove, headerAction, areCardsDeferred } = props;
  const { m } = useI18n();
  const t = usePipelineMessages();
  const nowMs = Date.parse(renderedAt);
  // Rows still missing below the loaded cards when the next page was asked for: more than a page (the
  // server's first page tells its size) asks for a bigger one.
  const missingRows = useRef(0);
  const pageSize = firstPage.items.length;
  const queryKey = boardKeys.column(renderedAt, filterQuery, stage.key);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      fetchColumnPage(stage.key, filterQuery, pageParam, missingRows.current > pageSize ? Math.min(MAX_PAGE_SIZE, missingRows.current) : undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] } satisfies ColumnData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The loaded cards: from the top, and after a jump far down also the run read at that position, with one
  // placeholder row for the cards between (column-segments.ts).
  const layout = useMemo(() => readColumnLayout(query.data), [query.data]);
  const { rows: items, gapIndex, positionOf, loadedEnd: loadedRows } = useMemo(() => toColumnRows(layout), [layout]);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  // The scrollbar stands for the whole column (the server's count), not only the loaded pages. The
  // virtualizer holds the loaded cards plus one "loading more" row; the rows not loaded yet are padding of a
  // typical card's height each, drawn as placeholders — so a move or a new page costs the loaded rows, not
  // the 10,000 of a big column.
  const unloadedRows = hasNextPage ? Math.max(0, Math.min(MAX_SIZED_ROWS, totals.count) - loadedRows - 1) : 0;
  const rowCount = hasNextPage ? items.length + 1 : items.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => {
    const row = items[index];
    return isGapRow(row) ? `gap:${row.gapRows}` : row?.id ?? "loading-more";
  }, [items]);
  const gapPx = (rows: number) => rows * ROW_PX - CARD_GAP_PX;
  // The virtualizer re-renders this component itself on scroll; nothing memoized depends on its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (index === gapIndex ? gapPx(layout.gapRows) : ESTIMATED_CARD_PX),
    getItemKey,
    overscan: 2,
    gap: CARD_GAP_PX,
    paddingEnd: unloadedRows * ROW_PX,
    // Before the browser measures the column (and on the server), assume a typical one, so the first HTML
    // already holds the top cards and hydration renders the very same ones.
    initialRect: { width: 280, height: 560 },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  const loadedEnd = totalSize - unloadedRows * ROW_PX;
  // Where in the column a point of the list is: a loaded card's place, or — in the placeholders of the gap or
  // below the loaded cards — the row of a typical height that far down.
  const positionAt = (px: number) => {
    if (px >= loadedEnd) return loadedRows + Math.floor((px - loadedEnd) / ROW_PX);
    const row = virtualizer.getVirtualItemForOffset(px);
    if (!row) return 0;
    return row.index === gapIndex ? layout.head.length + Math.floor((px - row.start) / ROW_PX) : positionOf(row.index);
  };
  const scrollTop = virtualizer.scrollOffset ?? 0;
  const view = { first: positionAt(scrollTop), last: positionAt(scrollTop + Math.max(0, (virtualizer.scrollRect?.height ?? 0) - 1)) };

  // The next page through the cursor near the end of the loaded cards (after a drag a little further down,
  // pages of up to the API's largest follow each other); a page at the position when dragged far below.
  const walkNext = useCallback((missing: number) => {
    missingRows.current = missing;
    void fetchNextPage();
  }, [fetchNextPage]);
  const loader = useColumnLoader({
    queryKey, stage: stage.key, filterQuery, layout, view,
    sizes: { prefetch: PREFETCH_ROWS, pageSize, maxPage: MAX_PAGE_SIZE },
    walk: { isBusy: isFetchingNextPage, hasFailed: isFetchNextPageError, next: walkNext },
  });

  const { setNodeRef, isOver, active } = useDroppable({ id: `column:${stage.key}`, data: { stage: stage.key } });
  const isDropTarget = isOver && (active?.data.current as { card?: BoardCard } | undefined)?.card?.stage !== stage.key;
  const headingId = `pipeline-column-${stage.key}`;

  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid="pipeline-column"
      data-stage={stage.key}
      data-drop-target={isDropTarget ? "true" : undefined}
      className={cn(
        // Columns scrolled out of the board's view are neither styled, laid out nor painted until they come in.
        "flex h-full w-[17.5rem] shrink-0 snap-start flex-col rounded-lg border transition-colors",
        isDropTarget ? "border-primary bg-primary-soft/60 ring-2 ring-primary/30" : "border-border bg-slate-50/80",
      )}
    >
      <ColumnHeader headingId={headingId} stage={stage} totals={totals} currency={currency} action={headerAction} />
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-2" data-testid="pipeline-column-scroll">
        {items.length === 0 ? (
          <div className={cn("mt-1 flex flex-col items-center gap-2 rounded-md border border-dashed px-3 py-8 text-center text-xs",
            isDropTarget ? "border-primary text-primary" : "border-slate-300 text-muted-foreground")}>
            <Inbox className="size-5" aria-hidden="true" />
            {isDropTarget ? t.dropHere : isFiltered ? t.emptyColumnFiltered : t.emptyColumn}
          </div>
        ) : (
          <ol className="relative" style={{ height: totalSize }} aria-label={t.newestFirst}>
            {/* A column the first screen does not show gets its cards once the board runs (see PipelineBoard). */}
            {(areCardsDeferred ? [] : virtualItems).map((row) => {
              const card = items[row.index];
              if (isGapRow(card)) {
                return (
                  <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} aria-hidden={!loader.hasFailed} data-testid="unloaded-gap"
                    className="absolute inset-x-0 top-0" style={{ transform: `translateY(${row.start}px)`, height: gapPx(card.gapRows), backgroundImage: PLACEHOLDER_ROWS }}>
                    {loader.hasFailed ? (
                      <Button size="sm" variant="secondary" className="sticky top-2" onClick={loader.retry}>{m.common.retry}</Button>
                    ) : null}
                  </li>
                );
              }
              return (
                <li
                  key={row.key}
                  data-index={row.index}
                  data-position={card ? positionOf(row.index) : undefined}
                  ref={virtualizer.measureElement}
                  className="absolute inset-x-0 top-0"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  {card ? (
                    <PipelineCard
                      card={card}
                      nowMs={nowMs}
                      stage={stage}
                      stages={stages}
                      isPending={pendingIds.has(card.id)}
                      onMove={onMove}
                    />
                  ) : isFetchNextPageError || loader.hasFailed ? (
                    <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-xs text-rose-900">
                      <p>{t.loadMoreFailed}</p>
                      <Button size="sm" variant="secondary" className="mt-2" onClick={() => (loader.hasFailed ? loader.retry() : void fetchNextPage())}>
                        {m.common.retry}
                      </Button>
                    </div>
                  ) : (
                    <div role="status" className="flex items-center justify-center gap-2 py-4 text-xs text-muted-foreground">
                      <Spinner />
                      {t.loadingMore}
                    </div>
                  )}
                </li>
              );
            })}
            {unloadedRows > 0 || areCardsDeferred ? (
              // Its own element while the cards are deferred: the same node moving down under the cards would
              // count as a layout shift.
              <li
                key={areCardsDeferred ? "deferred-rows" : "unloaded-rows"}
                aria-hidden="true"
                data-testid="unloaded-rows"
                className="pointer-events-none absolute inset-x-0"
                style={areCardsDeferred
                  ? { top: 0, height: totalSize, backgroundImage: PLACEHOLDER_ROWS }
                  : { top: loadedEnd + CARD_GAP_PX, height: unloadedRows * ROW_PX - CARD_GAP_PX, backgroundImage: PLACEHOLDER_ROWS }}
              />
            ) : null}
          </ol>
        )}
      </div>
    </section>
  );
}
