// A pipeline-sized world in its own org: two teams, every role, accounts with segments and regions, and
// ~120 deals spread over all stages with cent amounts, close dates, product lines, stage-entry times old
// enough to stall, shared timestamps (keyset ties), project-team members, a deleted deal and deals of
// another org. The brute
// force below recomputes what the board must answer from plain rows, with lib/domain rules only.
import { Decimal, formatMoneyString, sumDecimals } from "@/lib/domain/money";
import { DEFAULT_STAGE_TABLE, isStalled, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import { db } from "@/lib/db";
import { opportunityVisibility, type Ctx } from "@/lib/permissions";
import type { PipelineFilters, PipelineTotals } from "@/lib/validations/pipeline";
import { buildAccount, buildOpportunity, buildOrg, buildTeam, buildUser } from "../../factories";
import { contextOf } from "../data/world";

export const PRODUCT_LINES = ["Cloud ERP", "Data Platform", "Field Service"];
export const SEGMENTS = ["Strategic", "Enterprise", "Mid-market"];
export const REGIONS = ["East", "North", "South"];
export const NAME_WORDS = ["Rollout", "Upgrade", "Renewal", "50%_off", "Pilot"];
const DAY_MS = 86_400_000;

/** Deterministic pseudo-random numbers, so a failing run is reproducible. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function buildPipelineWorld(now: Date) {
  const random = seeded(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const org = await buildOrg(db);
  const otherOrg = await buildOrg(db);
  const [admin, manager, rep, rep2, manager2, rep3] = await Promise.all([
    buildUser(db, org.id, { role: "ADMIN" }), buildUser(db, org.id, { role: "MANAGER" }), buildUser(db, org.id, { role: "REP" }),
    buildUser(db, org.id, { role: "REP" }), buildUser(db, org.id, { role: "MANAGER" }), buildUser(db, org.id, { role: "REP" }),
  ]);
  const otherRep = await buildUser(db, otherOrg.id, { role: "REP" });
  // manager2 also belongs to North without managing it: "team" scope reaches it, visibility does not.
  const north = await buildTeam(db, org.id, { managerId: manager.id, memberIds: [rep.id, rep2.id, manager2.id] });
  const south = await buildTeam(db, org.id, { managerId: manager2.id, memberIds: [rep3.id] });
  const otherTeam = await buildTeam(db, otherOrg.id, { memberIds: [otherRep.id] });

  const accounts = [];
  for (let index = 0; index < 6; index += 1) {
    accounts.push(await buildAccount(db, org.id, {
      name: `Acme ${["Steel", "Foods", "Grid", "Rail", "Bank", "Ports"][index]} ${org.id.slice(0, 6)}`,
      segment: SEGMENTS[index % 3], region: REGIONS[(index + 1) % 3], ownerId: rep.id,
    }));
  }
  accounts.push(await buildAccount(db, org.id, { name: `Bare ${org.id.slice(0, 6)}` })); // no segment, no region
  const otherAccount = await buildAccount(db, otherOrg.id, { segment: "Strategic", region: "East" });

  const sellers = [
    { user: rep, team: north.id }, { user: rep2, team: north.id }, { user: manager, team: north.id },
    { user: rep3, team: south.id }, { user: manager2, team: south.id }, { user: manager2, team: north.id }, { user: admin, team: null },
  ];
  const sharedEntry = new Date(now.getTime() - 3 * DAY_MS);
  const deals: Awaited<ReturnType<typeof buildOpportunity>>[] = [];
  for (let index = 0; index < 120; index += 1) {
    const seller = pick(sellers);
    const stage = index < 30 ? "P1" : pick(STAGE_KEYS); // P1 is long enough to page through
    const ageDays = Math.floor(random() * 60);
    deals.push(await buildOpportunity(db, {
      orgId: org.id, accountId: pick(accounts).id, ownerId: seller.user.id, teamId: seller.team, stage,
      name: `${pick(NAME_WORDS)} ${index}`,
      amount: `${Math.floor(random() * 5_000_000)}.${String(Math.floor(random() * 100)).padStart(2, "0")}`,
      expectedCloseDate: new Date(now.getTime() + Math.floor(random() * 400 - 100) * DAY_MS).toISOString().slice(0, 10),
      productLine: random() < 0.15 ? null : pick(PRODUCT_LINES),
      stageEnteredAt: index % 7 === 0 ? sharedEntry : new Date(now.getTime() - ageDays * DAY_MS - Math.floor(random() * DAY_MS)),
    }));
  }
  // Virtual project teams: a member sees the deal as their own ("mine"), whoever owns it.
  const onTeam = (userId: string, ownerIds: string[], count: number) => deals
    .filter((deal) => ownerIds.includes(deal.ownerId)).slice(0, count)
    .map((deal) => ({ opportunityId: deal.id, userId, orgId: org.id, role: "PRESALES" as const, sharePct: "20.00" }));
  await db.opportunityTeamMember.createMany({
    data: [...onTeam(rep.id, [rep3.id, admin.id, manager2.id], 8), ...onTeam(manager2.id, [rep2.id], 4), ...onTeam(rep3.id, [rep.id], 3)],
    skipDuplicates: true,
  });
  const deleted = await buildOpportunity(db, { orgId: org.id, accountId: accounts[0].id, ownerId: rep.id, teamId: north.id, stage: "P1" });
  await db.opportunity.update({ where: { id: deleted.id }, data: { deletedAt: now } });
  const foreign = await buildOpportunity(db, {
    orgId: otherOrg.id, accountId: otherAccount.id, ownerId: otherRep.id, teamId: otherTeam.id, stage: "P1",
  });

  const users = { admin, manager, rep, rep2, manager2, rep3 };
  const ctx: Record<keyof typeof users, Ctx> = {
    admin: await contextOf(admin.id), manager: await contextOf(manager.id), rep: await contextOf(rep.id),
    rep2: await contextOf(rep2.id), manager2: await contextOf(manager2.id), rep3: await contextOf(rep3.id),
  };
  return { org, otherOrg, north, south, accounts, deals, deleted, foreign, users, ctx, otherCtx: await contextOf(otherRep.id) };
}

export type PipelineWorld = Awaited<ReturnType<typeof buildPipelineWorld>>;

/** Every deal `ctx` may see, through Prisma and opportunityVisibility — the reference the SQL must match. */
export async function loadVisibleDeals(ctx: Ctx) {
  return db.opportunity.findMany({ where: opportunityVisibility(ctx), include: { account: true, teamMembers: { select: { userId: true } } } });
}

type VisibleDeal = Awaited<ReturnType<typeof loadVisibleDeals>>[number];

export function matchesFilters(deal: VisibleDeal, ctx: Ctx, filters: PipelineFilters, now: Date): boolean {
  const scope = filters.scope ?? (ctx.role === "REP" ? "mine" : "all");
  if (scope === "mine" && deal.ownerId !== ctx.userId && !deal.teamMembers.some((member) => member.userId === ctx.userId)) return false;
  if (scope === "team" && !(deal.teamId && [...ctx.teamIds, ...ctx.managedTeamIds].includes(deal.teamId))) return false;
  if (filters.ownerId && deal.ownerId !== filters.ownerId) return false;
  if (filters.teamId && deal.teamId !== filters.teamId) return false;
  if (filters.productLine && deal.productLine !== filters.productLine) return false;
  if (filters.segment && deal.account.segment !== filters.segment) return false;
  if (filters.region && deal.account.region !== filters.region) return false;
  const close = deal.expectedCloseDate.toISOString().slice(0, 10);
  if (filters.closeFrom && close < filters.closeFrom) return false;
  if (filters.closeTo && close > filters.closeTo) return false;
  if (filters.q) {
    const needle = filters.q.toLowerCase();
    if (!deal.name.toLowerCase().includes(needle) && !deal.account.name.toLowerCase().includes(needle)) return false;
  }
  if (filters.stalledOnly && !isStalled(deal.stage as StageKey, deal.stageEnteredAt, now, DEFAULT_STAGE_TABLE)) return false;
  return true;
}

/** Column totals summed row by row in exact decimals: weighted = Σ (amount × p), rounded once. */
export function bruteForceTotals(deals: VisibleDeal[]): PipelineTotals[] {
  return STAGE_KEYS.map((stage) => {
    const inStage = deals.filter((deal) => deal.stage === stage);
    const probability = new Decimal(DEFAULT_STAGE_TABLE[stage].probability);
    return {
      stage,
      count: inStage.length,
      amount: formatMoneyString(sumDecimals(inStage.map((deal) => deal.amount.toString()))),
      weightedAmount: formatMoneyString(sumDecimals(inStage.map((deal) => new Decimal(deal.amount.toString()).times(probability)))),
    };
  });
}
