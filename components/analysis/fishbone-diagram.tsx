"use client";
// The fishbone as SVG. Only presentation attributes (no CSS classes) inside the <svg>, so the exported file
// looks the same on its own. Each cause is a focusable button: Enter or a click selects it for editing.
import type { KeyboardEvent, Ref } from "react";
import type { Fishbone } from "@/lib/domain/fishbone";
import { layoutFishbone } from "./fishbone-layout";

const STATUS_FILL = { OPEN: "#f59e0b", IN_PROGRESS: "#3b82f6", DONE: "#10b981" } as const;
const FONT = "Inter, 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

type Props = {
  fishbone: Fishbone;
  title: string;
  statusLabels: Record<keyof typeof STATUS_FILL, string>;
  selectedId: string | null;
  onSelect: (causeId: string) => void;
  svgRef?: Ref<SVGSVGElement>;
};

export function FishboneDiagram({ fishbone, title, statusLabels, selectedId, onSelect, svgRef }: Props) {
  const layout = layoutFishbone(fishbone);
  const onKey = (id: string) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(id);
    }
  };
  return (
    <svg
      ref={svgRef} xmlns="http://www.w3.org/2000/svg" role="group" aria-label={title} data-testid="fishbone-svg"
      width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} fontFamily={FONT}
    >
      <title>{title}</title>
      <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
      <line x1={layout.spineFrom} y1={layout.spineY} x2={layout.spineTo} y2={layout.spineY} stroke="#334155" strokeWidth={4} strokeLinecap="round" />
      <polygon points={`${layout.spineTo},${layout.spineY - 10} ${layout.spineTo + 8},${layout.spineY} ${layout.spineTo},${layout.spineY + 10}`} fill="#334155" />
      <rect x={layout.head.x + 8} y={layout.head.y} width={layout.head.width} height={layout.head.height} rx={10} fill="#eef2ff" stroke="#4f46e5" strokeWidth={2} />
      <text x={layout.head.x + 20} y={layout.head.y + 26} fontSize={14} fontWeight={600} fill="#1e1b4b">
        {layout.head.lines.map((line, index) => <tspan key={index} x={layout.head.x + 20} dy={index === 0 ? 0 : 18}>{line}</tspan>)}
      </text>
      {layout.bones.map((bone) => (
        <g key={bone.categoryId}>
          <line x1={bone.from.x} y1={bone.from.y} x2={bone.to.x} y2={bone.to.y} stroke={bone.color} strokeWidth={2.5} />
          <text x={bone.to.x - 8} y={bone.labelY} fontSize={13} fontWeight={700} fill={bone.color}>{bone.name}</text>
        </g>
      ))}
      {layout.causes.map((box) => {
        const isSelected = box.cause.id === selectedId;
        return (
          <g
            key={box.cause.id} tabIndex={0} role="button" data-cause-id={box.cause.id} style={{ cursor: "pointer", outline: "none" }}
            aria-label={`${box.cause.text} (${statusLabels[box.cause.status]})`} aria-pressed={isSelected}
            onClick={() => onSelect(box.cause.id)} onKeyDown={onKey(box.cause.id)}
          >
            <title>{[box.cause.text, box.cause.action, box.cause.dueDate].filter(Boolean).join(" · ")}</title>
            <rect
              x={box.x - 4} y={box.y - 14} width={box.label.length * 7 + 24} height={18} rx={4}
              fill={isSelected ? "#e0e7ff" : "transparent"} stroke={isSelected ? "#4f46e5" : "none"}
            />
            <circle cx={box.x + 4} cy={box.y - 5} r={4} fill={STATUS_FILL[box.cause.status]} />
            {box.depth > 0 ? <line x1={box.x - 8} y1={box.y - 5} x2={box.x - 1} y2={box.y - 5} stroke="#94a3b8" /> : null}
            <text x={box.x + 13} y={box.y} fontSize={12} fill="#0f172a" textDecoration={box.cause.status === "DONE" ? "line-through" : undefined}>{box.label}</text>
          </g>
        );
      })}
    </svg>
  );
}
