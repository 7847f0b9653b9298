"use client";

import {
  type Announcements, DndContext, type DragEndEvent, DragOverlay, type DragStartEvent, MouseSensor, pointerWithin, rectIntersection,
  type CollisionDetection, TouchSensor, useSensor, useSensors,
} from "@dnd-kit/core";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import dynamic from "next/dynamic";
import { type ReactNode, Suspense, useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { GateFixList } from "@/components/opportunities/gates/gate-fix-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { boardKeys, fetchTotals } from "./board-api";
import type { BoardFormats } from "./board-format";
import { BoardFormatsProvider } from "./board-formats-context";
import { BoardIconStyles } from "./board-icons";
import { type BoardCard, type BoardColumn, type BoardStage, readCardSignals } from "./board-model";
import { CollapseLostButton, LostRail } from "./lost-rail";
import { usePipelineMessages } from "./use-pipeline-messages";
import { CardBody } from "./pipeline-card";
import { PipelineColumn } from "./pipeline-column";
import { useBoardMove } from "./use-board-move";

export type PipelineBoardProps = {
  columns: BoardColumn[];
  stages: BoardStage[];
  /** When the server rendered this board (ISO): days in stage count from it, and cache keys carry it. */
  renderedAt: string;
  filterQuery: string;
  isFiltered: boolean;
  isStalledOnly: boolean;
  currency: string;
  /** The caller's number and date formats, read from Intl on the server (see board-format.ts). */
  formats: BoardFormats;
};

// The pointer must travel a little (mouse) or rest a moment (touch) before a drag starts, so clicks on the
// card's link and menu, and finger scrolling of the column, keep working.
const MOUSE_ACTIVATION = { distance: 6 };
/** Columns whose cards are in the page's first HTML: what a laptop screen shows of the board (P0–P3). */
const FIRST_PAINTED_COLUMNS = 4;
const subscribeToNothing = () => () => {};
const TOUCH_ACTIVATION = { delay: 200, tolerance: 8 };

/** The pointer's column when it is inside one (precise for wide boards), else the most overlapped one. */
const detectColumn: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length ? within : rectIntersection(args);
};

// Marking a deal lost is rare: the dialog's code (Radix Dialog, the form) loads the first time it opens,
// not with the board.
const LostDialog = dynamic(() => import("./lost-dialog").then((module) => module.LostDialog), { ssr: false });

type DragData = { card?: BoardCard };
type DropData = { stage?: StageKey };

