import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditor } from "@/components/buying-center/profile-editor";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountProfile } from "@/lib/data/account-profile";
import { getAccount } from "@/lib/data/accounts";
import { isAppError } from "@/lib/errors";
import { interpolate } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { getPageContext } from "../../../_lib/session";
import { saveAccountProfileAction } from "../buying-center-actions";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.buyingCenter.links.profile };
}

const orNull = <T,>(promise: Promise<T>) =>
  promise.catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });

/** The key-account profile (重点客户档案): the latest version editable, older versions read-only; printable. */
export default async function AccountProfilePage({ params, searchParams }: Params) {
  const { id } = await params;
  const requested = Number((await searchParams).version);
  const ctx = await getPageContext();
  const account = await orNull(getAccount(ctx, id));
  if (!account) notFound();
  const version = Number.isInteger(requested) && requested > 0 ? requested : undefined;
  const profile = await orNull(getAccountProfile(ctx, account.id, version));
  if (!profile) notFound();
  const { m, locale } = await getI18n();
  const t = m.buyingCenter.profile;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const titleOf = (key: string) => profile.sections.find((section) => section.key === key)?.title[lang] ?? key;
  const isOld = version !== undefined && profile.versions[0]?.version !== version;
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/accounts/${account.id}`} className="hover:underline">{account.name}</Link>}
        title={interpolate(t.title, { name: account.name })}
        description={
          profile.version
            ? `${interpolate(t.version, { version: profile.version })} · ${interpolate(t.savedBy, { name: profile.savedBy?.name ?? m.common.none, at: formatDateTime(profile.savedAt!, locale) })}`
            : t.neverSaved
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] print:block">
        <Card>
          <CardBody>
            {isOld ? (
              <p className="mb-4 text-sm text-amber-800 print:hidden">
                {interpolate(t.viewing, { version: profile.version })}{" "}
                <Link href={`/accounts/${account.id}/profile`} className="text-primary hover:underline">{t.latest}</Link>
              </p>
            ) : null}
            <ProfileEditor key={profile.version} profile={profile} isReadOnly={isOld} save={saveAccountProfileAction.bind(null, account.id)} />
          </CardBody>
        </Card>
        <Card className="print:hidden" aria-labelledby="profile-history-heading">
          <CardHeader title={t.history} headingId="profile-history-heading" />
          <CardBody>
            <ol className="space-y-2 text-sm">
              {profile.versions.map((item) => (
                <li key={item.version}>
                  <Link href={`/accounts/${account.id}/profile?version=${item.version}`} className="font-medium text-primary hover:underline">
                    {interpolate(t.version, { version: item.version })}
                  </Link>
                  <span className="block text-xs text-muted-foreground">
                    {formatDateTime(item.savedAt, locale)} · {item.savedBy?.name ?? m.common.none}
                  </span>
                  {item.changed.length ? (
                    <span className="block text-xs text-muted-foreground">{interpolate(t.changed, { sections: item.changed.map(titleOf).join(", ") })}</span>
                  ) : null}
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
