import { Building2, ChartNetwork, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DealRedFlags } from "@/components/buying-center/deal-red-flags";
import { DeleteOpportunityButton } from "@/components/opportunities/delete-opportunity-button";
import { OpportunityFigures } from "@/components/opportunities/opportunity-figures";
import { StageBadge } from "@/components/opportunities/stage-badge";
import { StageHistory } from "@/components/opportunities/stage-history";
import { StageMoveForm } from "@/components/opportunities/stage-move-form";
import { GateChecklist } from "@/components/opportunities/gates/gate-checklist";
import { DecisionCyclePanel } from "@/components/decision-cycle/decision-cycle-panel";
import { HealthScoreCard } from "@/components/analysis/health-score-card";
import { CloseOutPrompt } from "@/components/analysis/close-out-prompt";
import { getCloseOutReview } from "@/lib/data/close-out";
import { getHealthScore } from "@/lib/data/health";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { DealActivities } from "@/components/workspace/deal-activities";
import { KeyFields } from "@/components/workspace/key-fields";
import { ProjectTeamPanel } from "@/components/workspace/project-team-panel";
import { StagePath } from "@/components/workspace/stage-path";
import { StageTimeSummary } from "@/components/workspace/stage-time-summary";
import { listOpportunityActivities } from "@/lib/data/activities";
import { listContacts } from "@/lib/data/accounts";
import { getDealRedFlags } from "@/lib/data/buying-center";
import { listStageHistory } from "@/lib/data/opportunities";
import { getOpportunityTeam } from "@/lib/data/opportunity-team";
import { getOpportunityGates } from "@/lib/data/gate-status";
import { getDecisionCycle } from "@/lib/data/decision-cycle";
import { getOrgActivityTypes } from "@/lib/data/activity-types";
import { getStageTable } from "@/lib/data/stage-config";
import { listOrgUsers } from "@/lib/data/users";
import { listStages, stageName, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { loadVisibleOpportunity } from "../../_lib/load-opportunity";
import { getPageContext } from "../../_lib/session";
import { deleteOpportunityAction, moveOpportunityStageAction } from "../actions";
import { changeDecisionStageAction } from "./decision-cycle-actions";
import { requestApprovalAction, tickChecklistAction, untickChecklistAction } from "./gate-actions";
import { loadCurrentDealAction, loadOlderActivitiesAction, logActivityAction, replaceTeamAction, saveKeyFieldsAction } from "./actions";

type Params = { params: Promise<{ id: string }> };
type PageProps = Params & { searchParams: Promise<{ gateTo?: string | string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, (await params).id);
  const { m } = await getI18n();
  return { title: opportunity?.name ?? m.errors.notFoundTitle };
}

/**
 * The deal workspace: where the deal stands on the P0–P7 path and what to do next, its key fields edited
 * in place, the activity timeline, the stage history with time per stage, the stage move and the project team.
 */
export default async function OpportunityPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const ctx = await getPageContext();
  // Missing and not-visible look the same: the 404 page, nothing that hints the deal exists.
  const opportunity = await loadVisibleOpportunity(ctx, id);
  if (!opportunity) notFound();
  // A refused move links here with ?gateTo=<its target>, so the checklist shows that move's criteria.
  const { gateTo: gateToParam } = await searchParams;
  const gateTo = STAGE_KEYS.find((key) => key === gateToParam && key !== opportunity.stage);
  const [{ locale, m }, stageTable, history, activities, contacts, team, users, activityTypes] = await Promise.all([
    getI18n(),
    getStageTable(ctx),
    listStageHistory(ctx, opportunity.id),
    listOpportunityActivities(ctx, opportunity.id, { limit: 30 }),
    listContacts(ctx, opportunity.accountId),
    getOpportunityTeam(ctx, opportunity.id),
    listOrgUsers(ctx),
    getOrgActivityTypes(ctx),
  ]);
  const o = m.opportunity;
  const now = new Date();
  const stageOptions = listStages(stageTable).map((definition) => ({ value: definition.key, label: stageName(definition.key, locale, stageTable) }));
  const stageNames = Object.fromEntries(STAGE_KEYS.map((key) => [key, stageName(key, locale, stageTable)])) as Record<StageKey, string>;

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
            <StageBadge stage={opportunity.stage} label={stageNames[opportunity.stage]} className="text-sm" />
          </span>
        }
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/opportunities/${opportunity.id}/analysis`}><ChartNetwork aria-hidden="true" />{m.analysis.link}</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link href={`/opportunities/${opportunity.id}/edit`}>
                <Pencil aria-hidden="true" />
                {m.common.edit}
              </Link>
            </Button>
            <DeleteOpportunityButton name={opportunity.name} action={deleteOpportunityAction.bind(null, opportunity.id, opportunity.version)} />
          </>
        }
      />

      <StagePath
        stage={opportunity.stage}
        stageEnteredAt={opportunity.stageEnteredAt}
        lostFromStage={opportunity.stage === "LOST" ? (history.findLast((entry) => entry.toStage === "LOST")?.fromStage ?? null) : null}
        stageTable={stageTable}
        locale={locale}
        m={m}
        now={now}
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <KeyFields
            deal={opportunity}
            stageNames={stageNames}
            save={saveKeyFieldsAction.bind(null, opportunity.id)}
            loadCurrent={loadCurrentDealAction.bind(null, opportunity.id)}
          >
            <DescriptionList
              items={[
                { term: o.account, detail: <Link href={`/accounts/${opportunity.accountId}`} className="text-primary hover:underline">{opportunity.accountName}</Link> },
                { term: o.owner, detail: opportunity.ownerName },
                { term: o.stageEnteredAt, detail: formatDate(opportunity.stageEnteredAt, locale) },
                { term: o.currency, detail: opportunity.currency },
                ...(opportunity.lossReason ? [{ term: o.lossReason, detail: opportunity.lossReason, isWide: true }] : []),
                { term: o.created, detail: formatDateTime(opportunity.createdAt, locale) },
                { term: o.updated, detail: formatDateTime(opportunity.updatedAt, locale) },
              ]}
            />
          </KeyFields>

          <DealActivities
            page={activities}
            activityTypes={activityTypes.active}
            contacts={contacts.map(({ id: contactId, name, title }) => ({ id: contactId, name, title }))}
            logAction={logActivityAction.bind(null, opportunity.id)}
            loadOlder={loadOlderActivitiesAction.bind(null, opportunity.id)}
          />

          <Card aria-labelledby="history-heading">
            <CardHeader title={o.history.title} headingId="history-heading" />
            <CardBody>
              <StageTimeSummary entries={history} stageTable={stageTable} locale={locale} m={m} now={now} />
              <StageHistory entries={history} currency={opportunity.currency} stageTable={stageTable} locale={locale} m={m} now={now} />
            </CardBody>
          </Card>
        </div>

        <div className="space-y-6">
          <OpportunityFigures opportunity={opportunity} locale={locale} m={m} />
          <DecisionCyclePanel
            cycle={await getDecisionCycle(ctx, opportunity.id)}
            projectStageName={stageNames[opportunity.stage]}
            activities={activities.data.map(({ id: activityId, subject, occurredAt }) => ({ id: activityId, subject, occurredAt }))}
            action={changeDecisionStageAction.bind(null, opportunity.id)}
            detailsHref={`/opportunities/${opportunity.id}/decision-cycle`}
          />
          {opportunity.stage === "P7" ? <CloseOutPrompt isComplete={Boolean((await getCloseOutReview(ctx, opportunity.id))?.isComplete)} href={`/opportunities/${opportunity.id}/analysis?tab=review`} m={m} /> : null}
          <HealthScoreCard score={await getHealthScore(ctx, opportunity.id)} m={m} analysisHref={`/opportunities/${opportunity.id}/analysis?tab=score`} />
          <Card aria-labelledby="move-heading">
            <CardHeader title={o.move.title} description={o.move.description} headingId="move-heading" />
            <CardBody>
              <StageMoveForm
                opportunityId={opportunity.id}
                currentStage={opportunity.stage}
                version={opportunity.version}
                stages={stageOptions}
                action={moveOpportunityStageAction.bind(null, opportunity.id)}
              />
            </CardBody>
          </Card>
          <GateChecklist
            opportunityId={opportunity.id}
            status={await getOpportunityGates(ctx, opportunity.id, gateTo)}
            stageNames={stageNames}
            activities={activities.data.map(({ id: activityId, subject, occurredAt }) => ({ id: activityId, subject, occurredAt }))}
            actions={{
              tick: tickChecklistAction.bind(null, opportunity.id),
              untick: untickChecklistAction.bind(null, opportunity.id),
              requestApproval: requestApprovalAction.bind(null, opportunity.id),
            }}
          />
          <DealRedFlags flags={await getDealRedFlags(ctx, opportunity.id)} opportunityId={opportunity.id} accountId={opportunity.accountId} locale={locale} m={m} />
          <ProjectTeamPanel
            team={team}
            people={users.map((user) => ({ id: user.id, name: user.name }))}
            action={replaceTeamAction.bind(null, opportunity.id)}
          />
        </div>
      </div>
    </>
  );
}
