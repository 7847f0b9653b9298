"use client";
// SWOT in four quadrants and the TOWS strategies derived from them: each strategy links a strength or weakness
// with an opportunity or threat (its type decides which), with an owner and a status.
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { STRATEGY_STATUSES, SWOT_QUADRANTS, type SwotInput, type SwotQuadrant, TOWS_KINDS, TOWS_SOURCES, type TowsKind } from "@/lib/validations/analysis";
import { SaveBar } from "./save-bar";
import { newItemId, useAnalysisDocument } from "./use-analysis-document";

type Props = { opportunityId: string; initial: SwotInput & { version: number }; people: { id: string; name: string }[] };
type Strategy = SwotInput["strategies"][number];

const QUADRANT_TONE: Record<SwotQuadrant, string> = {
  strengths: "border-emerald-300 bg-emerald-50/50", weaknesses: "border-amber-300 bg-amber-50/50",
  opportunities: "border-sky-300 bg-sky-50/50", threats: "border-rose-300 bg-rose-50/50",
};

function Quadrant({ quadrant, items, onChange }: { quadrant: SwotQuadrant; items: SwotInput["strengths"]; onChange: (items: SwotInput["strengths"]) => void }) {
  const { m } = useI18n();
  const s = m.analysis.swot;
  const [draft, setDraft] = useState("");
  const add = () => {
    if (!draft.trim()) return;
    onChange([...items, { id: newItemId(), text: draft.trim() }]);
    setDraft("");
  };
  return (
    <section className={`rounded-md border p-3 ${QUADRANT_TONE[quadrant]}`} aria-label={s.quadrants[quadrant]}>
      <h3 className="mb-2 font-semibold">{s.quadrants[quadrant]}</h3>
      <ul className="space-y-1.5">
        {items.map((item) => (
          <li key={item.id} className="flex gap-1.5">
            <Input aria-label={s.quadrants[quadrant]} value={item.text} onChange={(event) => onChange(items.map((other) => (other.id === item.id ? { ...other, text: event.target.value } : other)))} />
            <Button size="icon" variant="ghost" aria-label={m.analysis.remove} onClick={() => onChange(items.filter((other) => other.id !== item.id))}><Trash2 /></Button>
          </li>
        ))}
      </ul>
      <Input
        className="mt-2" value={draft} placeholder={s.itemPlaceholder} aria-label={`${m.analysis.add}: ${s.quadrants[quadrant]}`}
        onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => { if (event.key === "Enter") { event.preventDefault(); add(); } }}
      />
    </section>
  );
}

export function SwotEditor({ opportunityId, initial, people }: Props) {
  const { m } = useI18n();
  const s = m.analysis.swot;
  const { doc, setDoc, save, state, isDirty, errorAt } = useAnalysisDocument(opportunityId, "swot", initial);
  const updateStrategy = (id: string, patch: Partial<Strategy>) =>
    setDoc((current) => ({ ...current, strategies: current.strategies.map((item) => (item.id === id ? { ...item, ...patch } : item)) }));
  return (
    <div className="space-y-5">
      <div className="grid gap-3 md:grid-cols-2">
        {SWOT_QUADRANTS.map((quadrant) => (
          <Quadrant key={quadrant} quadrant={quadrant} items={doc[quadrant]} onChange={(items) => setDoc((current) => ({ ...current, [quadrant]: items }))} />
        ))}
      </div>
      <section aria-labelledby="tows-heading" className="space-y-2">
        <h3 id="tows-heading" className="font-semibold">{s.strategies}</h3>
        <p className="text-sm text-muted-foreground">{s.strategiesHint}</p>
        {doc.strategies.length === 0 ? <p className="text-sm text-muted-foreground">{s.none}</p> : null}
        {doc.strategies.map((strategy, index) => {
          const sources = TOWS_SOURCES[strategy.kind];
          return (
            <div key={strategy.id} className="grid gap-2 rounded-md border border-border p-3 md:grid-cols-[8rem_1fr_1fr] ">
              <NativeSelect aria-label={s.kind} value={strategy.kind} onChange={(event) => updateStrategy(strategy.id, { kind: event.target.value as TowsKind, internalId: "", externalId: "" })}>
                {TOWS_KINDS.map((kind) => <option key={kind} value={kind} title={s.kinds[kind]}>{kind}</option>)}
              </NativeSelect>
              <NativeSelect aria-label={s.internal} value={strategy.internalId} aria-invalid={errorAt(`strategies.${index}.internalId`) ? true : undefined} onChange={(event) => updateStrategy(strategy.id, { internalId: event.target.value })}>
                <option value="">{s.pick}</option>
                {doc[sources.internal].map((item) => <option key={item.id} value={item.id}>{item.text}</option>)}
              </NativeSelect>
              <NativeSelect aria-label={s.external} value={strategy.externalId} aria-invalid={errorAt(`strategies.${index}.externalId`) ? true : undefined} onChange={(event) => updateStrategy(strategy.id, { externalId: event.target.value })}>
                <option value="">{s.pick}</option>
                {doc[sources.external].map((item) => <option key={item.id} value={item.id}>{item.text}</option>)}
              </NativeSelect>
              <Textarea aria-label={s.strategy} className="md:col-span-3" value={strategy.text} onChange={(event) => updateStrategy(strategy.id, { text: event.target.value })} />
              <p className="text-xs text-muted-foreground md:col-span-3">{s.kinds[strategy.kind]}</p>
              <NativeSelect aria-label={m.analysis.owner} value={strategy.ownerId ?? ""} onChange={(event) => updateStrategy(strategy.id, { ownerId: event.target.value || null })}>
                <option value="">{m.analysis.noOwner}</option>
                {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
              </NativeSelect>
              <NativeSelect aria-label={m.analysis.status} value={strategy.status} onChange={(event) => updateStrategy(strategy.id, { status: event.target.value as Strategy["status"] })}>
                {STRATEGY_STATUSES.map((status) => <option key={status} value={status}>{s.statuses[status]}</option>)}
              </NativeSelect>
              <Button variant="ghost" onClick={() => setDoc((current) => ({ ...current, strategies: current.strategies.filter((item) => item.id !== strategy.id) }))}>
                <Trash2 aria-hidden="true" />{m.analysis.remove}
              </Button>
            </div>
          );
        })}
        <Button variant="secondary" onClick={() => setDoc((current) => ({
          ...current, strategies: [...current.strategies, { id: newItemId(), kind: "SO", internalId: "", externalId: "", text: "", ownerId: null, status: "PLANNED" }],
        }))}>
          <Plus aria-hidden="true" />{s.addStrategy}
        </Button>
      </section>
      <SaveBar state={state} isDirty={isDirty} onSave={() => void save()} />
    </div>
  );
}
