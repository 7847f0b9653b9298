import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { getProfile } from "@/lib/data/users";
import { getI18n } from "@/lib/i18n/server";
import { changeLocaleAction } from "../locale-actions";
import { getPageContext } from "./_lib/session";

// The signed-in shell shared by every app page.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await getPageContext();
  const [profile, { m }] = await Promise.all([getProfile(ctx), getI18n()]);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        {m.common.skipToContent}
      </a>
      <AppHeader
        appName={m.meta.appName}
        orgName={profile.org.name}
        user={{ name: profile.name, email: profile.email, roleLabel: m.roles[profile.role] }}
        changeLocale={changeLocaleAction}
        isAdmin={ctx.role === "ADMIN"}
        canApprove={ctx.role !== "REP"}
      />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1400px] flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:py-8">
        {children}
      </main>
    </div>
  );
}
