// The warnings feed (issue 8): the facts of the caller's open deals in one round of queries, judged by
// lib/domain/warnings evaluateWarnings, minus what the caller acknowledged or snoozed. Scope "mine" is the
// caller's own deals (owned or on the project team), "team" adds the teams they manage, "org" every deal —
// always within opportunityVisibility, so a REP's team and org views are their own deals.
import "server-only";
import { db } from "@/lib/db";
import { type DealFacts, DEFAULT_WARNING_CONFIG, evaluateWarnings, type Warning, type WarningRuleKey } from "@/lib/domain/warnings";
import { OPEN_STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { invalid, notFound } from "@/lib/errors";
import { type Ctx, opportunityVisibility } from "@/lib/permissions";
import type { WarningAction } from "@/lib/validations/forecast";
import { isWarningRuleKey } from "@/lib/domain/warnings";
import {
  type BuyingCenterContact, type BuyingCenterFacts, type ContactRole, computeRedFlags, EMPTY_BUYING_CENTER,
} from "@/lib/domain/buying-center";
import { isDecisionStageKey } from "@/lib/domain/decision-cycle";
import { type Fishbone, listOverdueFishboneActions } from "@/lib/domain/fishbone";
import { parseStoredDocument } from "./analysis";
import { getStageTable } from "./stage-config";

export type WarningScope = "mine" | "team" | "org";
export type DealWarning = Warning & {
  opportunityId: string; opportunityName: string; ownerId: string; ownerName: string; stage: StageKey;
  acknowledged: boolean; snoozedUntil: string | null;
};

const MAX_DEALS = 2_000;

function scopeWhere(ctx: Ctx, scope: WarningScope) {
  const mine = { OR: [{ ownerId: ctx.userId }, { teamMembers: { some: { userId: ctx.userId } } }] };
  if (scope === "mine") return mine;
  if (scope === "team") return { OR: [...mine.OR, { teamId: { in: [...ctx.teamIds, ...ctx.managedTeamIds] } }] };
  return {};
}

type FactRow = { opportunityId: string; pushes: number; cutBefore: string | null; cutAfter: string | null; cutAt: Date | null; lastActivityAt: Date | null; exceptions: number };

type InputRow = FactRow & {
  states: { rule: string; acknowledgedAt: string | null; snoozedUntil: string | null }[];
  contacts: (Omit<BuyingCenterContact, "roles"> & { roles: ContactRole[] | null; relationships: { userId: string; degree: number }[] })[];
  fishbone: unknown;
  fishboneVersion: number | null;
};

/** What the rules read of one deal besides the deal row itself. */
export type WarningInputs = {
  facts: FactRow;
  /** The caller's own dismissals, by rule. */
  states: Map<string, { acknowledgedAt: Date | null; snoozedUntil: Date | null }>;
  buyingCenter: BuyingCenterFacts;
  fishbone: Fishbone | null;
};

/**
 * Everything the rules read of many deals besides their rows, in ONE statement (it was four round trips for
 * each board column): the field-history, activity and gate-exception facts, the caller's dismissals, the
 * buying center as lib/data/buying-center-facts loadBuyingCenterFactsForDeals reads it (contacts with the
 * relationships the deal's owner and project team hold) and the fishbone as lib/data/analysis loadFishbones
 * does (tests/integration/forecast/warning-inputs.test.ts compares them). The caller has checked visibility.
 */
export async function loadWarningInputs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, WarningInputs>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<InputRow[]>`
    SELECT d.id::text AS "opportunityId",
      (SELECT count(*)::int FROM "OpportunityFieldChange" f
        WHERE f."opportunityId" = d.id AND f.field = 'expectedCloseDate' AND f.after > f.before) AS pushes,
      cut.before AS "cutBefore", cut.after AS "cutAfter", cut.at AS "cutAt",
      (SELECT max(a."occurredAt") FROM "Activity" a WHERE a."opportunityId" = d.id) AS "lastActivityAt",
      (SELECT count(*)::int FROM "GateException" g WHERE g."opportunityId" = d.id) AS exceptions,
      (SELECT COALESCE(json_agg(json_build_object('rule', w.rule, 'acknowledgedAt', w."acknowledgedAt", 'snoozedUntil', w."snoozedUntil")), '[]')
         FROM "WarningState" w WHERE w."orgId" = ${ctx.orgId}::uuid AND w."userId" = ${ctx.userId}::uuid AND w."opportunityId" = d.id) AS states,
      (SELECT COALESCE(json_agg(json_build_object('contactId', c.id, 'name', c.name, 'level', c.level, 'stance', c.stance, 'roles', oc.roles,
          'relationships', (SELECT COALESCE(json_agg(json_build_object('userId', r."userId", 'degree', r.degree)), '[]')
             FROM "ContactRelationship" r
            WHERE r."orgId" = ${ctx.orgId}::uuid AND r."contactId" = c.id
              AND (r."userId" = o."ownerId" OR EXISTS (
                SELECT 1 FROM "OpportunityTeamMember" m WHERE m."opportunityId" = o.id AND m."userId" = r."userId"))))), '[]')
         FROM "OpportunityContact" oc
         JOIN "Opportunity" o ON o.id = oc."opportunityId"
         JOIN "Contact" c ON c.id = oc."contactId" AND c."deletedAt" IS NULL
        WHERE oc."orgId" = ${ctx.orgId}::uuid AND oc."opportunityId" = d.id) AS contacts,
      fb.data AS fishbone, fb.version AS "fishboneVersion"
    FROM unnest(${[...ids]}::uuid[]) AS d(id)
    LEFT JOIN LATERAL (
      SELECT f.before, f.after, f.at FROM "OpportunityFieldChange" f
       WHERE f."opportunityId" = d.id AND f."orgId" = ${ctx.orgId}::uuid AND f.field = 'amount' AND f.after::numeric < f.before::numeric
       ORDER BY f.at DESC LIMIT 1) cut ON TRUE
    LEFT JOIN "OpportunityAnalysis" fb ON fb."opportunityId" = d.id AND fb.kind = 'FISHBONE' AND fb."orgId" = ${ctx.orgId}::uuid`;
  return new Map(rows.map(({ states, contacts, fishbone, fishboneVersion, ...facts }) => [facts.opportunityId, {
    facts,
    states: new Map(states.map((state) => [state.rule, {
      acknowledgedAt: state.acknowledgedAt ? new Date(state.acknowledgedAt) : null,
      snoozedUntil: state.snoozedUntil ? new Date(state.snoozedUntil) : null,
    }])),
    buyingCenter: {
      contacts: contacts.map(({ relationships: _held, ...contact }) => ({ ...contact, roles: contact.roles ?? [] })),
      relationships: contacts.flatMap((contact) => contact.relationships.map(({ userId, degree }) => ({ userId, contactId: contact.contactId, degree }))),
    },
    fishbone: fishboneVersion === null ? null : parseStoredDocument("FISHBONE", fishbone, fishboneVersion, ctx.locale),
  }]));
}

