import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionCyclePanel } from "@/components/decision-cycle/decision-cycle-panel";
import { DecisionHistory } from "@/components/decision-cycle/decision-history";
import { PurchaseSteps } from "@/components/decision-cycle/purchase-steps";
import { ValueChainChart } from "@/components/decision-cycle/value-chain-chart";
import { ValueChainTable } from "@/components/decision-cycle/value-chain-table";
import { StageBadge } from "@/components/opportunities/stage-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getStageTable } from "@/lib/data/stage-config";
import { getValueChain } from "@/lib/data/value-chain";
import { stageName, STAGE_KEYS } from "@/lib/domain/stages";
import { getI18n } from "@/lib/i18n/server";
import { loadVisibleOpportunity } from "../../../_lib/load-opportunity";
import { getPageContext } from "../../../_lib/session";
import { changeDecisionStageAction, setPurchaseStepAction } from "../decision-cycle-actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, (await params).id);
  const { m } = await getI18n();
  return { title: opportunity ? `${m.decisionCycle.chain.title} · ${opportunity.name}` : m.errors.notFoundTitle };
}

/** The deal's value chain: decision cycle, activities and P stage on one time axis, purchase steps and history. */
export default async function DecisionCyclePage({ params }: Params) {
  const { id } = await params;
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, id);
  if (!opportunity) notFound();
  const [{ locale, m }, stageTable, chain] = await Promise.all([getI18n(), getStageTable(ctx), getValueChain(ctx, opportunity.id)]);
  const t = m.decisionCycle;
  const stageNames = Object.fromEntries(STAGE_KEYS.map((key) => [key, stageName(key, locale, stageTable)]));
  const view = { name: opportunity.name, ...chain };
  const now = new Date();

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/opportunities/${opportunity.id}`} className="inline-flex items-center gap-1.5 hover:text-foreground hover:underline">
            <ArrowLeft className="size-3.5" aria-hidden="true" />
            {t.chain.back}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {opportunity.name}
            <StageBadge stage={opportunity.stage} label={stageNames[opportunity.stage]} className="text-sm" />
          </span>
        }
        description={t.chain.description}
      />
      <div className="space-y-6">
        <Card aria-labelledby="value-chain-heading">
          <CardHeader title={t.chain.title} headingId="value-chain-heading" />
          <CardBody className="space-y-3">
            <ValueChainChart view={view} locale={locale} m={m} now={now} />
            {chain.activities.length === 0 ? <p className="text-sm text-muted-foreground">{t.chain.noActivities}</p> : null}
            <ValueChainTable view={view} locale={locale} m={m} stageNames={stageNames} />
          </CardBody>
        </Card>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <div className="space-y-6">
            <DecisionCyclePanel
              cycle={chain.cycle}
              projectStageName={stageNames[opportunity.stage]}
              activities={[...chain.activities].reverse().map(({ id: activityId, subject, occurredAt }) => ({ id: activityId, subject, occurredAt }))}
              action={changeDecisionStageAction.bind(null, opportunity.id)}
            />
            <Card aria-labelledby="purchase-steps-heading">
              <CardHeader title={t.steps.title} description={t.steps.description} headingId="purchase-steps-heading" />
              <CardBody>
                <PurchaseSteps steps={chain.cycle.purchaseSteps} save={setPurchaseStepAction.bind(null, opportunity.id)} />
              </CardBody>
            </Card>
          </div>
          <Card aria-labelledby="decision-history-heading">
            <CardHeader title={t.history.title} headingId="decision-history-heading" />
            <CardBody>
              <DecisionHistory entries={chain.cycle.history} locale={locale} m={m} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