export function PipelineBoard({ columns, stages, renderedAt, filterQuery, isFiltered, isStalledOnly, currency, formats }: PipelineBoardProps) {
  const t = usePipelineMessages();
  // False on the server and while hydrating, true from the render right after: the deferred columns' cards.
  const isRunning = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const stageByKey = useMemo(() => new Map(stages.map((stage) => [stage.key, stage])), [stages]);
  const firstPages = useMemo(() => Object.fromEntries(columns.map(({ stage, items, nextCursor }) => [stage, { items, nextCursor }])), [columns]);
  const totalsQuery = useQuery({
    queryKey: boardKeys.totals(renderedAt, filterQuery),
    queryFn: () => fetchTotals(filterQuery),
    initialData: () => columns.map(({ stage, count, amount, weightedAmount }) => ({ stage, count, amount, weightedAmount })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const totalsByStage = new Map(totalsQuery.data.map((totals) => [totals.stage, totals]));
  const { move, pendingIds, notice, dismissNotice, announcement } = useBoardMove({ renderedAt, filterQuery, stages, isStalledOnly, firstPages });

  const [activeCard, setActiveCard] = useState<BoardCard | null>(null);
  const [lostCandidate, setLostCandidate] = useState<BoardCard | null>(null);
  const [isLostOpen, setIsLostOpen] = useState(false);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: MOUSE_ACTIVATION }),
    useSensor(TouchSensor, { activationConstraint: TOUCH_ACTIVATION }),
  );

  const requestMove = useCallback(
    (card: BoardCard, to: StageKey) => {
      if (card.stage === to) return;
      if (to === "LOST") setLostCandidate(card);
      else void move(card, to);
    },
    [move],
  );

  const onDragStart = ({ active }: DragStartEvent) => setActiveCard((active.data.current as DragData | undefined)?.card ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveCard(null);
    const card = (active.data.current as DragData | undefined)?.card;
    const to = (over?.data.current as DropData | undefined)?.stage;
    if (card && to) requestMove(card, to);
  };

  const nameOf = (data: unknown) => (data as DragData | undefined)?.card?.name ?? "";
  const stageOf = (data: unknown) => stageByKey.get((data as DropData | undefined)?.stage as StageKey)?.name ?? "";
  const announcements: Announcements = {
    onDragStart: ({ active }) => interpolate(t.a11y.pickedUp, { name: nameOf(active.data.current) }),
    onDragOver: ({ active, over }) => (over ? interpolate(t.a11y.over, { name: nameOf(active.data.current), stage: stageOf(over.data.current) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? interpolate(t.a11y.dropped, { name: nameOf(active.data.current), stage: stageOf(over.data.current) }) : undefined),
    onDragCancel: ({ active }) => interpolate(t.a11y.cancelled, { name: nameOf(active.data.current) }),
  };

  const renderColumn = (stage: BoardStage, position: number, headerAction?: ReactNode) => {
    const initial = columns.find((column) => column.stage === stage.key);
    const totals = totalsByStage.get(stage.key);
    if (!initial || !totals) return null;
    const column = (
      <PipelineColumn
        key={stage.key}
        stage={stage}
        stages={stages}
        totals={totals}
        firstPage={{ items: initial.items, nextCursor: initial.nextCursor }}
        renderedAt={renderedAt}
        filterQuery={filterQuery}
        isFiltered={isFiltered}
        currency={currency}
        pendingIds={pendingIds}
        onMove={requestMove}
        headerAction={headerAction}
        areCardsDeferred={!isRunning && position >= FIRST_PAINTED_COLUMNS}
      />
    );
    // The columns a screen shows first are part of the page's first HTML, cards included, painted as it
    // arrives. The others come with their totals and placeholder rows: their cards are rendered once the
    // board runs in the browser (laying out cards nobody sees yet made the first frame's layout about twice
    // as long). They are each their own Suspense boundary: React's server renderer sends such a boundary's
    // HTML after the shell (revealed by a script, a little later), and the browser hydrates them one by one,
    // painting in between, instead of in one long task for the whole board. Nothing suspends, so no
    // fallback shows.
    return position < FIRST_PAINTED_COLUMNS ? column : <Suspense key={stage.key} fallback={null}>{column}</Suspense>;
  };

  const lost = stageByKey.get("LOST");
  const lostTotals = totalsByStage.get("LOST");
  const activeStage = activeCard ? stageByKey.get(activeCard.stage) : undefined;
  // The overlay follows every pointer move; its card is built once per drag.
  const overlay = useMemo(
    () =>
      activeCard && activeStage ? (
        <div className="w-[16.25rem] rotate-1 cursor-grabbing rounded-md border border-primary/40 bg-surface p-3 shadow-lg">
          <CardBody card={activeCard} signals={readCardSignals(activeCard, activeStage, new Date(renderedAt))} maxDaysInStage={activeStage.maxDaysInStage} />
        </div>
      ) : null,
    [activeCard, activeStage, renderedAt],
  );

  return (
    <BoardFormatsProvider formats={formats}>
      <DndContext
        sensors={sensors}
        collisionDetection={detectColumn}
        // Scroll sideways only when the pointer is right at the board's edge: with the default 20% band, a card
        // dropped on a column near the edge kept scrolling the board and landed several columns further.
        autoScroll={{ threshold: { x: 0.06, y: 0.2 }, acceleration: 6 }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveCard(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t.card.dragHint } }}
      >
        <BoardIconStyles />
        <p id="pipeline-drag-hint" className="sr-only">{t.card.dragHint}</p>
        <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
        {totalsQuery.isError ? <p className="mb-2 text-xs text-amber-700" role="status">{t.totalsStale}</p> : null}
        <div
          role="region"
          aria-label={t.boardLabel}
          data-testid="pipeline-board"
          className="flex h-[calc(100dvh-17.5rem)] min-h-[26rem] snap-x gap-3 overflow-x-auto overscroll-x-contain pb-2"
        >
          {stages.filter((stage) => stage.key !== "LOST").map((stage, position) => renderColumn(stage, position))}
          {lost && lostTotals ? (
            isLostOpen ? (
              renderColumn(lost, stages.length, <CollapseLostButton onCollapse={() => setIsLostOpen(false)} />)
            ) : (
              <LostRail name={lost.name} totals={lostTotals} onExpand={() => setIsLostOpen(true)} />
            )
          ) : null}
        </div>
        <DragOverlay dropAnimation={null}>{overlay}</DragOverlay>
        {lostCandidate ? (
          <LostDialog
            dealName={lostCandidate.name}
            dealId={lostCandidate.id}
            onCancel={() => setLostCandidate(null)}
            onConfirm={(reason) => {
              void move(lostCandidate, "LOST", reason);
              setLostCandidate(null);
            }}
          />
        ) : null}
        {notice ? (
          <div className="fixed inset-x-4 bottom-4 z-40 mx-auto max-w-lg sm:left-auto sm:right-6 sm:mx-0" data-testid="move-notice">
            <Alert
              tone={notice.tone}
              title={notice.title}
              className="shadow-lg"
              actions={
                <Button size="sm" variant="secondary" onClick={dismissNotice}>
                  <X aria-hidden="true" />
                  {t.move.dismiss}
                </Button>
              }
            >
              {notice.body}
              {notice.gates ? <GateFixList className="mt-2" opportunityId={notice.gates.dealId} to={notice.gates.to} errors={notice.gates.errors} /> : null}
            </Alert>
          </div>
        ) : null}
      </DndContext>
    </BoardFormatsProvider>
  );
}
