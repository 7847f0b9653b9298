import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getI18n } from "@/lib/i18n/server";
import { loadOpportunityFormOptions } from "../../../_lib/opportunity-form-options";
import { loadVisibleOpportunity } from "../../../_lib/load-opportunity";
import { getPageContext } from "../../../_lib/session";
import { updateOpportunityAction } from "../../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.opportunity.editTitle };
}

export default async function EditOpportunityPage({ params }: Params) {
  const { id } = await params;
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, id);
  if (!opportunity) notFound();
  const { locale, m } = await getI18n();
  const options = await loadOpportunityFormOptions(ctx, locale, opportunity.currency);
  // The current owner stays selectable even when the editor could not assign the deal to them today.
  const owners =
    options.owners && !options.owners.some((owner) => owner.value === opportunity.ownerId)
      ? [{ value: opportunity.ownerId, label: opportunity.ownerName }, ...options.owners]
      : options.owners;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/opportunities/${opportunity.id}`} className="hover:text-foreground hover:underline">
            {opportunity.name}
          </Link>
        }
        title={m.opportunity.editTitle}
        description={m.opportunityForm.editDescription}
      />
      <Card className="p-5 sm:p-6">
        <OpportunityForm
          mode={{ kind: "edit", version: opportunity.version }}
          initialValues={{
            name: opportunity.name,
            accountId: opportunity.accountId,
            ownerId: opportunity.ownerId,
            productLine: opportunity.productLine ?? "",
            amount: opportunity.amount,
            currency: opportunity.currency,
            expectedCloseDate: opportunity.expectedCloseDate,
            stage: opportunity.stage,
            lossReason: opportunity.lossReason ?? "",
          }}
          accounts={options.accounts}
          owners={owners}
          stages={options.stages}
          currencies={options.currencies}
          action={updateOpportunityAction.bind(null, opportunity.id)}
          cancelHref={`/opportunities/${opportunity.id}`}
        />
      </Card>
    </div>
  );
}
