"use client";

import { Maximize2, Minus, Plus, Printer } from "lucide-react";
import { type DragEvent, type PointerEvent, useMemo, useRef, useState, type WheelEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { interpolate } from "@/lib/i18n/config";
import { ContactEditor } from "./contact-editor";
import { OrgNodeCard } from "./org-node-card";
import type { OrgNode, Person, UpdateContact } from "./org-chart-types";
import { useRunAction } from "./use-run-action";

type OrgChartViewProps = { roots: OrgNode[]; people: Person[]; update: UpdateContact };

const MIN_SCALE = 0.3;
const MAX_SCALE = 2;

function flatten(roots: OrgNode[]): OrgNode[] {
  const all: OrgNode[] = [];
  const stack = [...roots];
  while (stack.length) {
    const node = stack.pop()!;
    all.push(node);
    stack.push(...node.reports);
  }
  return all;
}

/**
 * The interactive org chart: pan by dragging the background, zoom with the buttons or Ctrl + wheel, drag a
 * person onto a new manager (or onto the top-level strip). The side panel does the same with a select, for
 * keyboards and screen readers. The server refuses a move that would close a reports-to loop.
 */
export function OrgChartView({ roots, people, update }: OrgChartViewProps) {
  const { m } = useI18n();
  const t = m.buyingCenter.orgChart;
  const [scale, setScale] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const pan = useRef<{ x: number; y: number } | null>(null);
  const dragged = useRef<string | null>(null);
  const { run, isPending, error, notice } = useRunAction();
  const all = useMemo(() => flatten(roots), [roots]);
  const byId = useMemo(() => new Map(all.map((node) => [node.id, node])), [all]);
  const selected = selectedId ? byId.get(selectedId) ?? null : null;

  const zoom = (factor: number) => setScale((current) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, current * factor)));
  const moveUnder = (contactId: string, managerId: string | null) => {
    const node = byId.get(contactId);
    if (!node || node.reportsToId === managerId || contactId === managerId) return;
    const manager = managerId ? byId.get(managerId)?.name ?? "" : t.noManager;
    run(() => update(contactId, { reportsToId: managerId }), interpolate(t.moveTo, { name: node.name, manager }));
  };

  const dragHandlers = (node: OrgNode) => ({
    onDragStart: (event: DragEvent) => {
      dragged.current = node.id;
      event.dataTransfer.setData("text/plain", node.id);
      event.dataTransfer.effectAllowed = "move";
    },
    onDragOver: (event: DragEvent) => {
      if (!dragged.current || dragged.current === node.id) return;
      event.preventDefault();
      setDropTarget(node.id);
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      event.stopPropagation();
      const id = event.dataTransfer.getData("text/plain") || dragged.current;
      dragged.current = null;
      setDropTarget(null);
      if (id) moveUnder(id, node.id);
    },
  });

  const renderTree = (nodes: OrgNode[]) => (
    <ul className="flex gap-4">
      {nodes.map((node) => (
        <li key={node.id} className="flex flex-col items-center gap-4">
          <OrgNodeCard
            node={node}
            isSelected={node.id === selectedId}
            isDropTarget={node.id === dropTarget}
            onSelect={() => setSelectedId(node.id)}
            {...dragHandlers(node)}
          />
          {node.reports.length ? <div className="border-t-2 border-slate-300 pt-4">{renderTree(node.reports)}</div> : null}
        </li>
      ))}
    </ul>
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest(".org-node")) return;
    pan.current = { x: event.clientX - offset.x, y: event.clientY - offset.y };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (pan.current) setOffset({ x: event.clientX - pan.current.x, y: event.clientY - pan.current.y });
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1);
  };

  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_20rem] print:block">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <Button variant="secondary" size="sm" onClick={() => zoom(1.2)} aria-label={t.zoomIn}><Plus aria-hidden="true" /></Button>
          <Button variant="secondary" size="sm" onClick={() => zoom(1 / 1.2)} aria-label={t.zoomOut}><Minus aria-hidden="true" /></Button>
          <Button variant="secondary" size="sm" onClick={() => { setScale(1); setOffset({ x: 0, y: 0 }); }}>
            <Maximize2 aria-hidden="true" />{t.reset}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => window.print()}><Printer aria-hidden="true" />{t.print}</Button>
          <span className="text-xs text-muted-foreground">{Math.round(scale * 100)}%</span>
          <div
            role="status"
            className={cn("text-sm", error ? "text-danger" : "text-success")}
          >
            {error ?? notice ?? ""}
          </div>
        </div>
        <div
          onDragOver={(event) => { if (dragged.current) event.preventDefault(); }}
          onDrop={(event) => {
            event.preventDefault();
            const id = event.dataTransfer.getData("text/plain") || dragged.current;
            dragged.current = null;
            if (id) moveUnder(id, null);
          }}
          className="rounded-md border border-dashed border-border px-3 py-2 text-center text-xs text-muted-foreground print:hidden"
          data-testid="org-top-level"
        >
          {t.topLevel}
        </div>
        <div
          className={cn("relative h-[70vh] touch-none overflow-hidden rounded-lg border border-border bg-muted/40 print:h-auto print:overflow-visible print:border-0", isPending && "opacity-70")}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => { pan.current = null; }}
          onPointerLeave={() => { pan.current = null; }}
          onWheel={onWheel}
          data-testid="org-canvas"
        >
          <div
            className="absolute left-0 top-0 origin-top-left p-6 print:static print:transform-none!"
            style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${scale})` }}
          >
            {roots.length ? renderTree(roots) : <p className="text-sm text-muted-foreground">{t.empty}</p>}
          </div>
        </div>
      </div>
      <div className="print:hidden">
        <ContactEditor key={selected?.id ?? "none"} contact={selected} all={all} people={people} update={update} />
      </div>
    </div>
  );
}
