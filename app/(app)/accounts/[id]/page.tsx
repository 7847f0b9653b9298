import { Plus, Star, Target } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/accounts/contact-form";
import { ContactList } from "@/components/accounts/contact-list";
import { OpportunityTable } from "@/components/opportunities/opportunity-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount, listContacts } from "@/lib/data/accounts";
import { listOpportunities } from "@/lib/data/opportunities";
import { getStageTable } from "@/lib/data/stage-config";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { Ctx } from "@/lib/permissions";
import { getPageContext } from "../../_lib/session";
import { createContactAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

async function loadAccount(ctx: Ctx, id: string) {
  try {
    return await getAccount(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const account = await loadAccount(await getPageContext(), (await params).id);
  const { m } = await getI18n();
  return { title: account?.name ?? m.errors.notFoundTitle };
}

export default async function AccountPage({ params }: Params) {
  const { id } = await params;
  const ctx = await getPageContext();
  const account = await loadAccount(ctx, id);
  if (!account) notFound();
  const [{ locale, m }, contacts, opportunities, stageTable] = await Promise.all([
    getI18n(),
    listContacts(ctx, account.id),
    // Only the deals the caller may see; accounts themselves are readable org-wide.
    listOpportunities(ctx, { accountId: account.id, limit: 100 }),
    getStageTable(ctx),
  ]);
  const a = m.account;
  const none = m.common.none;
  const newOpportunityHref = `/opportunities/new?accountId=${account.id}`;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {account.name}
            {account.isKeyAccount ? (
              <Badge tone="amber" className="text-sm">
                <Star className="size-3.5 fill-current" aria-hidden="true" />
                {a.isKeyAccount}
              </Badge>
            ) : null}
          </span>
        }
        description={[account.industry, account.region].filter(Boolean).join(" · ") || undefined}
        actions={
          <Button asChild>
            <Link href={newOpportunityHref}>
              <Plus aria-hidden="true" />
              {a.newOpportunity}
            </Link>
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card aria-labelledby="account-details-heading" className="self-start">
          <CardHeader title={a.details} headingId="account-details-heading" />
          <CardBody>
            <DescriptionList
              className="sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2"
              items={[
                { term: a.industry, detail: account.industry ?? none },
                { term: a.segment, detail: account.segment ?? none },
                { term: a.region, detail: account.region ?? none },
                { term: a.owner, detail: account.ownerName ?? none },
                { term: a.isKeyAccount, detail: account.isKeyAccount ? m.common.yes : m.common.no },
                { term: a.created, detail: formatDate(account.createdAt, locale) },
              ]}
            />
          </CardBody>
        </Card>
        <Card aria-labelledby="contacts-heading" className="lg:col-span-2">
          <CardHeader title={a.contacts} headingId="contacts-heading" />
          <CardBody className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <ContactList contacts={contacts} emptyText={a.contactsEmpty} />
            <div className="border-t border-border pt-5 md:border-l md:border-t-0 md:pl-6 md:pt-0">
              <ContactForm action={createContactAction.bind(null, account.id)} />
            </div>
          </CardBody>
        </Card>
        <Card aria-labelledby="account-opportunities-heading" className="lg:col-span-3">
          <CardHeader title={a.opportunities} headingId="account-opportunities-heading" />
          {opportunities.data.length > 0 ? (
            <OpportunityTable rows={opportunities.data} stageTable={stageTable} locale={locale} m={m} isAccountHidden />
          ) : (
            <EmptyState icon={Target} title={a.opportunitiesEmpty} />
          )}
        </Card>
      </div>
    </>
  );
}
