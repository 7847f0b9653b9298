import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DealBuyingCenterForm } from "@/components/buying-center/deal-buying-center-form";
import { DealRedFlags } from "@/components/buying-center/deal-red-flags";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listContacts } from "@/lib/data/accounts";
import { getBuyingCenter, getDealRedFlags } from "@/lib/data/buying-center";
import { interpolate } from "@/lib/i18n/config";
import { getI18n } from "@/lib/i18n/server";
import { loadVisibleOpportunity } from "../../../_lib/load-opportunity";
import { getPageContext } from "../../../_lib/session";
import { replaceBuyingCenterAction } from "../../../accounts/[id]/buying-center-actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.buyingCenter.redFlags.edit };
}

/** A deal's buying center: which of the account's people are involved and their roles in this deal. */
export default async function DealBuyingCenterPage({ params }: Params) {
  const { id } = await params;
  const ctx = await getPageContext();
  const opportunity = await loadVisibleOpportunity(ctx, id);
  if (!opportunity) notFound();
  const [{ m, locale }, center, contacts, flags] = await Promise.all([
    getI18n(), getBuyingCenter(ctx, opportunity.id), listContacts(ctx, opportunity.accountId), getDealRedFlags(ctx, opportunity.id),
  ]);
  const t = m.buyingCenter.dealCenter;
  const involved = new Map(center.contacts.map((contact) => [contact.contactId, contact.roles]));
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/opportunities/${opportunity.id}`} className="hover:underline">{opportunity.name}</Link>}
        title={interpolate(t.title, { name: opportunity.name })}
        description={t.description}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <CardHeader title={m.buyingCenter.links.title} />
          <CardBody>
            <DealBuyingCenterForm
              candidates={contacts.map((contact) => ({
                id: contact.id, name: contact.name, title: contact.title, roles: contact.roles,
                isInvolved: involved.has(contact.id), rolesInDeal: involved.get(contact.id) ?? [],
              }))}
              save={replaceBuyingCenterAction.bind(null, opportunity.id)}
            />
          </CardBody>
        </Card>
        <DealRedFlags flags={flags} opportunityId={opportunity.id} accountId={opportunity.accountId} locale={locale} m={m} />
      </div>
    </>
  );
}
