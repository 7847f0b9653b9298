"use client";

import type { DragEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { ContactRole } from "@/lib/domain/buying-center";
import { degreeName, levelName, roleName, STANCE_CLASSES, stanceName } from "./labels";
import type { OrgNode } from "./org-chart-types";

type OrgNodeCardProps = {
  node: OrgNode;
  isSelected: boolean;
  isDropTarget: boolean;
  onSelect: () => void;
  onDragStart: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (event: DragEvent) => void;
};

const ROLE_SHORT: Record<ContactRole, string> = {
  DECISION_MAKER: "DM", TECH_GATEKEEPER: "TG", USER: "U", COMMERCIAL: "C", INFLUENCER: "I", COACH: "CO",
};

/** One person of the customer: stance as colour, role badges, level and relationship degree. */
export function OrgNodeCard({ node, isSelected, isDropTarget, onSelect, ...drag }: OrgNodeCardProps) {
  const { locale } = useI18n();
  return (
    <button
      type="button"
      draggable
      data-contact-id={node.id}
      aria-pressed={isSelected}
      aria-label={node.name}
      onClick={onSelect}
      onDragStart={drag.onDragStart}
      onDragOver={drag.onDragOver}
      onDragLeave={drag.onDragLeave}
      onDrop={drag.onDrop}
      className={cn(
        "org-node w-44 cursor-grab rounded-md border-2 px-2 py-1.5 text-left text-xs shadow-xs print:break-inside-avoid",
        STANCE_CLASSES[node.stance ?? "NONE"],
        isSelected && "ring-2 ring-primary ring-offset-1",
        isDropTarget && "ring-2 ring-amber-400",
      )}
    >
      <span className="block truncate text-sm font-semibold text-foreground">{node.name}</span>
      <span className="block truncate text-muted-foreground">{[node.title, node.department].filter(Boolean).join(" · ") || "\u00a0"}</span>
      <span className="mt-1 flex flex-wrap items-center gap-1">
        {node.roles.map((role) => (
          <abbr key={role} title={roleName(role, locale)} className="rounded bg-indigo-100 px-1 font-semibold text-indigo-800 no-underline">
            {ROLE_SHORT[role]}
          </abbr>
        ))}
        {node.level ? <span className="rounded bg-slate-100 px-1 text-slate-700">{levelName(node.level, locale)}</span> : null}
      </span>
      <span className="mt-1 flex items-center justify-between gap-1 text-[11px] text-muted-foreground">
        <span>{node.stance ? stanceName(node.stance, locale) : ""}</span>
        <span title={degreeName(node.relationship, locale)} aria-label={degreeName(node.relationship, locale)}>
          {"●".repeat(node.relationship)}
          {"○".repeat(5 - node.relationship)}
        </span>
      </span>
    </button>
  );
}
