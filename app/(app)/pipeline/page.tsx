import { List, Plus } from "lucide-react";
import type { Metadata } from "next";
import { buildBoardFormats } from "@/components/pipeline/board-format";
import { toBoardCard } from "@/components/pipeline/board-model";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { PipelineFilters } from "@/components/pipeline/pipeline-filters";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IntentLink } from "@/components/ui/intent-link";
import { PageHeader } from "@/components/ui/page-header";
import { listStages, stageName } from "@/lib/domain/stages";
import { getPipelineBoard } from "@/lib/data/pipeline";
import { listPipelineFilterOptions } from "@/lib/data/pipeline-options";
import { allowedScopes, defaultScope } from "@/lib/data/pipeline-sql";
import { getProfile } from "@/lib/data/users";
import { getI18n } from "@/lib/i18n/server";
import { BOARD_FIRST_CARDS, pipelineFiltersToQuery, readPipelineFilters } from "@/lib/validations/pipeline";
import { getPageContext } from "../_lib/session";
import type { SearchParams } from "../_lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.pipeline.title };
}

// The P0–P7 board: the server renders every column's totals and first cards, so the board is painted from
// the first HTML; the browser then scrolls, loads more and moves cards through REST API v1.
export default async function PipelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const filters = readPipelineFilters(await searchParams);
  // A scope the role does not have (e.g. a shared link opened by a rep) falls back to the role's default.
  if (filters.scope && !allowedScopes(ctx).includes(filters.scope)) delete filters.scope;
  const [{ locale, m }, board, options, profile] = await Promise.all([
    getI18n(),
    getPipelineBoard(ctx, { ...filters, limit: BOARD_FIRST_CARDS }),
    listPipelineFilterOptions(ctx),
    getProfile(ctx),
  ]);
  const t = m.pipeline;
  const filterQuery = pipelineFiltersToQuery(filters);
  const isFiltered = filterQuery !== "";
  const isEmpty = board.columns.every((column) => column.count === 0);
  const stages = listStages(board.stageTable).map((definition) => ({
    key: definition.key,
    name: stageName(definition.key, locale, board.stageTable),
    probability: definition.probability,
    maxDaysInStage: definition.maxDaysInStage,
    isClosed: definition.isClosed,
  }));

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        className="mb-4"
        actions={
          <>
            <Button variant="secondary" asChild>
              <IntentLink href="/opportunities">
                <List aria-hidden="true" />
                {t.tableView}
              </IntentLink>
            </Button>
            <Button asChild>
              <IntentLink href="/opportunities/new">
                <Plus aria-hidden="true" />
                {t.newDeal}
              </IntentLink>
            </Button>
          </>
        }
      />
      <PipelineFilters options={options} scopes={allowedScopes(ctx)} defaultScope={defaultScope(ctx)} />
      {isEmpty ? (
        <Alert tone="info" title={isFiltered ? t.noMatchesTitle : t.emptyTitle} className="mb-4">
          {isFiltered ? t.noMatchesBody : t.emptyBody}
        </Alert>
      ) : null}
      <PipelineBoard
        columns={board.columns.map(({ items, ...column }) => ({ ...column, items: items.map(toBoardCard) }))}
        stages={stages}
        renderedAt={board.now}
        filterQuery={filterQuery}
        isFiltered={isFiltered}
        isStalledOnly={Boolean(filters.stalledOnly)}
        currency={profile.org.baseCurrency}
        formats={buildBoardFormats(locale, profile.org.baseCurrency)}
      />
    </>
  );
}
