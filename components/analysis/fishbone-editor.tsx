"use client";
// The fishbone editor: the SVG diagram (focusable causes; Enter selects one and jumps to its row) above the
// outline where the head, the bones and the causes are added, edited, moved and removed in place; one Save
// replaces the document; the diagram exports as SVG or PNG.
import { Download, Plus, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { flattenCauseTree, type FishboneCause } from "@/lib/domain/fishbone";
import type { FishboneInput } from "@/lib/validations/analysis";
import { FishboneCauseRow } from "./fishbone-cause-row";
import { FishboneDiagram } from "./fishbone-diagram";
import * as ops from "./fishbone-ops";
import { SaveBar } from "./save-bar";
import { exportPng, exportSvg } from "./svg-export";
import { newItemId, useAnalysisDocument } from "./use-analysis-document";

type Props = { opportunityId: string; dealName: string; initial: FishboneInput & { version: number }; people: { id: string; name: string }[] };

export function FishboneEditor({ opportunityId, dealName, initial, people }: Props) {
  const { m } = useI18n();
  const f = m.analysis.fishbone;
  const { doc, setDoc, save, state, isDirty, errorAt } = useAnalysisDocument(opportunityId, "fishbone", initial);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const fileBase = `fishbone-${dealName.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "deal"}`;

  const focusCause = (id: string) => {
    setSelectedId(id);
    requestAnimationFrame(() => {
      const input = document.getElementById(`cause-${id}-text`);
      input?.scrollIntoView({ block: "center" });
      input?.focus();
    });
  };
  const addCause = (categoryId: string, parentId: string | null = null) => {
    const id = newItemId();
    setDoc((current) => ops.addCause(current, categoryId, id, "", parentId));
    focusCause(id);
  };
  const categories = doc.categories.map(({ id, name }) => ({ id, name }));

  return (
    <div className="space-y-5">
      <div className="overflow-x-auto rounded-md border border-border bg-white p-2">
        <FishboneDiagram
          fishbone={doc} title={f.diagram.replace("{name}", dealName)} statusLabels={f.statuses} selectedId={selectedId}
          onSelect={focusCause} svgRef={svgRef}
        />
      </div>
      <p className="text-sm text-muted-foreground">{f.keyboardHint}</p>

      <SaveBar state={state} isDirty={isDirty} onSave={() => void save()}>
        <Button variant="secondary" onClick={() => svgRef.current && exportSvg(svgRef.current, `${fileBase}.svg`)}><Download aria-hidden="true" />{f.exportSvg}</Button>
        <Button variant="secondary" onClick={() => svgRef.current && void exportPng(svgRef.current, `${fileBase}.png`)}><Download aria-hidden="true" />{f.exportPng}</Button>
      </SaveBar>

      <label className="block space-y-1">
        <span className="text-sm font-medium">{f.head}</span>
        <Input value={doc.head} placeholder={f.headPlaceholder} aria-invalid={errorAt("head") ? true : undefined} onChange={(event) => setDoc((current) => ({ ...current, head: event.target.value }))} />
      </label>

      {doc.categories.map((category, categoryIndex) => (
        <fieldset key={category.id} className="rounded-md border border-border p-3" data-testid="fishbone-category">
          <legend className="sr-only">{category.name}</legend>
          <div className="flex flex-wrap items-center gap-2">
            <Input
              aria-label={f.categoryName} value={category.name} className="max-w-xs font-semibold"
              aria-invalid={errorAt(`categories.${categoryIndex}.name`) ? true : undefined}
              onChange={(event) => setDoc((current) => ops.renameCategory(current, category.id, event.target.value))}
            />
            <Button size="sm" variant="secondary" onClick={() => addCause(category.id)}><Plus aria-hidden="true" />{f.addCause}</Button>
            <Button size="icon" variant="ghost" aria-label={f.removeCategory.replace("{name}", category.name)} onClick={() => setDoc((current) => ops.removeCategory(current, category.id))}>
              <Trash2 />
            </Button>
          </div>
          {category.causes.length === 0 ? <p className="mt-2 text-sm text-muted-foreground">{f.empty}</p> : (
            <ul className="mt-2 divide-y divide-border">
              {flattenCauseTree(category.causes as FishboneCause[]).map(({ cause, depth }) => (
                <FishboneCauseRow
                  key={cause.id} cause={cause as FishboneInput["categories"][number]["causes"][number]} depth={depth}
                  path={`categories.${categoryIndex}.causes.${category.causes.findIndex((item) => item.id === cause.id)}`}
                  categories={categories} categoryId={category.id} people={people} errorAt={errorAt}
                  onChange={(patch) => setDoc((current) => ops.updateCause(current, category.id, cause.id, patch))}
                  onMove={(direction) => { setDoc((current) => ops.moveCause(current, category.id, cause.id, direction)); focusCause(cause.id); }}
                  onMoveTo={(target) => { setDoc((current) => ops.moveCauseToCategory(current, category.id, cause.id, target)); focusCause(cause.id); }}
                  onAddChild={() => addCause(category.id, cause.id)}
                  onRemove={() => setDoc((current) => ops.removeCause(current, category.id, cause.id))}
                />
              ))}
            </ul>
          )}
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setDoc((current) => ops.addCategory(current, newItemId(), f.newCategory))}>
        <Plus aria-hidden="true" />{f.addCategory}
      </Button>
    </div>
  );
}
