"use client";

import { useDraggable } from "@dnd-kit/core";
import { useRouter } from "next/navigation";
import { memo, type MouseEvent, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { AheadOfCustomerBadge } from "@/components/decision-cycle/ahead-badge";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "./board-format";
import { BoardIcon } from "./board-icons";
import { useBoardFormats } from "./board-formats-context";
import { type BoardCard, type BoardStage, type CardSignals, readCardSignals } from "./board-model";
import { usePipelineMessages } from "./use-pipeline-messages";

/**
 * The card's link to its deal page: a plain anchor that navigates inside the app on a plain click (other
 * clicks open a tab as links do). Cards never prefetch their deal page, and next/link's per-link setup
 * would cost every card's hydration.
 */
function DealLink({ href, children }: { href: string; children: ReactNode }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(href);
  };
  return (
    <a
      href={href}
      onClick={onClick}
      draggable={false}
      className="line-clamp-2 min-w-0 flex-1 rounded-sm text-sm font-medium leading-snug text-foreground hover:text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {children}
    </a>
  );
}

type CardBodyProps = {
  card: BoardCard;
  signals: CardSignals;
  maxDaysInStage: number | null;
  /** The "Move to…" menu; absent on the drag overlay. */
  menu?: ReactNode;
  isPending?: boolean;
};

/** The card's face, shared by the card in its column and the copy that follows the pointer while dragging. */
export function CardBody({ card, signals, maxDaysInStage, menu, isPending }: CardBodyProps) {
  const { m } = useI18n();
  const formats = useBoardFormats();
  const t = usePipelineMessages().card;
  const closeDate = formatDate(formats, card.expectedCloseDate);
  return (
    <>
      <div className="flex items-start gap-2">
        <DealLink href={`/opportunities/${card.id}`}>{card.name}</DealLink>
        {isPending ? (
          <span role="status" className="mt-0.5 text-muted-foreground">
            <Spinner />
            <span className="sr-only">{t.moving}</span>
          </span>
        ) : menu}
      </div>
      <p className="mt-0.5 truncate text-xs text-muted-foreground" title={card.accountName}>{card.accountName}</p>
      <div className="mt-2 flex items-baseline justify-between gap-2">
        <span className="text-sm font-semibold tabular-nums text-foreground">{formatMoney(formats, card.amount, card.currency)}</span>
        <span className="truncate text-xs text-muted-foreground" title={`${t.owner}: ${card.ownerName}`}>{card.ownerName}</span>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
        <span className={cn("inline-flex items-center gap-1", signals.isOverdue && "font-medium text-rose-700")}>
          <BoardIcon name="closes" className="size-3.5" />
          {interpolate(t.closes, { date: closeDate })}
        </span>
        <span className={cn("inline-flex items-center gap-1 tabular-nums", signals.isStalled && "font-medium text-amber-700")}>
          <BoardIcon name="days" className="size-3.5" />
          {interpolate(t.daysInStage, { days: signals.days })}
        </span>
      </div>
      {signals.isStalled || signals.isOverdue ? (
        <div className="mt-2 flex flex-wrap gap-1.5">
          {signals.isStalled ? (
            <span
              className="inline-flex items-center gap-1 rounded-full border border-amber-200 bg-amber-50 px-2 py-0.5 text-[11px] font-medium text-amber-800"
              title={interpolate(t.stalledHint, { days: signals.days, max: maxDaysInStage ?? 0 })}
            >
              <BoardIcon name="warning" className="size-3" />
              {t.stalled}
            </span>
          ) : null}
          {signals.isOverdue ? (
            <span
              className="inline-flex items-center gap-1 rounded-full border border-rose-200 bg-rose-50 px-2 py-0.5 text-[11px] font-medium text-rose-800"
              title={interpolate(t.overdueHint, { date: closeDate })}
            >
              <BoardIcon name="warning" className="size-3" />
              {t.overdue}
            </span>
          ) : null}
        </div>
      ) : null}
      <AheadOfCustomerBadge decisionStage={card.decisionStage} alignment={card.decisionAlignment} />
      {card.warningCount ? (
        <div className="mt-2">
          <span
            className="inline-flex items-center gap-1 rounded-full border border-rose-200 bg-rose-50 px-2 py-0.5 text-[11px] font-medium text-rose-800"
            data-testid="deal-warning-badge"
          >
            <BoardIcon name="siren" className="size-3" />
            {m.forecast.warningsTitle} · {card.warningCount}
          </span>
        </div>
      ) : null}
    </>
  );
}

type PipelineCardProps = {
  card: BoardCard;
  /** The instant "days in stage" counts to, as a number so the memoized card re-renders only when it changes. */
  nowMs: number;
  stage: BoardStage;
  stages: BoardStage[];
  isPending: boolean;
  onMove: (card: BoardCard, to: StageKey) => void;
};

function MoveMenu({ card, stages, onMove }: Pick<PipelineCardProps, "card" | "stages" | "onMove">) {
  const t = usePipelineMessages().card;
  return (
    <LazyDropdownMenu
      trigger={{
        className: "-mr-1 -mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        "aria-label": interpolate(t.moveMenu, { name: card.name }),
        "aria-describedby": "pipeline-drag-hint",
        "data-testid": "card-move-menu",
      }}
      triggerContent={<BoardIcon name="more" className="size-4" />}
      content={({ DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel }) => (
        <DropdownMenuContent align="end" className="max-h-80 overflow-y-auto">
          <DropdownMenuLabel>{t.moveTo}</DropdownMenuLabel>
          {stages.filter((target) => target.key !== card.stage).map((target) => (
            <DropdownMenuItem key={target.key} onSelect={() => onMove(card, target.key)} data-stage={target.key}>
              {target.name}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      )}
    />
  );
}

/**
 * The card's contents. Memoized apart from the draggable wrapper: dnd-kit re-renders every draggable
 * whenever the drag's target column changes, and only the thin wrapper needs to follow.
 */
const CardFace = memo(function CardFace({ card, nowMs, stage, stages, isPending, onMove }: PipelineCardProps) {
  return (
    <CardBody
      card={card}
      signals={readCardSignals(card, stage, new Date(nowMs))}
      maxDaysInStage={stage.maxDaysInStage}
      isPending={isPending}
      menu={<MoveMenu card={card} stages={stages} onMove={onMove} />}
    />
  );
});

/** One deal on the board: drag it (mouse or touch) to another column, or move it from its menu (keyboard). */
export const PipelineCard = memo(function PipelineCard(props: PipelineCardProps) {
  const { card, nowMs, stage, isPending } = props;
  const { isStalled } = readCardSignals(card, stage, new Date(nowMs));
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: card.id, data: { card }, disabled: isPending });
  return (
    <article
      ref={setNodeRef}
      {...listeners}
      data-testid="pipeline-card"
      data-card-id={card.id}
      aria-label={card.name}
      aria-busy={isPending || undefined}
      className={cn(
        "touch-manipulation select-none rounded-md border bg-surface p-3 shadow-xs transition-[opacity,box-shadow]",
        "cursor-grab hover:border-slate-300 hover:shadow-sm active:cursor-grabbing",
        isStalled ? "border-amber-200" : "border-border",
        (isDragging || isPending) && "opacity-50",
      )}
    >
      <CardFace {...props} />
    </article>
  );
});
