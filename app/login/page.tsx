import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LoginHero } from "@/components/auth/login-hero";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Card } from "@/components/ui/card";
import { getSessionContext } from "@/lib/auth";
import { getI18n } from "@/lib/i18n/server";
import { changeLocaleAction } from "../locale-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.login.title };
}

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = typeof value === "string" ? value : "";
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") && !url.startsWith("/login") ? url : "/opportunities";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionContext()) redirect(callbackUrl);
  const { m } = await getI18n();
  return (
    <div className="grid min-h-screen lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <LoginHero appName={m.meta.appName} title={m.login.heroTitle} body={m.login.heroBody} />
      <div className="flex flex-col">
        <div className="flex justify-end p-4">
          <LanguageSwitch changeLocale={changeLocaleAction} />
        </div>
        <main className="flex flex-1 items-center justify-center px-4 pb-16 sm:px-8">
          <div className="w-full max-w-sm">
            <p className="mb-8 text-sm font-semibold text-primary lg:hidden">{m.meta.appName}</p>
            <h1 className="text-2xl font-semibold tracking-tight">{m.login.title}</h1>
            <p className="mt-1 mb-6 text-sm text-muted-foreground">{m.login.subtitle}</p>
            <Card className="p-6">
              <LoginForm callbackUrl={callbackUrl} />
            </Card>
            <p className="mt-4 text-center text-sm">
              <Link href="/signup" className="font-medium text-primary hover:underline">
                {m.signup.link}
              </Link>
            </p>
            <div className="mt-6 rounded-md border border-dashed border-border bg-surface/60 px-4 py-3 text-xs text-muted-foreground">
              <p className="font-medium text-foreground">{m.login.demoTitle}</p>
              <p className="mt-1 leading-relaxed">{m.login.demoBody}</p>
            </div>
          </div>
        </main>
      </div>
    </div>
  );
}
