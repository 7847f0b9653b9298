import { Plus, Target } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { OpportunityFilters } from "@/components/opportunities/opportunity-filters";
import { OpportunityTable } from "@/components/opportunities/opportunity-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { isStageKey, listStages, stageName } from "@/lib/domain/stages";
import { listOpportunityPage } from "@/lib/data/opportunities";
import { isUuid } from "@/lib/data/pagination";
import { getStageTable } from "@/lib/data/stage-config";
import { listOrgUsers } from "@/lib/data/users";
import { interpolate } from "@/lib/i18n/config";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../../_lib/session";
import { pageNumber, pageStatus, single, type SearchParams } from "../../_lib/search-params";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.opportunities.title };
}

export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const stageParam = single(params.stage);
  const ownerParam = single(params.owner);
  const stage = isStageKey(stageParam) ? stageParam : undefined;
  const ownerId = ownerParam && isUuid(ownerParam) ? ownerParam : undefined;
  const q = single(params.q)?.trim().slice(0, 200) || undefined;
  const page = pageNumber(params.page);

  const ctx = await getPageContext();
  const [{ locale, m }, stageTable, users, result] = await Promise.all([
    getI18n(),
    getStageTable(ctx),
    listOrgUsers(ctx),
    listOpportunityPage(ctx, { stage, ownerId, q, limit: PAGE_SIZE }, page),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const isFiltered = Boolean(stage || ownerId || q);
  // With nothing at all yet, the empty state carries the one "New opportunity" call to action.
  const isPipelineEmpty = result.total === 0 && !isFiltered && page === 1;

  const hrefForPage = (target: number) => {
    const next = new URLSearchParams();
    if (stage) next.set("stage", stage);
    if (ownerId) next.set("owner", ownerId);
    if (q) next.set("q", q);
    if (target > 1) next.set("page", String(target));
    const search = next.toString();
    return search ? `/opportunities?${search}` : "/opportunities";
  };

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
        description={interpolate(m.opportunities.count, { count: result.total })}
        actions={isPipelineEmpty ? undefined : newButton}
      />
      <Card>
        <OpportunityFilters
          stages={listStages(stageTable).map((definition) => ({ value: definition.key, label: stageName(definition.key, locale, stageTable) }))}
          owners={users.map((user) => ({ value: user.id, label: user.name }))}
        />
        {result.data.length > 0 ? (
          <>
            <OpportunityTable rows={result.data} stageTable={stageTable} locale={locale} m={m} />
            <Pagination
              page={page}
              pageCount={pageCount}
              hrefForPage={hrefForPage}
              labels={{
                navigation: m.common.pagination,
                previous: m.common.previous,
                next: m.common.next,
                status: pageStatus(m.common.pageStatus, page, PAGE_SIZE, result.total),
              }}
            />
          </>
        ) : isFiltered || page > 1 ? (
          <EmptyState icon={Target} title={m.opportunities.filteredEmptyTitle} description={m.opportunities.filteredEmptyBody} />
        ) : (
          <EmptyState icon={Target} title={m.opportunities.emptyTitle} description={m.opportunities.emptyBody} action={newButton} />
        )}
      </Card>
    </>
  );
}
