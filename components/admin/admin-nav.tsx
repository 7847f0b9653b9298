"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/admin/users", key: "users" },
  { href: "/admin/teams", key: "teams" },
  { href: "/admin/lists", key: "lists" },
  { href: "/admin/stages", key: "stages" },
  { href: "/admin/audit", key: "audit" },
  { href: "/admin/profile-template", key: "profileTemplate" },
  { href: "/admin/analysis", key: "analysis" },
] as const;

/** The administration sections as tabs under the page title. */
export function AdminNav() {
  const { m } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={m.admin.sections} className="-mt-2 mb-6 overflow-x-auto border-b border-border">
      <ul className="flex min-w-max gap-1">
        {TABS.map(({ href, key }) => {
          const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2",
                  isCurrent ? "border-primary text-primary" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                {key === "profileTemplate" ? m.buyingCenter.links.profile : key === "analysis" ? m.analysis.settings.title : m.admin.tabs[key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
