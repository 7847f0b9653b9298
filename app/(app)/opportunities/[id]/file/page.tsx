import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/analysis/print-button";
import { getAccount } from "@/lib/data/accounts";
import { listOpportunityActivities } from "@/lib/data/activities";
import { getAnalysisDocument } from "@/lib/data/analysis";
import { getCloseOutReview } from "@/lib/data/close-out";
import { getHealthScore } from "@/lib/data/health";
import { listStageHistory } from "@/lib/data/opportunities";
import { getOpportunityTeam } from "@/lib/data/opportunity-team";
import { getStageTable } from "@/lib/data/stage-config";
import { listOrgUsers } from "@/lib/data/users";
import { flattenCauseTree } from "@/lib/domain/fishbone";
import { stageName } from "@/lib/domain/stages";
import { POSITIONING_ELEMENTS, SWOT_QUADRANTS } from "@/lib/validations/analysis";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { loadVisibleOpportunity } from "../../../_lib/load-opportunity";
import { getPageContext } from "../../../_lib/session";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, (await params).id);
  const { m } = await getI18n();
  return { title: opportunity ? `${m.analysis.file.title} · ${opportunity.name}` : m.errors.notFoundTitle };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid space-y-2 border-t border-border pt-3">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** The project file (档案): one printable page with everything about the deal; print or "save as PDF". */
