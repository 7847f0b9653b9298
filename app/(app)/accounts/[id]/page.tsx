import { Plus, Star, Target } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountBuyingCenterLinks } from "@/components/buying-center/account-buying-center-links";
import { ContactForm } from "@/components/accounts/contact-form";
import { ContactList } from "@/components/accounts/contact-list";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AccountDecisionPanel } from "@/components/decision-cycle/account-decision-panel";
import { AccountDealList } from "@/components/workspace/account-deal-list";
import { ActivityTimeline } from "@/components/workspace/activity-timeline";
import { listAccountActivities } from "@/lib/data/activities";
import { getAccount, listContacts } from "@/lib/data/accounts";
import { getAccountDecision } from "@/lib/data/account-decision";
import { listOpportunities } from "@/lib/data/opportunities";
import { getStageTable } from "@/lib/data/stage-config";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { Ctx } from "@/lib/permissions";
import { getPageContext } from "../../_lib/session";
import { createContactAction } from "../actions";
import { changeAccountDecisionStageAction, loadOlderAccountActivitiesAction } from "./actions";

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
  const [{ locale, m }, contacts, opportunities, stageTable, activities] = await Promise.all([
    getI18n(),
    listContacts(ctx, account.id),
    // Only the deals the caller may see (and their activities); accounts themselves are readable org-wide.
    listOpportunities(ctx, { accountId: account.id, limit: 100 }),
    getStageTable(ctx),
    listAccountActivities(ctx, account.id, { limit: 30 }),
  ]);
  const w = m.workspace.account;
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
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="account-opportunities-heading">
            <CardHeader title={w.deals} headingId="account-opportunities-heading" />
            {opportunities.data.length > 0 ? (
              <CardBody>
                <AccountDealList deals={opportunities.data} stageTable={stageTable} locale={locale} m={m} />
              </CardBody>
            ) : (
              <EmptyState icon={Target} title={a.opportunitiesEmpty} />
            )}
          </Card>
          <Card aria-labelledby="account-activities-heading">
            <CardHeader title={w.activities} description={w.activitiesDescription} headingId="account-activities-heading" />
            <CardBody>
              <ActivityTimeline
                page={activities}
                emptyText={w.activitiesEmpty}
                loadOlder={loadOlderAccountActivitiesAction.bind(null, account.id)}
                isDealShown
              />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card aria-labelledby="account-details-heading">
            <CardHeader title={a.details} headingId="account-details-heading" />
            <CardBody>
              <DescriptionList
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
          <AccountBuyingCenterLinks accountId={account.id} m={m} />
          <AccountDecisionPanel
            decision={await getAccountDecision(ctx, account.id)}
            activities={activities.data.map(({ id: activityId, subject, occurredAt }) => ({ id: activityId, subject, occurredAt }))}
            action={changeAccountDecisionStageAction.bind(null, account.id)}
            locale={locale}
            m={m}
          />
          <Card aria-labelledby="contacts-heading">
            <CardHeader title={a.contacts} headingId="contacts-heading" />
            <CardBody className="space-y-5">
              <ContactList contacts={contacts} emptyText={a.contactsEmpty} />
              <div className="border-t border-border pt-5">
                <ContactForm action={createContactAction.bind(null, account.id)} />
              </div>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
