import { Plus, Target } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { OpportunityFilters, type OpportunityFilterChoices } from "@/components/opportunities/opportunity-filters";
import { OpportunityTableView } from "@/components/opportunities/table/opportunity-table-view";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listStages, stageName } from "@/lib/domain/stages";
import { listOpportunityTablePage } from "@/lib/data/opportunity-table";
import { listPipelineFilterOptions } from "@/lib/data/pipeline-options";
import { allowedScopes, defaultScope } from "@/lib/data/pipeline-sql";
import { getProfile } from "@/lib/data/users";
import { interpolate } from "@/lib/i18n/config";
import { getI18n } from "@/lib/i18n/server";
import type { Ctx } from "@/lib/permissions";
import {
  initialSortDirection, type OpportunityTableQuery, opportunityTableToQuery, readOpportunityTableQuery, TABLE_SORT_KEYS, type TableSortKey,
} from "@/lib/validations/opportunity-table";
import { getPageContext } from "../../_lib/session";
import { pageStatus, type SearchParams } from "../../_lib/search-params";
import { moveOpportunitiesInBulkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.opportunities.title };
}

const href = (search: string) => (search ? `/opportunities?${search}` : "/opportunities");

/** Sorting by a column: its initial direction, or the other one when it is already the sorted column. */
function sortHrefs(query: OpportunityTableQuery): Record<TableSortKey, string> {
  const entries = TABLE_SORT_KEYS.map((sort) => {
    const dir = query.sort === sort ? (query.dir === "asc" ? "desc" : "asc") : initialSortDirection(sort);
    return [sort, href(opportunityTableToQuery({ ...query, sort, dir, page: 1 }, { isPaged: true }))] as const;
  });
  return Object.fromEntries(entries) as Record<TableSortKey, string>;
}

/** A REP filters only their own deals, so their owner choice is just themselves. */
async function loadFilterChoices(ctx: Ctx): Promise<Omit<OpportunityFilterChoices, "stages">> {
  const [options, profile] = await Promise.all([listPipelineFilterOptions(ctx), ctx.role === "REP" ? getProfile(ctx) : null]);
  return {
    ...options,
    owners: profile ? [{ value: profile.id, label: profile.name }] : options.owners,
    scopes: allowedScopes(ctx),
    defaultScope: defaultScope(ctx),
  };
}

export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const requested = readOpportunityTableQuery(await searchParams);
  // A shared link may carry a scope this role lacks: the page shows the role's default instead of failing.
  const query = requested.scope && !allowedScopes(ctx).includes(requested.scope) ? { ...requested, scope: undefined } : requested;
  const now = new Date();
  const [{ locale, m }, result, choices] = await Promise.all([getI18n(), listOpportunityTablePage(ctx, query, now), loadFilterChoices(ctx)]);
  const { total, page, pageSize, stageTable } = result;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const filterQuery = opportunityTableToQuery({ ...query, sort: undefined, dir: undefined });
  const isFiltered = filterQuery !== "";
  const exportQuery = opportunityTableToQuery(query);
  // With nothing at all yet, the empty state carries the one "New opportunity" call to action.
  const isPipelineEmpty = total === 0 && !isFiltered;

  const newButton = (
    <Button asChild>
      <Link href="/opportunities/new">
        <Plus aria-hidden="true" />
        {m.opportunities.new}
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader
        title={m.opportunities.title}
        description={interpolate(m.opportunities.count, { count: total })}
        actions={isPipelineEmpty ? undefined : newButton}
      />
      <Card>
        <OpportunityFilters
          choices={{
            ...choices,
            stages: listStages(stageTable).map((definition) => ({ value: definition.key, label: stageName(definition.key, locale, stageTable) })),
          }}
        />
        {result.data.length > 0 ? (
          <>
            <OpportunityTableView
              rows={result.data}
              stageTable={stageTable}
              now={now.toISOString()}
              sort={query.sort}
              dir={query.dir}
              sortHrefs={sortHrefs(query)}
              pageSize={pageSize}
              exportHref={`/api/v1/opportunities/export.csv${exportQuery ? `?${exportQuery}` : ""}`}
              total={total}
              moveAction={moveOpportunitiesInBulkAction}
            />
            <Pagination
              page={page}
              pageCount={pageCount}
              hrefForPage={(target) => href(opportunityTableToQuery({ ...query, page: target }, { isPaged: true }))}
              labels={{
                navigation: m.common.pagination,
                previous: m.common.previous,
                next: m.common.next,
                status: pageStatus(m.common.pageStatus, page, pageSize, total),
              }}
            />
          </>
        ) : isFiltered ? (
          <EmptyState icon={Target} title={m.opportunities.filteredEmptyTitle} description={m.opportunities.filteredEmptyBody} />
        ) : (
          <EmptyState icon={Target} title={m.opportunities.emptyTitle} description={m.opportunities.emptyBody} action={newButton} />
        )}
      </Card>
    </>
  );
}