/** What the rules need of a deal besides its facts; the board passes its card rows, the feed loads them. */
export type WarnableDeal = {
  id: string; name: string; stage: string; stageEnteredAt: Date; expectedCloseDate: Date; createdAt: Date;
  ownerId: string; ownerName: string; decisionStage: string | null;
};

/** The caller's warnings in `scope`, most severe first; dismissed ones only with `includeDismissed`. */
export async function listWarnings(ctx: Ctx, scope: WarningScope, options: { includeDismissed?: boolean; now?: Date } = {}): Promise<DealWarning[]> {
  const deals = await db.opportunity.findMany({
    where: { AND: [opportunityVisibility(ctx), scopeWhere(ctx, scope), { stage: { in: [...OPEN_STAGE_KEYS] } }] },
    select: { id: true, name: true, stage: true, stageEnteredAt: true, expectedCloseDate: true, createdAt: true, ownerId: true, decisionStage: true, owner: { select: { name: true } } },
    orderBy: { stageEnteredAt: "asc" },
    take: MAX_DEALS,
  });
  const warnings = await judgeDeals(ctx, deals.map(({ owner, ...deal }) => ({ ...deal, ownerName: owner.name })), options.now ?? new Date());
  const severityOrder = { high: 0, medium: 1, low: 2 };
  return warnings
    .filter((warning) => options.includeDismissed || (!warning.acknowledged && !warning.snoozedUntil))
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.opportunityName.localeCompare(b.opportunityName));
}

