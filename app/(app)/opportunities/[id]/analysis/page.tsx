import { ArrowLeft, FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CloseOutForm } from "@/components/analysis/close-out-form";
import { CompetitorsEditor } from "@/components/analysis/competitors-editor";
import { FishboneEditor } from "@/components/analysis/fishbone-editor";
import { HealthScoreCard } from "@/components/analysis/health-score-card";
import { PositioningEditor } from "@/components/analysis/positioning-editor";
import { SwotEditor } from "@/components/analysis/swot-editor";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/components/ui/cn";
import { getAccount } from "@/lib/data/accounts";
import { getAnalysisDocument } from "@/lib/data/analysis";
import { getCloseOutReview } from "@/lib/data/close-out";
import { getHealthScore } from "@/lib/data/health";
import { listOptions } from "@/lib/data/lists";
import { listOrgUsers } from "@/lib/data/users";
import { getI18n } from "@/lib/i18n/server";
import { loadVisibleOpportunity } from "../../../_lib/load-opportunity";
import { getPageContext } from "../../../_lib/session";

const TABS = ["fishbone", "swot", "competitors", "positioning", "score", "review"] as const;
type Tab = (typeof TABS)[number];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, (await params).id);
  const { m } = await getI18n();
  return { title: opportunity ? `${m.analysis.title} · ${opportunity.name}` : m.errors.notFoundTitle };
}

/** A deal's project analysis (销售项目分析), one tool per tab; each editor saves through REST API v1. */
export default async function OpportunityAnalysisPage({ params, searchParams }: Props) {
  const { id } = await params;
  const requested = (await searchParams).tab;
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : "fishbone";
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, id);
  if (!opportunity) notFound();
  const [{ m }, users] = await Promise.all([getI18n(), listOrgUsers(ctx)]);
  const a = m.analysis;
  const people = users.map((user) => ({ id: user.id, name: user.name }));

  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/opportunities/${id}`} className="inline-flex items-center gap-1.5 hover:underline"><ArrowLeft className="size-3.5" aria-hidden="true" />{a.backToDeal}</Link>}
        title={`${a.title}: ${opportunity.name}`}
        description={a.description}
        actions={<Link href={`/opportunities/${id}/file`} className="inline-flex items-center gap-1.5 text-sm text-primary hover:underline"><FileText className="size-4" aria-hidden="true" />{a.fileLink}</Link>}
      />
      <nav aria-label={a.title} className="mb-4 flex flex-wrap gap-1 border-b border-border">
        {TABS.map((key) => (
          <Link
            key={key} href={`/opportunities/${id}/analysis?tab=${key}`} aria-current={key === tab ? "page" : undefined}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", key === tab ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground")}
          >
            {a.tabs[key]}
          </Link>
        ))}
      </nav>
      <Card>
        <CardBody>
          {tab === "fishbone" ? (
            <FishboneEditor opportunityId={id} dealName={opportunity.name} initial={await getAnalysisDocument(ctx, id, "FISHBONE")} people={people} />
          ) : tab === "swot" ? (
            <SwotEditor opportunityId={id} initial={await getAnalysisDocument(ctx, id, "SWOT")} people={people} />
          ) : tab === "competitors" ? (
            <CompetitorsEditor opportunityId={id} initial={await getAnalysisDocument(ctx, id, "COMPETITORS")} />
          ) : tab === "positioning" ? (
            <PositioningEditor opportunityId={id} initial={await getAnalysisDocument(ctx, id, "POSITIONING")} />
          ) : tab === "score" ? (
            <ScoreTab ctx={ctx} id={id} accountId={opportunity.accountId} productLine={opportunity.productLine} m={m} />
          ) : (
            <ReviewTab ctx={ctx} id={id} stage={opportunity.stage} m={m} />
          )}
        </CardBody>
      </Card>
    </>
  );
}

type Ctx = Awaited<ReturnType<typeof getPageContext>>;
type M = Awaited<ReturnType<typeof getI18n>>["m"];

async function ScoreTab({ ctx, id, accountId, productLine, m }: { ctx: Ctx; id: string; accountId: string; productLine: string | null; m: M }) {
  const [score, account] = [await getHealthScore(ctx, id), await getAccount(ctx, accountId)];
  const s = m.analysis.score;
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,28rem)_1fr]">
      <HealthScoreCard score={score} m={m} />
      <section aria-label={s.classification}>
        <h3 className="mb-2 font-semibold">{s.classification}</h3>
        <DescriptionList items={[
          { term: s.productLine, detail: productLine ?? m.common.none },
          { term: s.industry, detail: account.industry ?? m.common.none },
        ]} />
      </section>
    </div>
  );
}

async function ReviewTab({ ctx, id, stage, m }: { ctx: Ctx; id: string; stage: string; m: M }) {
  const [review, winReasons, lossReasons, competitors] = [
    await getCloseOutReview(ctx, id), await listOptions(ctx, "WIN_REASON"), await listOptions(ctx, "LOSS_REASON"),
    await getAnalysisDocument(ctx, id, "COMPETITORS"),
  ];
  const isClosed = stage === "P7" || stage === "LOST";
  return (
    <div className="space-y-4">
      {!isClosed && !review ? <Alert>{m.analysis.review.openDealHint}</Alert> : null}
      {stage === "P7" && !review?.isComplete ? <Alert tone="warning">{m.analysis.review.p7Prompt}</Alert> : null}
      <CloseOutForm
        opportunityId={id}
        initial={review}
        defaultOutcome={stage === "P7" ? "WON" : "LOST"}
        reasons={{ WON: winReasons, LOST: lossReasons }}
        competitorNames={competitors.competitors.map((competitor) => competitor.name)}
      />
    </div>
  );
}
