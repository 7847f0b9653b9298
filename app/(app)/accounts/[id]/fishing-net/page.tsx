import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FishingNetView } from "@/components/buying-center/fishing-net-view";
import { LinkRelationshipForm } from "@/components/buying-center/link-relationship-form";
import { RelationshipChart } from "@/components/buying-center/relationship-chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount } from "@/lib/data/accounts";
import { getFishingNet } from "@/lib/data/fishing-net";
import { getAccountRelationshipChart } from "@/lib/data/relationships";
import { listOrgUsers } from "@/lib/data/users";
import { isAppError } from "@/lib/errors";
import { interpolate } from "@/lib/i18n/config";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../../../_lib/session";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ opportunityId?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.buyingCenter.links.fishingNet };
}

const orNull = <T,>(promise: Promise<T>) =>
  promise.catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });

/** The fishing-net map (渔网图) of an account or of one of its deals, with relationship history. */
export default async function FishingNetPage({ params, searchParams }: Params) {
  const { id } = await params;
  const { opportunityId } = await searchParams;
  const ctx = await getPageContext();
  const account = await orNull(getAccount(ctx, id));
  if (!account) notFound();
  const net = await orNull(getFishingNet(ctx, account.id, typeof opportunityId === "string" && opportunityId ? opportunityId : undefined));
  if (!net) notFound();
  const [{ m, locale }, users, chart] = await Promise.all([getI18n(), listOrgUsers(ctx), getAccountRelationshipChart(ctx, account.id)]);
  const t = m.buyingCenter;
  const ours = net.nodes.filter((node) => node.side === "ours");
  const people = [...ours, ...users.filter((user) => !ours.some((node) => node.id === user.id))].map(({ id: personId, name }) => ({ id: personId, name }));
  const contacts = net.nodes.filter((node) => node.side === "theirs").map(({ id: contactId, name }) => ({ id: contactId, name }));
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/accounts/${account.id}`} className="hover:underline">{account.name}</Link>}
        title={interpolate(t.fishingNet.title, { name: account.name })}
        description={t.fishingNet.description}
        actions={
          <div className="flex gap-3 text-sm">
            {net.opportunityId ? (
              <>
                <Link href={`/opportunities/${net.opportunityId}`} className="text-primary hover:underline">{t.fishingNet.forDeal}</Link>
                <Link href={`/accounts/${account.id}/fishing-net`} className="text-primary hover:underline">{t.fishingNet.wholeAccount}</Link>
              </>
            ) : null}
            <Link href={`/accounts/${account.id}/org-chart`} className="text-primary hover:underline">{t.links.orgChart}</Link>
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <FishingNetView net={net} />
          <Card aria-labelledby="relationship-chart-heading">
            <CardHeader title={t.relationships.chartTitle} description={t.relationships.chartDescription} headingId="relationship-chart-heading" />
            <CardBody>
              <RelationshipChart series={chart.contacts} locale={locale} emptyText={t.relationships.chartEmpty} label={t.relationships.chartTitle} now={new Date()} />
            </CardBody>
          </Card>
        </div>
        <div>
          {contacts.length ? <LinkRelationshipForm key={contacts.length} people={people} contacts={contacts} defaultUserId={ours[0]?.id} /> : null}
        </div>
      </div>
    </>
  );
}
