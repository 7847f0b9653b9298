import type { ReactNode } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { LoginHero } from "./login-hero";

type AuthPageLayoutProps = {
  appName: string;
  heroTitle: string;
  heroBody: string;
  title: string;
  subtitle: string;
  changeLocale: (locale: string) => Promise<ActionResult>;
  /** The form, shown in a card. */
  children: ReactNode;
  /** What follows the card: links, hints. */
  footer?: ReactNode;
  isWide?: boolean;
};

/** The signed-out pages (sign-in, organization sign-up): the hero beside a titled form card. */
export function AuthPageLayout({ appName, heroTitle, heroBody, title, subtitle, changeLocale, children, footer, isWide }: AuthPageLayoutProps) {
  return (
    <div className="grid min-h-screen lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <LoginHero appName={appName} title={heroTitle} body={heroBody} />
      <div className="flex flex-col">
        <div className="flex justify-end p-4">
          <LanguageSwitch changeLocale={changeLocale} />
        </div>
        <main className="flex flex-1 items-center justify-center px-4 pb-16 sm:px-8">
          <div className={cn("w-full", isWide ? "max-w-md" : "max-w-sm")}>
            <p className="mb-8 text-sm font-semibold text-primary lg:hidden">{appName}</p>
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            <p className="mt-1 mb-6 text-sm text-muted-foreground">{subtitle}</p>
            <Card className="p-6">{children}</Card>
            {footer}
          </div>
        </main>
      </div>
    </div>
  );
}
