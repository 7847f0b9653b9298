"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { UrlSearchField } from "@/components/forms/url-search-field";
import { useUrlParams } from "@/components/forms/use-url-params";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type Option = { value: string; label: string };
type OpportunityFiltersProps = { stages: Option[]; owners: Option[] };

/** Search, stage and owner filters; all live in the URL (?q=&stage=&owner=). */
export function OpportunityFilters({ stages, owners }: OpportunityFiltersProps) {
  const { m } = useI18n();
  const { params, pathname, update, isPending } = useUrlParams();
  const hasFilters = Boolean(params.get("q") || params.get("stage") || params.get("owner"));
  const select = (id: string, param: string, label: string, allLabel: string, options: Option[]) => (
    <div className="flex w-full flex-col gap-1.5 sm:w-48">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <NativeSelect id={id} value={params.get(param) ?? ""} onChange={(event) => update({ [param]: event.target.value })}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-border px-4 py-3">
      <div className="min-w-56 flex-1">
        <UrlSearchField
          id="filter-q"
          label={m.opportunities.searchLabel}
          placeholder={m.opportunities.searchPlaceholder}
          loadingLabel={m.common.loading}
        />
      </div>
      {select("filter-stage", "stage", m.opportunities.stageFilter, m.opportunities.allStages, stages)}
      {select("filter-owner", "owner", m.opportunities.ownerFilter, m.opportunities.allOwners, owners)}
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
            {m.common.clearFilters}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
