import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/admin/signup-form";
import { AuthPageLayout } from "@/components/auth/auth-page-layout";
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
    <AuthPageLayout
      appName={m.meta.appName} heroTitle={m.login.heroTitle} heroBody={m.login.heroBody}
      title={m.signup.title} subtitle={m.signup.subtitle} changeLocale={changeLocaleAction} isWide
      footer={
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="font-medium text-primary hover:underline">
            {m.signup.haveAccount}
          </Link>
        </p>
      }
    >
      <SignupForm currencies={currencies} signUp={signUpAction} />
    </AuthPageLayout>
  );
}
