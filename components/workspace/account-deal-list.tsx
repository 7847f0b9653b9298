import Link from "next/link";
import { StageBadge } from "@/components/opportunities/stage-badge";
import { sumDecimals } from "@/lib/domain/money";
import { isClosedStage, stageName, type StageTable } from "@/lib/domain/stages";
import { interpolate, type Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { Messages } from "@/messages/en";

type AccountDealListProps = { deals: OpportunityOutput[]; stageTable: StageTable; locale: Locale; m: Messages };

/** The account's deals the caller may see: open ones first (by close date), then closed, with the open pipeline. */
export function AccountDealList({ deals, stageTable, locale, m }: AccountDealListProps) {
  const open = deals.filter((deal) => !isClosedStage(deal.stage, stageTable)).sort((a, b) => a.expectedCloseDate.localeCompare(b.expectedCloseDate));
  const closed = deals.filter((deal) => isClosedStage(deal.stage, stageTable));
  // Deals of one account can be in several currencies: the summary only adds up the most common one.
  const counts = new Map<string, number>();
  for (const deal of open) counts.set(deal.currency, (counts.get(deal.currency) ?? 0) + 1);
  const currency = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const openAmount = sumDecimals(open.filter((deal) => deal.currency === currency).map((deal) => deal.amount)).toFixed(2);
  const row = (deal: OpportunityOutput) => (
    <li key={deal.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 first:pt-0 last:pb-0">
      <Link href={`/opportunities/${deal.id}`} className="min-w-0 flex-1 truncate text-sm font-medium text-primary hover:underline">
        {deal.name}
      </Link>
      <StageBadge stage={deal.stage} label={stageName(deal.stage, locale, stageTable)} />
      <span className="w-32 text-right text-sm tabular-nums">{formatMoney(deal.amount, deal.currency, locale)}</span>
      <span className="w-28 text-right text-xs tabular-nums text-muted-foreground">{formatDate(deal.expectedCloseDate, locale)}</span>
      <span className="w-24 truncate text-right text-xs text-muted-foreground">{deal.ownerName}</span>
    </li>
  );
  return (
    <div className="space-y-4">
      {currency ? (
        <p className="text-sm text-muted-foreground">
          {interpolate(m.workspace.account.dealsSummary, { count: open.length, amount: formatMoney(openAmount, currency, locale) })}
        </p>
      ) : null}
      {open.length ? <ul className="divide-y divide-border">{open.map(row)}</ul> : null}
      {closed.length ? (
        <div>
          <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{m.workspace.account.closedDeals}</h3>
          <ul className="divide-y divide-border">{closed.map(row)}</ul>
        </div>
      ) : null}
    </div>
  );
}
