"use client";

import { BarChart3, Building2, ClipboardCheck, FileChartColumnIncreasing, KanbanSquare, Presentation, RefreshCcw, ShieldCheck, Target } from "lucide-react";
import { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { IntentLink } from "@/components/ui/intent-link";
import { Spinner } from "@/components/ui/spinner";
import type { Messages } from "@/messages/en";

const ITEMS = [
  { href: "/dashboard", key: "dashboard", icon: BarChart3 },
  { href: "/pipeline", key: "pipeline", icon: KanbanSquare },
  { href: "/opportunities", key: "opportunities", icon: Target },
  { href: "/accounts", key: "accounts", icon: Building2 },
  { href: "/decision-cycle", key: "decisionCycle", icon: RefreshCcw },
  // Every role reads reports, each over the deals it may see (mine / team / org): the data layer scopes them.
  { href: "/reports", key: "reports", icon: FileChartColumnIncreasing },
] as const;

// Administration is shown to admins only; the admin pages and the data layer refuse everyone else anyway.
const ADMIN_ITEM = { href: "/admin", key: "admin", icon: ShieldCheck } as const;
// Approvals: managers and admins decide stage approvals; reps follow theirs on the deal page.
const APPROVALS_ITEM = { href: "/approvals", key: "approvals", icon: ClipboardCheck } as const;
// The project review meeting (issue 7) is run by managers and admins.
const REVIEW_ITEM = { href: "/review-meeting", key: "reviewMeeting", icon: Presentation } as const;

type NavKey = (typeof ITEMS)[number]["key"] | typeof ADMIN_ITEM.key | typeof APPROVALS_ITEM.key | typeof REVIEW_ITEM.key;

/** Each feature keeps its nav label in its own message section. */
function navLabel(key: NavKey, m: Messages): string {
  const labels: Record<NavKey, string> = {
    dashboard: m.forecast.nav,
    pipeline: m.pipeline.nav,
    opportunities: m.nav.opportunities,
    accounts: m.nav.accounts,
    decisionCycle: m.decisionCycle.nav,
    reports: m.reports.nav,
    admin: m.admin.nav,
    approvals: m.gatesUi.approvals.nav,
    reviewMeeting: m.analysis.meeting.nav,
  };
  return labels[key];
}

/** The link's icon, or a spinner while the page it leads to is on its way (pages render on the server). */
function NavIcon({ icon: Icon }: { icon: (typeof ITEMS)[number]["icon"] }) {
  const { pending } = useLinkStatus();
  return pending ? <Spinner /> : <Icon className="size-4" aria-hidden="true" />;
}

export function NavLinks({ isAdmin = false, canApprove = false }: { isAdmin?: boolean; canApprove?: boolean }) {
  const { m } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={m.nav.main} className="flex items-center gap-1 overflow-x-auto">
      {[...ITEMS, ...(canApprove ? [APPROVALS_ITEM, REVIEW_ITEM] : []), ...(isAdmin ? [ADMIN_ITEM] : [])].map(({ href, key, icon: Icon }) => {
        const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <IntentLink
            key={href}
            href={href}
            aria-current={isCurrent ? "page" : undefined}
            className={cn(
              "inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium transition-colors",
              "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2",
              isCurrent ? "bg-primary-soft text-primary" : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            <NavIcon icon={Icon} />
            {navLabel(key, m)}
          </IntentLink>
        );
      })}
    </nav>
  );
}
