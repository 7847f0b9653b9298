// A deal's buying center (issue 6): which of the account's contacts are involved and their roles in this
// deal, with the red flags computed by the one rule (lib/domain/buying-center.ts computeRedFlags). As
// visible as the deal itself; replaced as a whole by anyone who may work on the deal (owner, project team,
// managers of its team, admins — the deal visibility rule).
import "server-only";
import { db } from "@/lib/db";
import { computeRedFlags, type RedFlag, strongestDegree } from "@/lib/domain/buying-center";
import type { StageKey } from "@/lib/domain/stages";
import { invalid } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import type { BuyingCenterOutput, BuyingCenterReplace } from "@/lib/validations/buying-center";
import { loadBuyingCenterFacts } from "./buying-center-facts";
import { findVisibleDeal } from "./deal-access";
import { refreshDealHealth } from "./health";

const localized = (text: { en: string; "zh-CN": string }, locale: string) => (locale === "zh-CN" ? text["zh-CN"] : text.en);

async function dealStage(id: string): Promise<StageKey> {
  const row = await db.opportunity.findUniqueOrThrow({ where: { id }, select: { stage: true } });
  return row.stage;
}

/** The deal's open red flags (for health, warnings and the deal page); the deal must be visible. */
export async function getDealRedFlags(ctx: Ctx, opportunityId: string): Promise<RedFlag[]> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const facts = await loadBuyingCenterFacts(db, deal);
  return computeRedFlags(facts, await dealStage(deal.id));
}

export async function getBuyingCenter(ctx: Ctx, opportunityId: string): Promise<BuyingCenterOutput> {
  const deal = await findVisibleDeal(db, ctx, opportunityId);
  const facts = await loadBuyingCenterFacts(db, deal);
  const flags = computeRedFlags(facts, await dealStage(deal.id));
  return {
    opportunityId: deal.id,
    accountId: deal.accountId,
    contacts: facts.contacts.map((contact) => ({
      contactId: contact.contactId, name: contact.name, title: contact.title, level: contact.level, stance: contact.stance,
      roles: [...contact.roles], degree: strongestDegree(facts.relationships, contact.contactId),
    })),
    redFlags: flags.map((flag) => ({ kind: flag.kind, message: localized(flag.message, ctx.locale), contactIds: flag.contactIds })),
  };
}

/**
 * Replaces the buying center in one transaction (the deal row locked, so concurrent replacements do not
 * mix). Every contact must be a live contact of the deal's account; roles default to the contact's own.
 */
export async function replaceBuyingCenter(ctx: Ctx, opportunityId: string, input: BuyingCenterReplace): Promise<BuyingCenterOutput> {
  await db.$transaction(async (tx) => {
    const deal = await findVisibleDeal(tx, ctx, opportunityId);
    await tx.$queryRaw`SELECT "id" FROM "Opportunity" WHERE "id" = ${deal.id}::uuid FOR UPDATE`;
    const ids = input.contacts.map((row) => row.contactId);
    const contacts = ids.length
      ? await tx.contact.findMany({ where: { id: { in: ids }, accountId: deal.accountId, orgId: ctx.orgId, deletedAt: null }, select: { id: true, roles: true } })
      : [];
    const known = new Map(contacts.map((contact) => [contact.id, contact.roles ?? []]));
    const errors = input.contacts
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => !known.has(row.contactId))
      .map(({ index }) => ({ path: `contacts.${index}.contactId`, message: "Not a contact of this deal's account." }));
    if (errors.length) throw invalid(errors);
    await tx.opportunityContact.deleteMany({ where: { opportunityId: deal.id, orgId: ctx.orgId } });
    if (input.contacts.length) {
      await tx.opportunityContact.createMany({
        data: input.contacts.map((row) => ({
          opportunityId: deal.id, contactId: row.contactId, orgId: ctx.orgId, roles: row.roles ?? known.get(row.contactId) ?? [],
        })),
      });
    }
    // Relationship coverage and red flags feed the health score.
    await refreshDealHealth(tx, ctx.orgId, [deal.id]);
  });
  return getBuyingCenter(ctx, opportunityId);
}
