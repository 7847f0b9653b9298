import type { Metadata } from "next";
import { LanguagePreference } from "@/components/settings/language-preference";
import { PasswordChangeForm } from "@/components/settings/password-change-form";
import { TokenManager } from "@/components/settings/token-manager";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/data/tokens";
import { getProfile } from "@/lib/data/users";
import { interpolate } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { changeLocaleAction } from "../../locale-actions";
import { getPageContext } from "../_lib/session";
import { changePasswordAction, createTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: m.settings.title };
}

export default async function SettingsPage() {
  const ctx = await getPageContext();
  const [{ locale, m }, profile, tokens] = await Promise.all([getI18n(), getProfile(ctx), listApiTokens(ctx)]);
  const tokenRows = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdLabel: formatDateTime(token.createdAt, locale),
    lastUsedLabel: token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : null,
  }));
  const s = m.settings;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={s.title} description={s.description} />
      <div className="space-y-6">
        <Card aria-labelledby="profile-heading">
          <CardHeader title={s.profile} description={interpolate(s.profileDescription, { org: profile.org.name })} headingId="profile-heading" />
          <CardBody className="space-y-6">
            <DescriptionList
              items={[
                { term: s.name, detail: profile.name },
                { term: s.email, detail: profile.email },
                { term: s.role, detail: m.roles[profile.role] },
                { term: s.organization, detail: profile.org.name },
              ]}
            />
            <div className="border-t border-border pt-5">
              <LanguagePreference changeLocale={changeLocaleAction} />
            </div>
          </CardBody>
        </Card>
        <Card aria-labelledby="password-heading">
          <CardHeader title={m.security.password.title} headingId="password-heading" />
          <CardBody>
            <PasswordChangeForm changePassword={changePasswordAction} />
          </CardBody>
        </Card>
        <Card aria-labelledby="tokens-heading">
          <CardHeader title={s.tokens.title} description={s.tokens.description} headingId="tokens-heading" />
          <CardBody>
            <TokenManager tokens={tokenRows} createToken={createTokenAction} revokeToken={revokeTokenAction} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
