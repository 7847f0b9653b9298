import type { Metadata } from "next";
import Link from "next/link";
import { CycleDiagram } from "@/components/decision-cycle/cycle-diagram";
import { StageMembers } from "@/components/decision-cycle/stage-members";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { getDecisionSummary, listDecisionStageMembers } from "@/lib/data/decision-portfolio";
import { allowedScopes } from "@/lib/data/pipeline-sql";
import { getStageTable } from "@/lib/data/stage-config";
import { isDecisionStageKey, type DecisionStageKey } from "@/lib/domain/decision-cycle";
import { stageName, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import { formatPercent } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { DecisionSummaryScope } from "@/lib/validations/decision-cycle";
import { getPageContext } from "../_lib/session";

type Props = { searchParams: Promise<{ scope?: string; stage?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.decisionCycle.portfolio.title };
}

/** The portfolio's decision cycle: accounts and open deals per customer stage, the Satisfaction share, and the list of one stage. */
export default async function DecisionCyclePortfolioPage({ searchParams }: Props) {
  const ctx = await getPageContext();
  const query = await searchParams;
  // The board's scope rule: a REP has "mine" only; "org" is the board's "all".
  const scopes = allowedScopes(ctx).map((scope): DecisionSummaryScope => (scope === "all" ? "org" : scope));
  const scope = scopes.find((candidate) => candidate === query.scope) ?? scopes[0];
  const stage: DecisionStageKey | null = isDecisionStageKey(query.stage) ? query.stage : null;
  const [{ locale, m }, stageTable, summary, members] = await Promise.all([
    getI18n(), getStageTable(ctx), getDecisionSummary(ctx, scope), stage ? listDecisionStageMembers(ctx, scope, stage) : null,
  ]);
  const t = m.decisionCycle.portfolio;
  const stageNames = Object.fromEntries(STAGE_KEYS.map((key) => [key, stageName(key, locale, stageTable)])) as Record<StageKey, string>;
  const known = summary.accounts.total - summary.accounts.unknown;
  const href = (next: { scope?: string; stage?: string | null }) => {
    const params = new URLSearchParams({ scope: next.scope ?? scope });
    const nextStage = next.stage === undefined ? stage : next.stage;
    if (nextStage) params.set("stage", nextStage);
    return `/decision-cycle?${params.toString()}`;
  };

  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <nav aria-label={t.scope} className="mb-4 flex gap-1">
        {scopes.map((option) => (
          <Link
            key={option}
            href={href({ scope: option })}
            aria-current={option === scope ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              option === scope ? "bg-primary-soft text-primary" : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            {t.scopes[option]}
          </Link>
        ))}
      </nav>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <CardBody>
            <CycleDiagram summary={summary} selected={stage} hrefFor={(key) => href({ stage: key })} locale={locale} m={m} />
          </CardBody>
        </Card>
        <div className="space-y-4">
          <Card data-testid="satisfaction-share">
            <CardBody className="space-y-2">
              <h2 className="text-sm font-medium text-muted-foreground">{t.satisfaction}</h2>
              {summary.satisfactionShare === null ? (
                <p className="text-sm text-muted-foreground">{t.noKnown}</p>
              ) : (
                <>
                  <p className="text-3xl font-semibold tabular-nums text-foreground">{formatPercent(summary.satisfactionShare, locale)}</p>
                  <p className="text-xs text-muted-foreground">{interpolate(t.satisfactionOf, { count: summary.accounts.byStage.SATISFACTION, known })}</p>
                </>
              )}
              <p className="border-l-2 border-violet-300 pl-2 text-sm text-foreground">{t.satisfactionRemark}</p>
            </CardBody>
          </Card>
          <Card>
            <CardBody>
              <dl className="grid grid-cols-2 gap-3 text-sm">
                <div><dt className="text-xs text-muted-foreground">{t.ahead}</dt><dd className="text-xl font-semibold tabular-nums text-violet-800">{summary.deals.ahead}</dd></div>
                <div><dt className="text-xs text-muted-foreground">{t.deals}</dt><dd className="text-xl font-semibold tabular-nums">{summary.deals.total}</dd></div>
                <div><dt className="text-xs text-muted-foreground">{`${t.deals} · ${t.unknown}`}</dt><dd className="tabular-nums">{summary.deals.unknown}</dd></div>
                <div><dt className="text-xs text-muted-foreground">{`${t.accounts} · ${t.unknown}`}</dt><dd className="tabular-nums">{summary.accounts.unknown}</dd></div>
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>
      {stage && members ? (
        <div className="mt-6">
          <StageMembers stage={stage} deals={members.deals} accounts={members.accounts} stageNames={stageNames} locale={locale} m={m} />
        </div>
      ) : null}
    </>
  );
}