/**
 * The caller's active warnings (not acknowledged, not snoozed) per deal: the board's card badges. `deals`
 * must come from a query already limited to what the caller may see (the board's card rows are); closed
 * deals and deals without a warning are absent from the result.
 */
export async function countWarningsForDeals(ctx: Ctx, deals: readonly WarnableDeal[], now = new Date()): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const open = deals.filter((deal) => (OPEN_STAGE_KEYS as readonly string[]).includes(deal.stage));
  for (const warning of await judgeDeals(ctx, open, now)) {
    if (warning.acknowledged || warning.snoozedUntil) continue;
    counts.set(warning.opportunityId, (counts.get(warning.opportunityId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every rule over the given deals' facts (a handful of queries whatever their number), with the caller's
 * dismissals, in the deals' order.
 */
async function judgeDeals(ctx: Ctx, deals: readonly WarnableDeal[], now: Date): Promise<DealWarning[]> {
  if (!deals.length) return [];
  const [table, inputs] = await Promise.all([getStageTable(ctx), loadWarningInputs(ctx, deals.map((deal) => deal.id))]);
  const fishbones = [...inputs.entries()].flatMap(([opportunityId, input]) => (input.fishbone ? [{ opportunityId, fishbone: input.fishbone }] : []));
  const overdue = new Map<string, number>();
  for (const action of listOverdueFishboneActions(fishbones, now.toISOString().slice(0, 10))) {
    overdue.set(action.opportunityId, (overdue.get(action.opportunityId) ?? 0) + 1);
  }
  return deals.flatMap((deal) => {
    const input = inputs.get(deal.id);
    const row = input?.facts;
    const dealFacts: DealFacts = {
      stage: deal.stage as StageKey,
      stageEnteredAt: deal.stageEnteredAt,
      expectedCloseDate: deal.expectedCloseDate.toISOString().slice(0, 10),
      createdAt: deal.createdAt,
      lastActivityAt: row?.lastActivityAt ?? null,
      closeDatePushes: row?.pushes ?? 0,
      lastAmountCut: row?.cutBefore && row.cutAfter && row.cutAt ? { before: row.cutBefore, after: row.cutAfter, at: row.cutAt } : null,
      gateExceptions: row?.exceptions ?? 0,
      customerDecisionStage: isDecisionStageKey(deal.decisionStage) ? deal.decisionStage : null,
      buyingCenterFlags: computeRedFlags(input?.buyingCenter ?? EMPTY_BUYING_CENTER, deal.stage as StageKey)
        .map((flag) => ({ code: flag.kind, message: flag.message })),
      overdueFishboneActions: overdue.get(deal.id) ?? 0,
    };
    return evaluateWarnings(dealFacts, { now, table, config: DEFAULT_WARNING_CONFIG }).map((warning) => {
      const state = input?.states.get(warning.rule);
      const snoozedUntil = state?.snoozedUntil && state.snoozedUntil > now ? state.snoozedUntil.toISOString() : null;
      return {
        ...warning, opportunityId: deal.id, opportunityName: deal.name, ownerId: deal.ownerId, ownerName: deal.ownerName,
        stage: deal.stage as StageKey, acknowledged: Boolean(state?.acknowledgedAt), snoozedUntil,
      };
    });
  });
}

/** Acknowledge (hide for good) or snooze (hide for N days, default 7) one warning of a visible deal, for the caller. */
export async function actOnWarning(ctx: Ctx, action: WarningAction, now = new Date()): Promise<void> {
  if (!isWarningRuleKey(action.rule)) throw invalid([{ path: "rule", message: "Unknown warning rule." }]);
  const deal = await db.opportunity.findFirst({ where: { id: action.opportunityId, ...opportunityVisibility(ctx) }, select: { id: true } });
  if (!deal) throw notFound("Opportunity");
  const data = action.action === "acknowledge"
    ? { acknowledgedAt: now }
    : { snoozedUntil: new Date(now.getTime() + (action.snoozeDays ?? 7) * 86_400_000) };
  await db.warningState.upsert({
    where: { opportunityId_rule_userId: { opportunityId: deal.id, rule: action.rule as WarningRuleKey, userId: ctx.userId } },
    create: { orgId: ctx.orgId, opportunityId: deal.id, rule: action.rule, userId: ctx.userId, ...data },
    update: data,
  });
}
