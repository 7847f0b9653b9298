import { IntentLink } from "@/components/ui/intent-link";
import type { ActionResult } from "@/components/forms/action-result";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

type AppHeaderProps = {
  appName: string;
  orgName: string;
  user: { name: string; email: string; roleLabel: string };
  changeLocale: (locale: string) => Promise<ActionResult>;
  isAdmin?: boolean;
  canApprove?: boolean;
};

/** The signed-in shell's top bar: brand and org, main navigation, language and the user menu. */
export function AppHeader({ appName, orgName, user, changeLocale, isAdmin, canApprove }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-40 border-b print:hidden border-border bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/80">
      <div className="mx-auto flex h-14 max-w-[1400px] items-center gap-4 px-4 sm:px-6">
        <IntentLink
          href="/opportunities"
          className="flex min-w-0 items-center gap-2.5 rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
        >
          <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white">
            P
          </span>
          <span className="flex min-w-0 flex-col leading-tight md:hidden lg:flex">
            <span className="truncate text-sm font-semibold text-foreground">{appName}</span>
            <span className="truncate text-xs text-muted-foreground">{orgName}</span>
          </span>
        </IntentLink>
        <div className="hidden min-w-0 xl:block">
          <NavLinks isAdmin={isAdmin} canApprove={canApprove} />
        </div>
        <div className="ml-auto flex items-center gap-1">
          <LanguageSwitch changeLocale={changeLocale} />
          <UserMenu {...user} />
        </div>
      </div>
      <div className="border-t border-border px-2 py-1 xl:hidden">
        <NavLinks isAdmin={isAdmin} canApprove={canApprove} />
      </div>
    </header>
  );
}
