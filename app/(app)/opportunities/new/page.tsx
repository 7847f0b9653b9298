import type { Metadata } from "next";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isUuid } from "@/lib/data/pagination";
import { getI18n } from "@/lib/i18n/server";
import { loadOpportunityFormOptions } from "../../_lib/opportunity-form-options";
import { single, type SearchParams } from "../../_lib/search-params";
import { getPageContext } from "../../_lib/session";
import { createOpportunityAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.opportunityForm.newTitle };
}

export default async function NewOpportunityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const { locale, m } = await getI18n();
  const options = await loadOpportunityFormOptions(ctx, locale);
  const requestedAccount = single((await searchParams).accountId);
  const accountId = requestedAccount && isUuid(requestedAccount) && options.accounts.some((a) => a.value === requestedAccount) ? requestedAccount : "";
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={m.opportunityForm.newTitle} description={m.opportunityForm.newDescription} />
      <Card className="p-5 sm:p-6">
        <OpportunityForm
          mode={{ kind: "create" }}
          initialValues={{
            name: "",
            accountId,
            ownerId: ctx.userId,
            productLine: "",
            amount: "",
            currency: options.baseCurrency,
            expectedCloseDate: "",
            stage: "P0",
            lossReason: "",
          }}
          accounts={options.accounts}
          owners={options.owners}
          stages={options.stages}
          currencies={options.currencies}
          action={createOpportunityAction}
          cancelHref={accountId ? `/accounts/${accountId}` : "/opportunities"}
        />
      </Card>
    </div>
  );
}
