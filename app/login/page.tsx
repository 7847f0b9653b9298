import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AuthPageLayout } from "@/components/auth/auth-page-layout";
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
    <AuthPageLayout
      appName={m.meta.appName} heroTitle={m.login.heroTitle} heroBody={m.login.heroBody}
      title={m.login.title} subtitle={m.login.subtitle} changeLocale={changeLocaleAction}
      footer={
        <>
          <p className="mt-4 text-center text-sm">
            <Link href="/signup" className="font-medium text-primary hover:underline">
              {m.signup.link}
            </Link>
          </p>
          <div className="mt-6 rounded-md border border-dashed border-border bg-surface/60 px-4 py-3 text-xs text-muted-foreground">
            <p className="font-medium text-foreground">{m.login.demoTitle}</p>
            <p className="mt-1 leading-relaxed">{m.login.demoBody}</p>
          </div>
        </>
      }
    >
      <LoginForm callbackUrl={callbackUrl} />
    </AuthPageLayout>
  );
}
