"use client";
// One cause of the outline editor: its text, status, owner, action and due date edited in place, with
// buttons (and Alt+↑/↓) to move it, add a sub-cause, move it to another bone or remove it.
import { ArrowDown, ArrowUp, CornerDownRight, Trash2 } from "lucide-react";
import type { KeyboardEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { CAUSE_STATUSES, FISHBONE_LIMITS, type CauseStatus } from "@/lib/domain/fishbone";
import type { FishboneInput } from "@/lib/validations/analysis";

type Cause = FishboneInput["categories"][number]["causes"][number];

type Props = {
  cause: Cause;
  depth: number;
  path: string;
  categories: { id: string; name: string }[];
  categoryId: string;
  people: { id: string; name: string }[];
  errorAt: (path: string) => string | undefined;
  onChange: (patch: Partial<Cause>) => void;
  onMove: (direction: -1 | 1) => void;
  onMoveTo: (categoryId: string) => void;
  onAddChild: () => void;
  onRemove: () => void;
};

export function FishboneCauseRow({ cause, depth, path, categories, categoryId, people, errorAt, onChange, onMove, onMoveTo, onAddChild, onRemove }: Props) {
  const { m } = useI18n();
  const f = m.analysis.fishbone;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      onMove(event.key === "ArrowUp" ? -1 : 1);
    } else if (event.key === "Delete" && !cause.text) {
      event.preventDefault();
      onRemove();
    }
  };
  const invalid = (field: string) => (errorAt(`${path}.${field}`) ? true : undefined);
  return (
    <li className="flex flex-wrap items-center gap-2 py-1.5" style={{ paddingLeft: `${depth * 1.5}rem` }} data-testid="cause-row">
      {depth > 0 ? <CornerDownRight className="size-4 text-subtle-foreground" aria-hidden="true" /> : null}
      <Input
        id={`cause-${cause.id}-text`} aria-label={f.causeText} value={cause.text} className="min-w-48 flex-1"
        aria-invalid={invalid("text")} onChange={(event) => onChange({ text: event.target.value })} onKeyDown={onKeyDown}
      />
      <NativeSelect aria-label={m.analysis.status} value={cause.status} className="w-32" onChange={(event) => onChange({ status: event.target.value as CauseStatus })}>
        {CAUSE_STATUSES.map((status) => <option key={status} value={status}>{f.statuses[status]}</option>)}
      </NativeSelect>
      <NativeSelect aria-label={m.analysis.owner} value={cause.ownerId ?? ""} className="w-36" aria-invalid={invalid("ownerId")} onChange={(event) => onChange({ ownerId: event.target.value || null })}>
        <option value="">{m.analysis.noOwner}</option>
        {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
      </NativeSelect>
      <Input aria-label={f.action} placeholder={f.action} value={cause.action ?? ""} className="w-48" onChange={(event) => onChange({ action: event.target.value || null })} />
      <Input type="date" aria-label={f.dueDate} value={cause.dueDate ?? ""} className="w-38" aria-invalid={invalid("dueDate")} onChange={(event) => onChange({ dueDate: event.target.value || null })} />
      <span className="flex items-center gap-1">
        <Button size="icon" variant="ghost" aria-label={f.moveUp} title={f.moveUp} onClick={() => onMove(-1)}><ArrowUp /></Button>
        <Button size="icon" variant="ghost" aria-label={f.moveDown} title={f.moveDown} onClick={() => onMove(1)}><ArrowDown /></Button>
        {depth + 1 < FISHBONE_LIMITS.depth ? (
          <Button size="sm" variant="ghost" onClick={onAddChild}>{f.addSubCause}</Button>
        ) : null}
        <NativeSelect aria-label={f.moveTo} value={categoryId} className="w-36" onChange={(event) => onMoveTo(event.target.value)}>
          {categories.map((category) => <option key={category.id} value={category.id}>{category.name}</option>)}
        </NativeSelect>
        <Button size="icon" variant="ghost" aria-label={f.removeCause} title={f.removeCause} onClick={onRemove}><Trash2 /></Button>
      </span>
    </li>
  );
}