export default async function ProjectFilePage({ params }: Props) {
  const { id } = await params;
  const ctx = await getPageContext();
  const deal = await loadVisibleOpportunity(ctx, id);
  if (!deal) notFound();
  const [{ locale, m }, stageTable, account, history, activities, team, users] = await Promise.all([
    getI18n(), getStageTable(ctx), getAccount(ctx, deal.accountId), listStageHistory(ctx, id), listOpportunityActivities(ctx, id, { limit: 100 }),
    getOpportunityTeam(ctx, id), listOrgUsers(ctx),
  ]);
  const [score, fishbone, swot, competitors, positioning, review] = [
    await getHealthScore(ctx, id), await getAnalysisDocument(ctx, id, "FISHBONE"), await getAnalysisDocument(ctx, id, "SWOT"),
    await getAnalysisDocument(ctx, id, "COMPETITORS"), await getAnalysisDocument(ctx, id, "POSITIONING"), await getCloseOutReview(ctx, id),
  ];
  const f = m.analysis.file;
  const a = m.analysis;
  const name = (userId: string | null | undefined) => users.find((user) => user.id === userId)?.name ?? "—";
  const none = <p className="text-sm text-muted-foreground">{f.none}</p>;
  return (
    <article className="mx-auto max-w-4xl space-y-4 bg-surface p-6 text-sm print:max-w-none print:p-0" data-testid="project-file">
      <header className="flex items-start justify-between gap-4">
        <div>
          <p className="text-xs uppercase text-muted-foreground">{f.title}</p>
          <h1 className="text-2xl font-semibold">{deal.name}</h1>
          <p className="text-muted-foreground">{deal.accountName} · {f.generated.replace("{date}", formatDateTime(new Date(), locale))}</p>
        </div>
        <PrintButton label={f.print} />
      </header>
      <Section title={f.keyFacts}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 md:grid-cols-3">
          {[
            [m.opportunity.owner, deal.ownerName], [m.analysis.score.title, `${score.score} / 100 · ${a.score.grade.replace("{grade}", score.grade)}`],
            ["Stage / 阶段", stageName(deal.stage, locale, stageTable)], ["Amount / 金额", `${deal.amount} ${deal.currency}`],
            ["Close / 预计成交", formatDate(deal.expectedCloseDate, locale)], [a.score.productLine, deal.productLine ?? "—"], [a.score.industry, account.industry ?? "—"],
          ].map(([term, detail]) => <div key={term}><dt className="text-xs text-muted-foreground">{term}</dt><dd>{detail}</dd></div>)}
        </dl>
      </Section>
      <Section title={f.history}>
        <ol className="space-y-0.5">{history.map((entry, index) => (
          <li key={index}>{formatDateTime(entry.at, locale)} — {entry.fromStage ? `${entry.fromStage} → ` : ""}{entry.toStage} ({entry.byUserName}){entry.lossReason ? ` · ${entry.lossReason}` : ""}</li>
        ))}</ol>
      </Section>
      <Section title={f.activities}>
        {activities.data.length === 0 ? none : <ul className="space-y-0.5">{activities.data.map((activity) => (
          <li key={activity.id}>{formatDate(activity.occurredAt, locale)} — {activity.subject}</li>
        ))}</ul>}
      </Section>
      <Section title={f.team}>
        {team.members.length === 0 ? none : <ul>{team.members.map((member) => <li key={member.userId}>{member.userName} · {member.role} · {member.sharePct}%</li>)}</ul>}
      </Section>
      <Section title={`${f.analysis}: ${a.tabs.positioning}`}>
        <ul>{POSITIONING_ELEMENTS.map((element) => (
          <li key={element}>{a.positioning.elements[element]}: {positioning[element].score}/5 {positioning[element].note ? `— ${positioning[element].note}` : ""}</li>
        ))}</ul>
      </Section>
      <Section title={`${f.analysis}: ${a.tabs.fishbone}`}>
        <p className="font-medium">{fishbone.head || "—"}</p>
        {fishbone.categories.filter((category) => category.causes.length).map((category) => (
          <div key={category.id}>
            <div className="font-medium">{category.name}</div>
            <ul>{flattenCauseTree(category.causes).map(({ cause, depth }) => (
              <li key={cause.id} style={{ paddingLeft: `${depth + 1}rem` }}>
                {cause.text} · {a.fishbone.statuses[cause.status]}{cause.action ? ` · ${cause.action}` : ""}{cause.ownerId ? ` · ${name(cause.ownerId)}` : ""}{cause.dueDate ? ` · ${cause.dueDate}` : ""}
              </li>
            ))}</ul>
          </div>
        ))}
      </Section>
      <Section title={`${f.analysis}: ${a.tabs.swot}`}>
        <div className="grid grid-cols-2 gap-2">{SWOT_QUADRANTS.map((quadrant) => (
          <div key={quadrant}><div className="font-medium">{a.swot.quadrants[quadrant]}</div><ul className="list-disc pl-4">{swot[quadrant].map((item) => <li key={item.id}>{item.text}</li>)}</ul></div>
        ))}</div>
        <ul>{swot.strategies.map((strategy) => <li key={strategy.id}>{strategy.kind}: {strategy.text} · {name(strategy.ownerId)} · {a.swot.statuses[strategy.status]}</li>)}</ul>
      </Section>
      <Section title={`${f.analysis}: ${a.tabs.competitors}`}>
        {competitors.competitors.length === 0 ? none : competitors.competitors.map((competitor) => (
          <div key={competitor.id} className="break-inside-avoid">
            <div className="font-medium">{competitor.name}</div>
            <div className="grid grid-cols-3 gap-2">
              <div><span className="text-xs text-muted-foreground">{a.competitors.customerNeeds}</span><p>{competitor.triangle.customerNeeds}</p></div>
              <div><span className="text-xs text-muted-foreground">{a.competitors.ourOffer}</span><p>{competitor.triangle.ourOffer}</p></div>
              <div><span className="text-xs text-muted-foreground">{a.competitors.theirOffer}</span><p>{competitor.triangle.theirOffer}</p></div>
            </div>
          </div>
        ))}
      </Section>
      <Section title={f.review}>
        {!review ? none : (
          <dl className="space-y-1">
            <div><dt className="inline font-medium">{a.review.outcome}: </dt><dd className="inline">{a.review.outcomes[review.outcome]}</dd></div>
            <div><dt className="inline font-medium">{a.review.primaryReason}: </dt><dd className="inline">{review.primaryReason}{review.secondaryReasons.length ? ` (+ ${review.secondaryReasons.join(", ")})` : ""}</dd></div>
            <div><dt className="inline font-medium">{a.review.winnerCompetitor}: </dt><dd className="inline">{review.winnerCompetitor ?? "—"}</dd></div>
            <div><dt className="font-medium">{a.review.lessons}</dt><dd className="whitespace-pre-wrap">{review.lessons || "—"}</dd></div>
            <div><dt className="font-medium">{a.review.toRepeat}</dt><dd className="whitespace-pre-wrap">{review.toRepeat ?? "—"}</dd></div>
          </dl>
        )}
      </Section>
    </article>
  );
}
