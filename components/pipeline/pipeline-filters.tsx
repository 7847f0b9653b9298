"use client";

import { AlertTriangle, SlidersHorizontal, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { UrlSearchField } from "@/components/forms/url-search-field";
import { useUrlParams } from "@/components/forms/use-url-params";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldLabel } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { FilterOption, PipelineFilterOptions } from "@/lib/data/pipeline-options";
import { interpolate } from "@/lib/i18n/config";
import type { PipelineScope } from "@/lib/validations/pipeline";
import { usePipelineMessages } from "./use-pipeline-messages";

type PipelineFiltersProps = { options: PipelineFilterOptions; scopes: PipelineScope[]; defaultScope: PipelineScope };

const DETAIL_PARAMS = ["ownerId", "teamId", "productLine", "segment", "region", "closeFrom", "closeTo", "grade"] as const;
const ALL_PARAMS = [...DETAIL_PARAMS, "q", "scope", "stalledOnly"] as const;

/** The board's filters, all in the URL under the API's own parameter names, so a view can be shared and reloaded. */
export function PipelineFilters({ options, scopes, defaultScope }: PipelineFiltersProps) {
  const { m } = useI18n();
  const t = usePipelineMessages().filters;
  const { params, pathname, update, isPending } = useUrlParams();
  const activeDetails = DETAIL_PARAMS.filter((key) => params.get(key)).length;
  const [isExpanded, setIsExpanded] = useState(activeDetails > 0);
  const hasFilters = ALL_PARAMS.some((key) => params.get(key));
  const scope = (params.get("scope") as PipelineScope | null) ?? defaultScope;
  const isStalledOnly = params.get("stalledOnly") === "true";

  const select = (param: (typeof DETAIL_PARAMS)[number], label: string, allLabel: string, choices: FilterOption[]) =>
    choices.length ? (
      <div className="flex w-full flex-col gap-1.5 sm:w-44">
        <FieldLabel htmlFor={`pipeline-${param}`}>{label}</FieldLabel>
        <NativeSelect id={`pipeline-${param}`} value={params.get(param) ?? ""} onChange={(event) => update({ [param]: event.target.value })}>
          <option value="">{allLabel}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </NativeSelect>
      </div>
    ) : null;
  const asChoices = (values: string[]) => values.map((value) => ({ value, label: value }));

  return (
    <section aria-label={t.label} className="mb-4 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <UrlSearchField id="pipeline-q" label={t.search} placeholder={t.searchPlaceholder} loadingLabel={m.common.loading} />
        </div>
        {scopes.length > 1 ? (
          <div className="flex flex-col gap-1.5">
            <span id="pipeline-scope-label" className="text-sm font-medium text-foreground">{t.scope}</span>
            <div role="radiogroup" aria-labelledby="pipeline-scope-label" className="inline-flex h-9 rounded-md border border-input bg-muted p-0.5">
              {scopes.map((value) => (
                <button
                  key={value}
                  type="button"
                  role="radio"
                  aria-checked={scope === value}
                  onClick={() => update({ scope: value === defaultScope ? "" : value })}
                  className={cn(
                    "rounded px-3 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    scope === value ? "bg-surface text-foreground shadow-xs" : "text-muted-foreground hover:text-foreground",
                  )}
                >
                  {t.scopes[value]}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <label className={cn(
          "inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm font-medium transition-colors",
          isStalledOnly ? "border-amber-300 bg-amber-50 text-amber-900" : "border-input bg-surface text-foreground hover:bg-muted",
        )}>
          <input
            type="checkbox"
            role="switch"
            checked={isStalledOnly}
            onChange={(event) => update({ stalledOnly: event.target.checked ? "true" : "" })}
            className="size-4 accent-amber-600"
          />
          <AlertTriangle className="size-4 text-amber-600" aria-hidden="true" />
          {t.stalledOnly}
        </label>
        <Button variant="secondary" onClick={() => setIsExpanded((value) => !value)} aria-expanded={isExpanded} aria-controls="pipeline-more-filters">
          <SlidersHorizontal aria-hidden="true" />
          {isExpanded ? t.fewer : t.more}
          {activeDetails ? <span className="rounded-full bg-primary-soft px-1.5 text-xs text-primary">{interpolate(t.active, { count: activeDetails })}</span> : null}
        </Button>
        <div className="flex h-9 items-center gap-2">
          {isPending ? (
            <span role="status" className="text-muted-foreground">
              <Spinner />
              <span className="sr-only">{m.common.loading}</span>
            </span>
          ) : null}
          {hasFilters ? (
            <Link href={pathname} className={buttonVariants({ variant: "ghost", size: "sm" })}>
              <X aria-hidden="true" />
              {t.clear}
            </Link>
          ) : null}
        </div>
      </div>
      {isExpanded ? (
        <div id="pipeline-more-filters" className="mt-3 flex flex-wrap items-end gap-3 border-t border-border pt-3">
          {select("ownerId", t.owner, t.allOwners, options.owners)}
          {select("teamId", t.team, t.allTeams, options.teams)}
          {select("productLine", t.productLine, t.allProductLines, asChoices(options.productLines))}
          {select("segment", t.segment, t.allSegments, asChoices(options.segments))}
          {select("region", t.region, t.allRegions, asChoices(options.regions))}
          {select("grade", m.analysis.grade.label, m.analysis.grade.any, asChoices(["A", "B", "C"]))}
          {(["closeFrom", "closeTo"] as const).map((param) => (
            <div key={param} className="flex w-full flex-col gap-1.5 sm:w-40">
              <FieldLabel htmlFor={`pipeline-${param}`}>{param === "closeFrom" ? t.closeFrom : t.closeTo}</FieldLabel>
              <Input
                id={`pipeline-${param}`}
                type="date"
                value={params.get(param) ?? ""}
                onChange={(event) => update({ [param]: event.target.value })}
              />
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
