import Link from "next/link";
import { StageBadge } from "@/components/opportunities/stage-badge";
import { Badge } from "@/components/ui/badge";
import { DECISION_STAGE_NAMES, type DecisionStageKey } from "@/lib/domain/decision-cycle";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate, type Locale } from "@/lib/i18n/config";
import type { DecisionAlignmentOutput } from "@/lib/validations/decision-cycle";
import type { Messages } from "@/messages/en";

type MemberDeal = { id: string; name: string; accountName: string; ownerName: string; stage: StageKey; alignment: DecisionAlignmentOutput };
type MemberAccount = { id: string; name: string; isKeyAccount: boolean; ownerName: string | null; openDeals: number };

type StageMembersProps = {
  stage: DecisionStageKey;
  deals: MemberDeal[];
  accounts: MemberAccount[];
  stageNames: Record<StageKey, string>;
  locale: Locale;
  m: Messages;
};

const LIMIT = 100;

/** The click-through of the cycle diagram: the accounts and open deals whose customer is in `stage`. */
export function StageMembers({ stage, deals, accounts, stageNames, locale, m }: StageMembersProps) {
  const t = m.decisionCycle.portfolio;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  return (
    <section aria-labelledby="stage-members-heading" className="space-y-4" data-testid="stage-members">
      <h2 id="stage-members-heading" className="text-base font-semibold text-foreground">
        {interpolate(t.listTitle, { stage: DECISION_STAGE_NAMES[stage][lang] })}
      </h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-medium text-muted-foreground">{`${t.listDeals} (${deals.length})`}</h3>
          {deals.length ? (
            <ul className="divide-y divide-border rounded-md border border-border">
              {deals.map((deal) => (
                <li key={deal.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
                  <Link href={`/opportunities/${deal.id}`} className="min-w-0 flex-1 truncate font-medium text-primary hover:underline">{deal.name}</Link>
                  <span className="text-xs text-muted-foreground">{deal.accountName}</span>
                  <StageBadge stage={deal.stage} label={stageNames[deal.stage]} />
                  {deal.alignment.status === "AHEAD" ? (
                    <Badge tone="violet">{interpolate(m.decisionCycle.card.ahead, { gap: deal.alignment.gap ?? 0 })}</Badge>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-muted-foreground">{t.noMembers}</p>}
          {deals.length >= LIMIT ? <p className="mt-1 text-xs text-muted-foreground">{t.limited}</p> : null}
        </div>
        <div>
          <h3 className="mb-2 text-sm font-medium text-muted-foreground">{`${t.listAccounts} (${accounts.length})`}</h3>
          {accounts.length ? (
            <ul className="divide-y divide-border rounded-md border border-border">
              {accounts.map((account) => (
                <li key={account.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
                  <Link href={`/accounts/${account.id}`} className="min-w-0 flex-1 truncate font-medium text-primary hover:underline">{account.name}</Link>
                  {account.isKeyAccount ? <Badge tone="primary">{t.keyAccount}</Badge> : null}
                  <span className="text-xs text-muted-foreground">{interpolate(t.openDeals, { count: account.openDeals })}</span>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-muted-foreground">{t.noMembers}</p>}
          {accounts.length >= LIMIT ? <p className="mt-1 text-xs text-muted-foreground">{t.limited}</p> : null}
        </div>
      </div>
    </section>
  );
}
