import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/analysis/print-button";
import { loadProjectFile } from "@/lib/data/project-file";
import { flattenCauseTree } from "@/lib/domain/fishbone";
import { stageName } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { POSITIONING_ELEMENTS, SWOT_QUADRANTS } from "@/lib/validations/analysis";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
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
  const [{ locale, m }, file] = await Promise.all([getI18n(), loadProjectFile(ctx, id)]);
  const { stageTable, history, activities, team, score, fishbone, swot, competitors, positioning, review } = file;
  const f = m.analysis.file;
  const a = m.analysis;
  const name = (userId: string | null | undefined) => (userId ? file.userNames[userId] ?? "—" : "—");
  const none = <p className="text-sm text-muted-foreground">{f.none}</p>;
  return (
    <article className="mx-auto max-w-4xl space-y-4 bg-surface p-6 text-sm print:max-w-none print:p-0" data-testid="project-file">
      <header className="flex items-start justify-between gap-4">
        <div>
          <p className="text-xs uppercase text-muted-foreground">{f.title}</p>
          <h1 className="text-2xl font-semibold">{deal.name}</h1>
          <p className="text-muted-foreground">{deal.accountName} · {interpolate(f.generated, { date: formatDateTime(new Date(), locale) })}</p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a href={`/api/v1/opportunities/${deal.id}/file.pdf`} download className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border px-3 text-sm font-medium hover:bg-muted">
            <Download className="size-4" aria-hidden="true" />{f.downloadPdf}
          </a>
          <PrintButton label={f.print} />
        </div>
      </header>
      <Section title={f.keyFacts}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 md:grid-cols-3">
          {[
            [m.opportunity.owner, deal.ownerName], [m.analysis.score.title, `${score.score} / 100 · ${interpolate(a.score.grade, { grade: score.grade })}`],
            [m.opportunity.stage, stageName(deal.stage, locale, stageTable)], [m.opportunity.amount, formatMoney(deal.amount, deal.currency, locale)],
            [m.opportunity.expectedCloseDate, formatDate(deal.expectedCloseDate, locale)], [a.score.productLine, deal.productLine ?? "—"], [a.score.industry, file.industry ?? "—"],
          ].map(([term, detail]) => <div key={term}><dt className="text-xs text-muted-foreground">{term}</dt><dd>{detail}</dd></div>)}
        </dl>
      </Section>
      <Section title={f.history}>
        <ol className="space-y-0.5">{history.map((entry, index) => (
          <li key={index}>{formatDateTime(entry.at, locale)} — {entry.fromStage ? `${entry.fromStage} → ` : ""}{entry.toStage} ({entry.byUserName}){entry.lossReason ? ` · ${entry.lossReason}` : ""}</li>
        ))}</ol>
      </Section>
      <Section title={f.activities}>
        {activities.length === 0 ? none : <ul className="space-y-0.5">{activities.map((activity) => (
          <li key={activity.id}>{formatDate(activity.occurredAt, locale)} — {activity.typeName[locale]} · {activity.subject} ({activity.userName})</li>
        ))}</ul>}
      </Section>
      <Section title={f.team}>
        {team.length === 0 ? none : <ul>{team.map((member) => <li key={member.userId}>{member.userName} · {m.workspace.team.roles[member.role]} · {member.sharePct}%</li>)}</ul>}
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
            <div><dt className="inline font-medium">{a.review.primaryReason}: </dt><dd className="inline">{review.primaryLabel}{review.secondaryLabels.length ? ` (+ ${review.secondaryLabels.join(", ")})` : ""}</dd></div>
            <div><dt className="inline font-medium">{a.review.winnerCompetitor}: </dt><dd className="inline">{review.winnerCompetitor ?? "—"}</dd></div>
            <div><dt className="font-medium">{a.review.lessons}</dt><dd className="whitespace-pre-wrap">{review.lessons || "—"}</dd></div>
            <div><dt className="font-medium">{a.review.toRepeat}</dt><dd className="whitespace-pre-wrap">{review.toRepeat ?? "—"}</dd></div>
          </dl>
        )}
      </Section>
    </article>
  );
}
