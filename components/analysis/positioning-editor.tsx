"use client";
// Four-element positioning (定位四要素): need, budget, decision chain and timeline, each scored 0–5 with a
// note and the date it was last confirmed with the customer.
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { POSITIONING_ELEMENTS, type PositioningInput } from "@/lib/validations/analysis";
import { SaveBar } from "./save-bar";
import { useAnalysisDocument } from "./use-analysis-document";

export function PositioningEditor({ opportunityId, initial }: { opportunityId: string; initial: PositioningInput & { version: number } }) {
  const { m } = useI18n();
  const p = m.analysis.positioning;
  const { doc, setDoc, save, state, isDirty, errorAt } = useAnalysisDocument(opportunityId, "positioning", initial);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 md:grid-cols-2">
        {POSITIONING_ELEMENTS.map((element) => {
          const value = doc[element];
          const set = (patch: Partial<typeof value>) => setDoc((current) => ({ ...current, [element]: { ...current[element], ...patch } }));
          return (
            <fieldset key={element} className="space-y-2 rounded-md border border-border p-3">
              <legend className="px-1 font-semibold">{p.elements[element]}</legend>
              <div className="flex gap-2">
                <label className="block w-32 space-y-1">
                  <span className="text-sm">{p.score}</span>
                  <NativeSelect aria-label={`${p.elements[element]}: ${p.score}`} value={String(value.score)} aria-invalid={errorAt(`${element}.score`) ? true : undefined} onChange={(event) => set({ score: Number(event.target.value) })}>
                    {[0, 1, 2, 3, 4, 5].map((score) => <option key={score} value={score}>{score}</option>)}
                  </NativeSelect>
                </label>
                <label className="block flex-1 space-y-1">
                  <span className="text-sm">{p.confirmedAt}</span>
                  <Input type="date" aria-label={`${p.elements[element]}: ${p.confirmedAt}`} value={value.confirmedAt ?? ""} onChange={(event) => set({ confirmedAt: event.target.value || null })} />
                </label>
              </div>
              <Textarea aria-label={`${p.elements[element]}: ${p.note}`} placeholder={p.note} value={value.note} onChange={(event) => set({ note: event.target.value })} />
              <meter min={0} max={5} value={value.score} className="w-full" aria-hidden="true" />
            </fieldset>
          );
        })}
      </div>
      <SaveBar state={state} isDirty={isDirty} onSave={() => void save()} />
    </div>
  );
}
