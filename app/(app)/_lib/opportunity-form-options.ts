// What the opportunity form needs from the server: account and owner choices, stage names in the
// caller's language, and the currency: the org's base currency (plus a deal's own, older one when editing it).
import "server-only";
import { listStages, stageName } from "@/lib/domain/stages";
import { listAccountOptions } from "@/lib/data/accounts";
import { getStageTable } from "@/lib/data/stage-config";
import { getProfile, listOrgUsers } from "@/lib/data/users";
import type { Locale } from "@/lib/i18n/config";
import type { Ctx } from "@/lib/permissions";

export async function loadOpportunityFormOptions(ctx: Ctx, locale: Locale, currentCurrency?: string) {
  const [accounts, users, profile, stageTable] = await Promise.all([
    listAccountOptions(ctx),
    ctx.role === "REP" ? Promise.resolve([]) : listOrgUsers(ctx),
    getProfile(ctx),
    getStageTable(ctx),
  ]);
  // Managers may give deals to themselves and the members of the teams they manage; admins to anyone.
  const assignable = users.filter(
    (user) =>
      ctx.role === "ADMIN" ||
      user.id === ctx.userId ||
      user.memberships.some((membership) => ctx.managedTeamIds.includes(membership.teamId)),
  );
  const baseCurrency = profile.org.baseCurrency;
  return {
    baseCurrency,
    accounts: accounts.map((account) => ({ value: account.id, label: account.name })),
    owners: ctx.role === "REP" ? null : assignable.map((user) => ({ value: user.id, label: user.name })),
    stages: listStages(stageTable).map((definition) => ({ value: definition.key, label: stageName(definition.key, locale, stageTable) })),
    // The server refuses any other currency (lib/data/opportunities.ts assertOrgCurrency).
    currencies: [...new Set([baseCurrency, ...(currentCurrency ? [currentCurrency] : [])])],
  };
}
