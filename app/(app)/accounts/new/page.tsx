import type { Metadata } from "next";
import { AccountForm } from "@/components/accounts/account-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../../_lib/session";
import { createAccountAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.accountForm.newTitle };
}

export default async function NewAccountPage() {
  await getPageContext();
  const { m } = await getI18n();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={m.accountForm.newTitle} description={m.accountForm.newDescription} />
      <Card className="p-5 sm:p-6">
        <AccountForm action={createAccountAction} />
      </Card>
    </div>
  );
}
