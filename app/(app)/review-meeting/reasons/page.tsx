import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { reportCloseOutReasons } from "@/lib/data/close-out";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../../_lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.analysis.report.title };
}

/** Win/loss reasons across the close-out reviews of the deals the caller can see. */
export default async function CloseOutReasonsPage() {
  const ctx = await getPageContext();
  const [{ m }, report] = await Promise.all([getI18n(), reportCloseOutReasons(ctx)]);
  const r = m.analysis.report;
  return (
    <>
      <PageHeader title={r.title} description={r.description} />
      <Card>
        <CardBody className="space-y-4">
          {report.reviews === 0 ? <p className="text-muted-foreground">{r.none}</p> : (
            <>
              <p className="text-sm text-muted-foreground">{r.reviews.replace("{count}", String(report.reviews)).replace("{incomplete}", String(report.incomplete))}</p>
              <table className="w-full text-sm" data-testid="reasons-table">
                <thead>
                  <tr className="border-b border-border text-left">
                    <th className="py-2">{m.analysis.review.outcome}</th><th>{r.reason}</th>
                    <th className="text-right">{r.primary}</th><th className="text-right">{r.secondary}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr key={`${row.outcome}:${row.reason}`} className="border-b border-border">
                      <td className="py-1.5">{m.analysis.review.outcomes[row.outcome]}</td><td>{row.label}</td>
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
    </>
  );
}
