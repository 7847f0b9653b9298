import { AlertTriangle, Building2, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/opportunities/activity-list";
import { DeleteOpportunityButton } from "@/components/opportunities/delete-opportunity-button";
import { OpportunityFigures } from "@/components/opportunities/opportunity-figures";
import { StageBadge } from "@/components/opportunities/stage-badge";
import { StageHistory } from "@/components/opportunities/stage-history";
import { StageMoveForm } from "@/components/opportunities/stage-move-form";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { daysInStage, isStalled, listStages, stageName } from "@/lib/domain/stages";
import { listOpportunityActivities, listStageHistory } from "@/lib/data/opportunities";
import { getStageTable } from "@/lib/data/stage-config";
import { interpolate } from "@/lib/i18n/config";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { loadVisibleOpportunity } from "../../_lib/load-opportunity";
import { getPageContext } from "../../_lib/session";
import { deleteOpportunityAction, moveOpportunityStageAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, (await params).id);
  const { m } = await getI18n();
  return { title: opportunity?.name ?? m.errors.notFoundTitle };
}

export default async function OpportunityPage({ params }: Params) {
  const { id } = await params;
  const ctx = await getPageContext();
  // Missing and not-visible look the same: the 404 page, nothing that hints the deal exists.
  const opportunity = await loadVisibleOpportunity(ctx, id);
  if (!opportunity) notFound();
  const [{ locale, m }, stageTable, history, activities] = await Promise.all([
    getI18n(),
    getStageTable(ctx),
    listStageHistory(ctx, opportunity.id),
    listOpportunityActivities(ctx, opportunity.id),
  ]);
  const o = m.opportunity;
  const enteredAt = new Date(opportunity.stageEnteredAt);
  const stallLimit = stageTable[opportunity.stage].maxDaysInStage;
  const isDealStalled = isStalled(opportunity.stage, enteredAt, new Date(), stageTable);
  const stageOptions = listStages(stageTable).map((definition) => ({
    value: definition.key,
    label: stageName(definition.key, locale, stageTable),
  }));

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/accounts/${opportunity.accountId}`} className="inline-flex items-center gap-1.5 hover:text-foreground hover:underline">
            <Building2 className="size-3.5" aria-hidden="true" />
            {opportunity.accountName}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {opportunity.name}
            <StageBadge stage={opportunity.stage} label={stageName(opportunity.stage, locale, stageTable)} className="text-sm" />
          </span>
        }
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/opportunities/${opportunity.id}/edit`}>
                <Pencil aria-hidden="true" />
                {m.common.edit}
              </Link>
            </Button>
            <DeleteOpportunityButton
              name={opportunity.name}
              action={deleteOpportunityAction.bind(null, opportunity.id, opportunity.version)}
            />
          </>
        }
      />

      {isDealStalled && stallLimit !== null ? (
        <div className="mb-6 flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
          <AlertTriangle className="size-4 shrink-0" aria-hidden="true" />
          {interpolate(o.stalled, { limit: stallLimit })}
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-6 md:grid-cols-[minmax(0,1fr)_17rem] lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card aria-labelledby="details-heading">
            <CardHeader title={o.details} headingId="details-heading" />
            <CardBody>
              <DescriptionList
                items={[
                  { term: o.account, detail: <Link href={`/accounts/${opportunity.accountId}`} className="text-primary hover:underline">{opportunity.accountName}</Link> },
                  { term: o.owner, detail: opportunity.ownerName },
                  { term: o.productLine, detail: opportunity.productLine ?? m.common.none },
                  { term: o.currency, detail: opportunity.currency },
                  { term: o.expectedCloseDate, detail: formatDate(opportunity.expectedCloseDate, locale) },
                  { term: o.stage, detail: stageName(opportunity.stage, locale, stageTable) },
                  {
                    term: o.stageEnteredAt,
                    detail: `${formatDate(opportunity.stageEnteredAt, locale)} · ${interpolate(o.daysInStage, { days: daysInStage(enteredAt) })}`,
                  },
                  ...(opportunity.lossReason ? [{ term: o.lossReason, detail: opportunity.lossReason, isWide: true }] : []),
                  { term: o.created, detail: formatDateTime(opportunity.createdAt, locale) },
                  { term: o.updated, detail: formatDateTime(opportunity.updatedAt, locale) },
                ]}
              />
            </CardBody>
          </Card>

          <Card aria-labelledby="history-heading">
            <CardHeader title={o.history.title} headingId="history-heading" />
            <CardBody>
              <StageHistory entries={history} currency={opportunity.currency} stageTable={stageTable} locale={locale} m={m} />
            </CardBody>
          </Card>

          <Card aria-labelledby="activities-heading">
            <CardHeader title={o.activities.title} headingId="activities-heading" />
            <CardBody>
              <ActivityList activities={activities} locale={locale} m={m} />
            </CardBody>
          </Card>
        </div>

        <div className="space-y-6">
          <OpportunityFigures opportunity={opportunity} locale={locale} m={m} />
          <Card aria-labelledby="move-heading">
            <CardHeader title={o.move.title} description={o.move.description} headingId="move-heading" />
            <CardBody>
              <StageMoveForm
                currentStage={opportunity.stage}
                version={opportunity.version}
                stages={stageOptions}
                action={moveOpportunityStageAction.bind(null, opportunity.id)}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
