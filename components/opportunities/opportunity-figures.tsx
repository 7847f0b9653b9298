import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney, formatPercent } from "@/lib/i18n/format";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { Messages } from "@/messages/en";

type OpportunityFiguresProps = {
  opportunity: Pick<OpportunityOutput, "amount" | "currency" | "probability" | "weightedAmount">;
  locale: Locale;
  m: Messages;
};

/** Amount × stage probability = weighted amount, all computed by the server from the stage module. */
export function OpportunityFigures({ opportunity, locale, m }: OpportunityFiguresProps) {
  const o = m.opportunity;
  const percent = Math.round(opportunity.probability * 100);
  return (
    <Card aria-labelledby="figures-heading">
      <CardHeader title={o.keyFigures} headingId="figures-heading" />
      <CardBody className="space-y-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{o.amount}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums tracking-tight">{formatMoney(opportunity.amount, opportunity.currency, locale)}</p>
        </div>
        <div>
          <div className="flex items-baseline justify-between">
            <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{o.probability}</p>
            <p className="text-sm font-semibold tabular-nums">{formatPercent(opportunity.probability, locale)}</p>
          </div>
          <div
            className="mt-2 h-2 overflow-hidden rounded-full bg-muted"
            role="progressbar"
            aria-label={o.probability}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
          </div>
        </div>
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{o.weightedAmount}</p>
          <p className="mt-1 text-lg font-semibold tabular-nums text-primary">{formatMoney(opportunity.weightedAmount, opportunity.currency, locale)}</p>
        </div>
      </CardBody>
    </Card>
  );
}
