import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrgChartView } from "@/components/buying-center/org-chart-view";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount } from "@/lib/data/accounts";
import { getOrgChart } from "@/lib/data/contacts";
import { listOrgUsers } from "@/lib/data/users";
import { isAppError } from "@/lib/errors";
import { interpolate } from "@/lib/i18n/config";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../../../_lib/session";
import { updateContactAction } from "../buying-center-actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.buyingCenter.links.orgChart };
}

/** The account's org chart (组织架构图): drag people under new managers, set stance and roles. */
export default async function OrgChartPage({ params }: Params) {
  const { id } = await params;
  const ctx = await getPageContext();
  const account = await getAccount(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!account) notFound();
  const [{ m }, chart, users] = await Promise.all([getI18n(), getOrgChart(ctx, account.id), listOrgUsers(ctx)]);
  const t = m.buyingCenter;
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/accounts/${account.id}`} className="hover:underline">{account.name}</Link>}
        title={interpolate(t.orgChart.title, { name: account.name })}
        description={`${t.orgChart.description} ${interpolate(t.orgChart.count, { count: chart.count })}`}
        actions={<Link href={`/accounts/${account.id}/fishing-net`} className="text-sm text-primary hover:underline print:hidden">{t.links.fishingNet}</Link>}
      />
      <OrgChartView
        roots={chart.roots}
        people={users.map((user) => ({ id: user.id, name: user.name }))}
        update={updateContactAction}
      />
    </>
  );
}
