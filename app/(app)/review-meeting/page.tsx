import type { Metadata } from "next";
import Link from "next/link";
import { DecisionForm } from "@/components/analysis/decision-form";
import { DecisionStatusButton } from "@/components/analysis/decision-status-button";
import { GradeBadge, HealthScoreCard } from "@/components/analysis/health-score-card";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { StagePath } from "@/components/workspace/stage-path";
import { getAnalysisDocument } from "@/lib/data/analysis";
import { getHealthScore } from "@/lib/data/health";
import { getOpportunity } from "@/lib/data/opportunities";
import { listReviewDecisions, listReviewDeals, listReviewTeams } from "@/lib/data/review-meeting";
import { getStageTable } from "@/lib/data/stage-config";
import { listOrgUsers } from "@/lib/data/users";
import { listOpenFishboneActions } from "@/lib/domain/fishbone";
import { SWOT_QUADRANTS } from "@/lib/validations/analysis";
import { formatDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../_lib/session";
import { recordReviewDecisionAction, setReviewDecisionStatusAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.analysis.meeting.title };
}

type Props = { searchParams: Promise<{ team?: string; i?: string }> };

/** The project review meeting (销售项目分析会): one deal at a time, in grade-then-score order. */
export default async function ReviewMeetingPage({ searchParams }: Props) {
  const query = await searchParams;
  const ctx = await getPageContext();
  const [{ locale, m }, teams, users, stageTable] = await Promise.all([getI18n(), listReviewTeams(ctx), listOrgUsers(ctx), getStageTable(ctx)]);
  const t = m.analysis.meeting;
  const teamId = teams.some((team) => team.id === query.team) ? query.team! : (teams[0]?.id ?? null);
  const deals = await listReviewDeals(ctx, teamId);
  const index = Math.min(Math.max(0, Number(query.i) || 0), Math.max(0, deals.length - 1));
  const current = deals[index];
  const href = (i: number) => `/review-meeting?${new URLSearchParams({ ...(teamId ? { team: teamId } : {}), i: String(i) })}`;
  const people = users.map((user) => ({ id: user.id, name: user.name }));
  const peopleName = (id: string | null | undefined) => people.find((person) => person.id === id)?.name ?? m.analysis.noOwner;

  return (
    <>
      <PageHeader title={t.title} description={t.description} actions={<Link href="/review-meeting/reasons" className="text-sm text-primary hover:underline">{t.reasonsReport}</Link>} />
      {teams.length ? (
        <form className="mb-4 flex items-end gap-2" action="/review-meeting">
          <label className="block space-y-1">
            <span className="text-sm font-medium">{t.team}</span>
            <NativeSelect name="team" defaultValue={teamId ?? ""} className="w-56">
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </NativeSelect>
          </label>
          <Button type="submit" variant="secondary">{m.common.next}</Button>
        </form>
      ) : <p className="mb-4 text-sm text-muted-foreground">{t.allTeams}</p>}

      {!current ? <p className="text-muted-foreground">{t.noDeals}</p> : (
        <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <nav aria-label={t.title}>
            <ol className="space-y-1 text-sm">
              {deals.map((deal, i) => (
                <li key={deal.id}>
                  <Link href={href(i)} aria-current={i === index ? "true" : undefined} className={`flex items-center justify-between gap-2 rounded-md px-2 py-1.5 ${i === index ? "bg-primary-soft text-primary" : "hover:bg-muted"}`}>
                    <span className="truncate">{deal.name}</span>
                    <span className="flex shrink-0 items-center gap-1 tabular-nums"><GradeBadge grade={deal.grade} m={m} />{deal.score}</span>
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
          <MeetingDeal ctx={ctx} id={current.id} index={index} total={deals.length} href={href} locale={locale} m={m} stageTable={stageTable} people={people} peopleName={peopleName} />
        </div>
      )}
    </>
  );
}

type MeetingDealProps = {
  ctx: Awaited<ReturnType<typeof getPageContext>>; id: string; index: number; total: number; href: (i: number) => string;
  locale: Awaited<ReturnType<typeof getI18n>>["locale"]; m: Awaited<ReturnType<typeof getI18n>>["m"];
  stageTable: Awaited<ReturnType<typeof getStageTable>>; people: { id: string; name: string }[]; peopleName: (id: string | null | undefined) => string;
};

async function MeetingDeal({ ctx, id, index, total, href, locale, m, stageTable, people, peopleName }: MeetingDealProps) {
  const t = m.analysis.meeting;
  const [deal, score, fishbone, swot, decisions] = [
    await getOpportunity(ctx, id), await getHealthScore(ctx, id), await getAnalysisDocument(ctx, id, "FISHBONE"),
    await getAnalysisDocument(ctx, id, "SWOT"), await listReviewDecisions(ctx, id),
  ];
  const actions = listOpenFishboneActions(fishbone);
  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold"><Link href={`/opportunities/${id}`} className="hover:underline">{deal.name}</Link> <span className="text-sm font-normal text-muted-foreground">· {deal.accountName} · {deal.ownerName}</span></h2>
        <div className="flex items-center gap-2 text-sm">
          <span>{t.deal.replace("{index}", String(index + 1)).replace("{total}", String(total))}</span>
          {index > 0 ? <Button asChild size="sm" variant="secondary"><Link href={href(index - 1)}>{t.previous}</Link></Button> : null}
          {index < total - 1 ? <Button asChild size="sm"><Link href={href(index + 1)}>{t.next}</Link></Button> : null}
        </div>
      </div>
      <StagePath stage={deal.stage} stageEnteredAt={deal.stageEnteredAt} lostFromStage={null} stageTable={stageTable} locale={locale} m={m} now={new Date()} />
      <div className="grid gap-4 xl:grid-cols-3">
        <HealthScoreCard score={score} m={m} analysisHref={`/opportunities/${id}/analysis?tab=score`} />
        <Card aria-labelledby="meeting-actions">
          <CardHeader title={m.analysis.fishbone.openActions} headingId="meeting-actions" />
          <CardBody>
            {actions.length === 0 ? <p className="text-sm text-muted-foreground">{m.analysis.fishbone.noOpenActions}</p> : (
              <ul className="space-y-2 text-sm">
                {actions.map((cause) => (
                  <li key={cause.id}>
                    <div className="font-medium">{cause.action ?? cause.text}</div>
                    <div className="text-xs text-muted-foreground">{cause.categoryName} · {peopleName(cause.ownerId)}{cause.dueDate ? ` · ${formatDate(cause.dueDate, locale)}` : ""}</div>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="meeting-swot">
          <CardHeader title={m.analysis.tabs.swot} headingId="meeting-swot" />
          <CardBody className="grid grid-cols-2 gap-2 text-sm">
            {SWOT_QUADRANTS.map((quadrant) => (
              <div key={quadrant}>
                <div className="font-medium">{m.analysis.swot.quadrants[quadrant]}</div>
                <ul className="list-disc pl-4 text-muted-foreground">{swot[quadrant].map((item) => <li key={item.id}>{item.text}</li>)}</ul>
              </div>
            ))}
          </CardBody>
        </Card>
      </div>
      <Card aria-labelledby="meeting-decisions">
        <CardHeader title={t.decisions} headingId="meeting-decisions" />
        <CardBody className="space-y-3">
          {decisions.length === 0 ? <p className="text-sm text-muted-foreground">{t.noDecisions}</p> : (
            <ul className="space-y-1 text-sm">
              {decisions.map((decision) => (
                <li key={decision.id} className="flex flex-wrap items-center justify-between gap-2" data-status={decision.status}>
                  <span className={decision.status === "DONE" ? "text-muted-foreground line-through" : undefined}>
                    {decision.text} <span className="text-muted-foreground">— {decision.ownerName}{decision.dueDate ? ` · ${formatDate(decision.dueDate, locale)}` : ""}</span>
                    {decision.status === "DONE" ? <span className="ml-2 text-xs no-underline">({t.done})</span> : null}
                  </span>
                  {ctx.role !== "REP" || decision.ownerId === ctx.userId ? (
                    <DecisionStatusButton status={decision.status === "DONE" ? "DONE" : "OPEN"} text={decision.text} action={setReviewDecisionStatusAction.bind(null, decision.id)} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {ctx.role !== "REP" ? <DecisionForm people={people} defaultOwnerId={deal.ownerId} action={recordReviewDecisionAction.bind(null, id)} /> : null}
        </CardBody>
      </Card>
    </div>
  );
}
