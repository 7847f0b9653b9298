"use client";

import { Search, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type Option = { value: string; label: string };
type OpportunityFiltersProps = { stages: Option[]; owners: Option[] };

const SEARCH_DELAY_MS = 350;

/** Filters live in the URL (?stage=&owner=&q=), so a filtered list can be bookmarked and shared. */
export function OpportunityFilters({ stages, owners }: OpportunityFiltersProps) {
  const { m } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const navigate = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page"); // a new filter starts at the first page
    const search = next.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const onQueryChange = (value: string) => {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => navigate({ q: value.trim() }), SEARCH_DELAY_MS);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(timer.current);
    navigate({ q: query.trim() });
  };

  const hasFilters = Boolean(params.get("q") || params.get("stage") || params.get("owner"));
  return (
    <form role="search" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 border-b border-border px-4 py-3">
      <div className="flex min-w-56 flex-1 flex-col gap-1.5">
        <FieldLabel htmlFor="filter-q">{m.opportunities.searchLabel}</FieldLabel>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-subtle-foreground" aria-hidden="true" />
          <Input
            id="filter-q"
            type="search"
            value={query}
            onChange={(event) => onQueryChange(event.target.value)}
            placeholder={m.opportunities.searchPlaceholder}
            className="pl-8"
            autoComplete="off"
          />
        </div>
      </div>
      <div className="flex w-full flex-col gap-1.5 sm:w-48">
        <FieldLabel htmlFor="filter-stage">{m.opportunities.stageFilter}</FieldLabel>
        <NativeSelect id="filter-stage" value={params.get("stage") ?? ""} onChange={(event) => navigate({ stage: event.target.value })}>
          <option value="">{m.opportunities.allStages}</option>
          {stages.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex w-full flex-col gap-1.5 sm:w-48">
        <FieldLabel htmlFor="filter-owner">{m.opportunities.ownerFilter}</FieldLabel>
        <NativeSelect id="filter-owner" value={params.get("owner") ?? ""} onChange={(event) => navigate({ owner: event.target.value })}>
          <option value="">{m.opportunities.allOwners}</option>
          {owners.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex h-9 items-center gap-2">
        {isPending ? (
          <span role="status" className="inline-flex items-center gap-1.5 text-sm text-muted-foreground">
            <Spinner />
            <span className="sr-only">{m.common.loading}</span>
          </span>
        ) : null}
        {hasFilters ? (
          <Link href={pathname} className={buttonVariants({ variant: "ghost", size: "sm" })} onClick={() => setQuery("")}>
            <X aria-hidden="true" />
            {m.common.clearFilters}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
