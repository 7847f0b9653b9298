import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, NativeSelect } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { listDealsMissingReview, reportCloseOutReasons } from "@/lib/data/close-out";
import { listReviewTeams } from "@/lib/data/review-meeting";
import { interpolate } from "@/lib/i18n/config";
import { getI18n } from "@/lib/i18n/server";
import { reasonReportQuerySchema } from "@/lib/validations/analysis";
import { getPageContext } from "../../_lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.analysis.report.title };
}

type Props = { searchParams: Promise<{ from?: string; to?: string; team?: string }> };

/** Win/loss reasons across the close-out reviews of the closed deals the caller can see, by period and team; closed deals still missing their review. */
export default async function CloseOutReasonsPage({ searchParams }: Props) {
  const query = await searchParams;
  const ctx = await getPageContext();
  const parsed = reasonReportQuerySchema.safeParse({ from: query.from || undefined, to: query.to || undefined, teamId: query.team || undefined });
  const filters = parsed.success ? parsed.data : {};
  const [{ m }, report, missing, teams] = await Promise.all([getI18n(), reportCloseOutReasons(ctx, filters), listDealsMissingReview(ctx), listReviewTeams(ctx)]);
  const r = m.analysis.report;
  const review = m.analysis.review;
  return (
    <>
      <PageHeader title={r.title} description={r.description} />
      <form className="mb-4 flex flex-wrap items-end gap-3" action="/review-meeting/reasons" aria-label={r.title}>
        <label className="block space-y-1">
          <span className="block text-sm font-medium">{r.from}</span>
          <Input type="date" name="from" defaultValue={filters.from ?? ""} className="w-44" />
        </label>
        <label className="block space-y-1">
          <span className="block text-sm font-medium">{r.to}</span>
          <Input type="date" name="to" defaultValue={filters.to ?? ""} className="w-44" />
        </label>
        {teams.length ? (
          <label className="block space-y-1">
            <span className="block text-sm font-medium">{m.analysis.meeting.team}</span>
            <NativeSelect name="team" defaultValue={filters.teamId ?? ""} className="w-56">
              <option value="">{r.allTeams}</option>
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </NativeSelect>
          </label>
        ) : null}
        <Button type="submit" variant="secondary">{r.apply}</Button>
      </form>
      <Card>
        <CardBody className="space-y-4">
          {report.reviews === 0 ? <p className="text-muted-foreground">{r.none}</p> : (
            <>
              <p className="text-sm text-muted-foreground">{interpolate(r.reviews, { count: String(report.reviews), incomplete: String(report.incomplete) })}</p>
              <table className="w-full text-sm" data-testid="reasons-table">
                <thead>
                  <tr className="border-b border-border text-left">
                    <th className="py-2">{review.outcome}</th><th>{r.reason}</th>
                    <th className="text-right">{r.primary}</th><th className="text-right">{r.secondary}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr key={`${row.outcome}:${row.reason}`} className="border-b border-border">
                      <td className="py-1.5">{review.outcomes[row.outcome]}</td><td>{row.label}</td>
                      <td className="text-right tabular-nums">{row.primary}</td><td className="text-right tabular-nums">{row.secondary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.winners.length ? (
                <section>
                  <h2 className="mb-1 font-semibold">{r.winners}</h2>
                  <ul className="text-sm">{report.winners.map((winner) => <li key={winner.name}>{winner.name}: {winner.count}</li>)}</ul>
                </section>
              ) : null}
            </>
          )}
        </CardBody>
      </Card>
      <Card className="mt-4">
        <CardHeader title={review.missingTitle} description={review.missingDescription} headingId="missing-reviews" />
        <CardBody>
          {missing.length === 0 ? <p className="text-sm text-muted-foreground">{review.missingNone}</p> : (
            <ul className="divide-y divide-border text-sm" data-testid="missing-reviews">
              {missing.map((deal) => (
                <li key={deal.id} className="flex items-center justify-between gap-3 py-1.5">
                  <span>{deal.name} <span className="text-muted-foreground">· {deal.stage === "P7" ? review.outcomes.WON : review.outcomes.LOST}</span></span>
                  <Link href={`/opportunities/${deal.id}/analysis?tab=review`} className="shrink-0 text-primary hover:underline">{review.writeReview}</Link>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </>
  );
}
