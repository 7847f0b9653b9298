"use client";

import { SlidersHorizontal, X } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { UrlSearchField } from "@/components/forms/url-search-field";
import { useUrlParams } from "@/components/forms/use-url-params";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldLabel } from "@/components/ui/field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { interpolate } from "@/lib/i18n/config";
import type { PipelineScope } from "@/lib/validations/pipeline";

type Option = { value: string; label: string };

export type OpportunityFilterChoices = {
  stages: Option[];
  owners: Option[];
  teams: Option[];
  productLines: string[];
  segments: string[];
  regions: string[];
  /** The "show" scopes the caller's role allows; a single one needs no control. */
  scopes: PipelineScope[];
  defaultScope: PipelineScope;
};

/** Filters behind "More filters": opened at first when one of them is in use. */
const SECONDARY_KEYS = ["teamId", "productLine", "segment", "region", "closeFrom", "closeTo", "stalledOnly", "grade"];
const PRIMARY_KEYS = ["q", "scope", "stage", "ownerId"];
/** Kept when filters are cleared: how the table is viewed, not which deals. */
const VIEW_KEYS = ["sort", "dir", "size"];

const toOptions = (values: string[]): Option[] => values.map((value) => ({ value, label: value }));

/**
 * The pipeline board's filters (same URL names: ownerId, teamId, productLine, segment, region, closeFrom,
 * closeTo, q, scope, stalledOnly) plus the table's stage filter; every change goes back to page 1.
 */
export function OpportunityFilters({ choices }: { choices: OpportunityFilterChoices }) {
  const { m } = useI18n();
  const t = m.opportunityTable.filters;
  const { params, pathname, update, isPending } = useUrlParams();
  const secondaryCount = SECONDARY_KEYS.filter((key) => params.get(key)).length;
  const [isExpanded, setIsExpanded] = useState(secondaryCount > 0);
  const hasFilters = [...PRIMARY_KEYS, ...SECONDARY_KEYS].some((key) => params.get(key));
  const kept = new URLSearchParams(VIEW_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key) as string]] : [])));
  const clearHref = kept.size ? `${pathname}?${kept.toString()}` : pathname;

  const select = (id: string, param: string, label: string, allLabel: string, options: Option[]) => (
    <FilterField id={id} label={label}>
      <NativeSelect id={id} value={params.get(param) ?? ""} onChange={(event) => update({ [param]: event.target.value })}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </FilterField>
  );

  return (
    <div className="border-b border-border px-4 py-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <UrlSearchField id="filter-q" label={m.opportunities.searchLabel} placeholder={m.opportunities.searchPlaceholder} loadingLabel={m.common.loading} />
        </div>
        {choices.scopes.length > 1 ? (
          <FilterField id="filter-scope" label={t.show} className="sm:w-36">
            <NativeSelect
              id="filter-scope"
              value={params.get("scope") ?? choices.defaultScope}
              onChange={(event) => update({ scope: event.target.value === choices.defaultScope ? "" : event.target.value })}
            >
              {choices.scopes.map((scope) => (
                <option key={scope} value={scope}>
                  {t.scopes[scope]}
                </option>
              ))}
            </NativeSelect>
          </FilterField>
        ) : null}
        {select("filter-stage", "stage", m.opportunities.stageFilter, m.opportunities.allStages, choices.stages)}
        {select("filter-owner", "ownerId", m.opportunities.ownerFilter, m.opportunities.allOwners, choices.owners)}
        <div className="flex h-9 items-center gap-2">
          <Button variant="ghost" size="sm" aria-expanded={isExpanded} aria-controls="more-filters" onClick={() => setIsExpanded(!isExpanded)}>
            <SlidersHorizontal aria-hidden="true" />
            {isExpanded ? t.fewer : secondaryCount ? interpolate(t.moreActive, { count: secondaryCount }) : t.more}
          </Button>
          {isPending ? (
            <span role="status" className="text-muted-foreground">
              <Spinner />
              <span className="sr-only">{m.common.loading}</span>
            </span>
          ) : null}
          {hasFilters ? (
            <Link href={clearHref} className={buttonVariants({ variant: "ghost", size: "sm" })}>
              <X aria-hidden="true" />
              {m.common.clearFilters}
            </Link>
          ) : null}
        </div>
      </div>
      <div id="more-filters" hidden={!isExpanded} className="mt-3 flex flex-wrap items-end gap-3">
        {choices.teams.length ? select("filter-team", "teamId", t.team, t.allTeams, choices.teams) : null}
        {select("filter-product-line", "productLine", t.productLine, t.allProductLines, toOptions(choices.productLines))}
        {select("filter-segment", "segment", t.segment, t.allSegments, toOptions(choices.segments))}
        {select("filter-region", "region", t.region, t.allRegions, toOptions(choices.regions))}
        {select("filter-grade", "grade", m.analysis.grade.label, m.analysis.grade.any, toOptions(["A", "B", "C"]))}
        <FilterField id="filter-close-from" label={t.closeFrom} className="sm:w-40">
          <Input id="filter-close-from" type="date" value={params.get("closeFrom") ?? ""} onChange={(event) => update({ closeFrom: event.target.value })} />
        </FilterField>
        <FilterField id="filter-close-to" label={t.closeTo} className="sm:w-40">
          <Input id="filter-close-to" type="date" value={params.get("closeTo") ?? ""} onChange={(event) => update({ closeTo: event.target.value })} />
        </FilterField>
        <label htmlFor="filter-stalled" className="flex h-9 items-center gap-2 text-sm font-medium text-foreground">
          <Checkbox
            id="filter-stalled"
            checked={["true", "1"].includes(params.get("stalledOnly") ?? "")}
            onChange={(event) => update({ stalledOnly: event.target.checked ? "true" : "" })}
          />
          {t.stalledOnly}
        </label>
      </div>
    </div>
  );
}

function FilterField({ id, label, className = "sm:w-48", children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("flex w-full flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {children}
    </div>
  );
}
