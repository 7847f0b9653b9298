"use client";
// Competitors on the deal — their strengths, their position with the customer, our response — and the golden
// triangle (金三角) of each: the customer's needs, our offer and theirs side by side.
import { Plus, Trash2 } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import type { CompetitorsInput } from "@/lib/validations/analysis";
import { SaveBar } from "./save-bar";
import { newItemId, useAnalysisDocument } from "./use-analysis-document";

type Competitor = CompetitorsInput["competitors"][number];

export function CompetitorsEditor({ opportunityId, initial }: { opportunityId: string; initial: CompetitorsInput & { version: number } }) {
  const { m } = useI18n();
  const c = m.analysis.competitors;
  const { doc, setDoc, save, state, isDirty, errorAt } = useAnalysisDocument(opportunityId, "competitors", initial);
  const update = (id: string, patch: Partial<Competitor>) =>
    setDoc((current) => ({ ...current, competitors: current.competitors.map((item) => (item.id === id ? { ...item, ...patch } : item)) }));
  const text = (competitor: Competitor, field: "strengths" | "position" | "response") => (
    <label className="block space-y-1">
      <span className="text-sm font-medium">{c[field]}</span>
      <Textarea value={competitor[field]} onChange={(event) => update(competitor.id, { [field]: event.target.value })} />
    </label>
  );
  return (
    <div className="space-y-4">
      {doc.competitors.length === 0 ? <p className="text-sm text-muted-foreground">{c.none}</p> : null}
      {doc.competitors.map((competitor, index) => (
        <section key={competitor.id} className="space-y-3 rounded-md border border-border p-4" aria-label={competitor.name || c.name}>
          <div className="flex items-end gap-2">
            <label className="block flex-1 space-y-1">
              <span className="text-sm font-medium">{c.name}</span>
              <Input value={competitor.name} aria-invalid={errorAt(`competitors.${index}.name`) ? true : undefined} onChange={(event) => update(competitor.id, { name: event.target.value })} />
            </label>
            <Button variant="ghost" onClick={() => setDoc((current) => ({ ...current, competitors: current.competitors.filter((item) => item.id !== competitor.id) }))}>
              <Trash2 aria-hidden="true" />{m.analysis.remove}
            </Button>
          </div>
          <div className="grid gap-3 md:grid-cols-3">{text(competitor, "strengths")}{text(competitor, "position")}{text(competitor, "response")}</div>
          <h4 className="font-semibold">{c.triangle}</h4>
          <div className="grid gap-3 md:grid-cols-3">
            {(["customerNeeds", "ourOffer", "theirOffer"] as const).map((corner) => (
              <label key={corner} className="block space-y-1">
                <span className="text-sm font-medium">{c[corner]}</span>
                <Textarea value={competitor.triangle[corner]} onChange={(event) => update(competitor.id, { triangle: { ...competitor.triangle, [corner]: event.target.value } })} />
              </label>
            ))}
          </div>
        </section>
      ))}
      <Button variant="secondary" onClick={() => setDoc((current) => ({
        ...current,
        competitors: [...current.competitors, { id: newItemId(), name: "", strengths: "", position: "", response: "", triangle: { customerNeeds: "", ourOffer: "", theirOffer: "" } }],
      }))}>
        <Plus aria-hidden="true" />{c.add}
      </Button>
      <SaveBar state={state} isDirty={isDirty} onSave={() => void save()} />
    </div>
  );
}
