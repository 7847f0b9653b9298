import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/admin/signup-form";
import { LoginHero } from "@/components/auth/login-hero";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Card } from "@/components/ui/card";
import { getSessionContext } from "@/lib/auth";
import { getI18n } from "@/lib/i18n/server";
import { changeLocaleAction } from "../locale-actions";
import { signUpAction } from "./actions";

/** The base currencies offered first; CNY leads because most key-account sales here report in yuan. */
const CURRENCIES = ["CNY", "USD", "EUR", "HKD", "JPY", "GBP", "SGD", "AUD", "CAD", "CHF", "KRW", "TWD", "INR", "AED", "SAR", "BRL", "RUB"];

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.signup.title };
}

// Public: organization sign-up. A signed-in visitor already has an organization.
export default async function SignupPage() {
  if (await getSessionContext()) redirect("/opportunities");
  const { locale, m } = await getI18n();
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  const currencies = CURRENCIES.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  return (
    <div className="grid min-h-screen lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <LoginHero appName={m.meta.appName} title={m.login.heroTitle} body={m.login.heroBody} />
      <div className="flex flex-col">
        <div className="flex justify-end p-4">
          <LanguageSwitch changeLocale={changeLocaleAction} />
        </div>
        <main className="flex flex-1 items-center justify-center px-4 pb-16 sm:px-8">
          <div className="w-full max-w-md">
            <p className="mb-8 text-sm font-semibold text-primary lg:hidden">{m.meta.appName}</p>
            <h1 className="text-2xl font-semibold tracking-tight">{m.signup.title}</h1>
            <p className="mt-1 mb-6 text-sm text-muted-foreground">{m.signup.subtitle}</p>
            <Card className="p-6">
              <SignupForm currencies={currencies} signUp={signUpAction} />
            </Card>
            <p className="mt-6 text-center text-sm">
              <Link href="/login" className="font-medium text-primary hover:underline">
                {m.signup.haveAccount}
              </Link>
            </p>
          </div>
        </main>
      </div>
    </div>
  );
}
