// The key-account profile (重点客户档案): the org's template (admins edit it, audited) and each account's
// profile, saved as numbered versions — every save a new version, none overwritten. Readable by everyone in
// the org (accounts are); saved by whoever may edit the account (lib/data/accounts.ts rule).
import "server-only";
import { db } from "@/lib/db";
import { alignProfileContent, changedSections, DEFAULT_PROFILE_SECTIONS, type ProfileSection } from "@/lib/domain/account-profile";
import { AppError, invalid, notFound } from "@/lib/errors";
import { assertCan, type Ctx } from "@/lib/permissions";
import type { AccountProfileOutput, AccountProfileSave, ProfileTemplateInput } from "@/lib/validations/buying-center";
import { profileTemplateSchema } from "@/lib/validations/buying-center";
import { recordAudit } from "./audit";
import { isUuid } from "./pagination";

export async function getProfileTemplate(ctx: Ctx): Promise<ProfileSection[]> {
  const row = await db.accountProfileTemplate.findUnique({ where: { orgId: ctx.orgId } });
  const parsed = row ? profileTemplateSchema.safeParse({ sections: row.sections }) : null;
  return parsed?.success ? parsed.data.sections : [...DEFAULT_PROFILE_SECTIONS];
}

export async function updateProfileTemplate(ctx: Ctx, input: ProfileTemplateInput): Promise<ProfileSection[]> {
  assertCan(ctx, "gates.configure");
  const before = await getProfileTemplate(ctx);
  await db.$transaction(async (tx) => {
    await tx.accountProfileTemplate.upsert({
      where: { orgId: ctx.orgId },
      create: { orgId: ctx.orgId, sections: input.sections, updatedById: ctx.userId },
      update: { sections: input.sections, updatedById: ctx.userId },
    });
    await recordAudit(tx, ctx, { action: "profileTemplate.update", entityType: "AccountProfileTemplate", entityId: ctx.orgId, before: { sections: before }, after: { sections: input.sections } });
  });
  return input.sections;
}

async function findAccount(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFound("Account");
  const account = await db.account.findFirst({ where: { id, orgId: ctx.orgId, deletedAt: null }, select: { id: true, ownerId: true } });
  if (!account) throw notFound("Account");
  return account;
}

type StoredContent = { sections: Record<string, string> };
const readContent = (value: unknown): Record<string, string> => {
  const sections = (value as StoredContent | null)?.sections;
  return sections && typeof sections === "object" ? Object.fromEntries(Object.entries(sections).filter(([, text]) => typeof text === "string")) : {};
};

/** The profile at `version` (default the latest) with the template and the list of every version. */
export async function getAccountProfile(ctx: Ctx, accountId: string, version?: number): Promise<AccountProfileOutput> {
  const account = await findAccount(ctx, accountId);
  const [sections, versions] = await Promise.all([
    getProfileTemplate(ctx),
    db.accountProfileVersion.findMany({ where: { accountId: account.id, orgId: ctx.orgId }, orderBy: { version: "asc" } }),
  ]);
  const shown = version === undefined ? versions.at(-1) : versions.find((row) => row.version === version);
  if (version !== undefined && !shown) throw notFound("Profile version");
  const users = await db.user.findMany({ where: { id: { in: [...new Set(versions.map((row) => row.savedById))] }, orgId: ctx.orgId }, select: { id: true, name: true } });
  const person = (id: string) => {
    const user = users.find((item) => item.id === id);
    return user ? { id: user.id, name: user.name } : null;
  };
  return {
    accountId: account.id,
    sections: sections.map((item) => ({ key: item.key, title: item.title, hint: item.hint })),
    version: shown?.version ?? 0,
    content: alignProfileContent(sections, shown ? readContent(shown.content) : {}),
    savedBy: shown ? person(shown.savedById) : null,
    savedAt: shown?.savedAt.toISOString() ?? null,
    versions: versions
      .map((row, index) => ({
        version: row.version, savedBy: person(row.savedById), savedAt: row.savedAt.toISOString(),
        changed: changedSections(index ? readContent(versions[index - 1].content) : {}, readContent(row.content)),
      }))
      .reverse(),
  };
}

/**
 * Saves a new version. Only the template's sections are kept; `baseVersion` older than the latest → 409 with
 * the current version, so two people editing at once never silently overwrite each other.
 */
export async function saveAccountProfile(ctx: Ctx, accountId: string, input: AccountProfileSave): Promise<AccountProfileOutput> {
  const account = await findAccount(ctx, accountId);
  assertCan(ctx, "account.update");
  if (ctx.role === "REP" && account.ownerId !== ctx.userId) {
    throw new AppError("FORBIDDEN", "Only the account owner, a manager or an admin may edit the key-account profile.");
  }
  const sections = await getProfileTemplate(ctx);
  const unknown = Object.keys(input.content).filter((key) => !sections.some((item) => item.key === key));
  if (unknown.length) throw invalid(unknown.map((key) => ({ path: `content.${key}`, message: "Not a section of the profile template." })));
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${account.id}::uuid FOR UPDATE`;
    const latest = await tx.accountProfileVersion.findFirst({ where: { accountId: account.id }, orderBy: { version: "desc" }, select: { version: true, content: true } });
    const current = latest?.version ?? 0;
    if (input.baseVersion !== undefined && input.baseVersion !== current) {
      throw new AppError("CONFLICT", "Someone saved the profile meanwhile; reload to see their version.", { extensions: { currentVersion: current } });
    }
    const merged = { ...readContent(latest?.content), ...input.content };
    await tx.accountProfileVersion.create({
      data: { orgId: ctx.orgId, accountId: account.id, version: current + 1, content: { sections: alignProfileContent(sections, merged) }, savedById: ctx.userId },
    });
  });
  return getAccountProfile(ctx, account.id);
}
