// The summary cubes (kept by PostgreSQL triggers) must equal the live aggregate over the base table after
// any sequence of writes — inserts, edits, stage moves, owner/team changes, soft and hard deletes, restores,
// account segment/region changes, category overrides — and configuration changes; and the forecast must
// equal a brute-force exact sum over the deals each caller may see, to the cent.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { aggregateVisibleDeals, type CubeQuery } from "@/lib/data/forecast-cube";
import { getForecast } from "@/lib/data/forecast";
import { getPipelineTotals } from "@/lib/data/pipeline";
import { getStageTable } from "@/lib/data/stage-config";
import {
  effectiveForecastCategory, FORECAST_DIMENSIONS, FORECAST_STAGES, type ForecastCategory, type ForecastDimension, monthKey, quarterKey,
} from "@/lib/domain/forecast";
import { Decimal, formatMoneyString } from "@/lib/domain/money";
import { STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import { buildOpportunity } from "../../factories";
import { buildPipelineWorld, loadVisibleDeals, PRODUCT_LINES, REGIONS, SEGMENTS, type PipelineWorld } from "../pipeline/world";

const NOW = new Date();
let world: PipelineWorld;
beforeAll(async () => {
  world = await buildPipelineWorld(NOW);
});

const sortCells = (rows: Awaited<ReturnType<typeof aggregateVisibleDeals>>) =>
  rows.map((row) => ({ ...row, amount: new Decimal(row.amount).toFixed(2) }))
    .sort((a, b) => JSON.stringify([a.keys, a.stage, a.override]).localeCompare(JSON.stringify([b.keys, b.stage, b.override])));

type Write = (random: () => number) => Promise<void>;

function writes(): Write[] {
  const pick = <T>(items: readonly T[], random: () => number) => items[Math.floor(random() * items.length)];
  const anyDeal = async (random: () => number) => {
    const deals = await db.opportunity.findMany({ where: { orgId: world.org.id }, select: { id: true }, orderBy: { id: "asc" } });
    return pick(deals, random).id;
  };
  const teams = [world.north.id, world.south.id, null];
  const users = Object.values(world.users).map((user) => user.id);
  return [
    async (random) => { await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { amount: `${Math.floor(random() * 900000)}.${Math.floor(random() * 90) + 10}` } }); },
    async (random) => { await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { stage: pick(STAGE_KEYS, random) } }); },
    async (random) => {
      await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { expectedCloseDate: new Date(NOW.getTime() + Math.floor(random() * 400 - 100) * 86_400_000) } });
    },
    async (random) => { await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { ownerId: pick(users, random), teamId: pick(teams, random) } }); },
    async (random) => { await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { deletedAt: random() < 0.5 ? NOW : null } }); },
    async (random) => { await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { forecastCategory: pick(["COMMIT", "OMITTED", "BEST_CASE", null] as const, random) } }); },
    async (random) => { await db.opportunity.update({ where: { id: await anyDeal(random) }, data: { productLine: pick([...PRODUCT_LINES, null], random) } }); },
    async (random) => {
      await db.account.update({ where: { id: pick(world.accounts, random).id }, data: { segment: pick([...SEGMENTS, null], random), region: pick([...REGIONS, null], random) } });
    },
    // A bulk statement: many rows in one trigger call.
    async (random) => { await db.opportunity.updateMany({ where: { orgId: world.org.id, stage: pick(STAGE_KEYS, random) }, data: { version: { increment: 1 } } }); },
    async (random) => {
      await buildOpportunity(db, {
        orgId: world.org.id, accountId: pick(world.accounts, random).id, ownerId: pick(users, random), teamId: pick(teams, random),
        stage: pick(STAGE_KEYS, random), amount: `${Math.floor(random() * 100000)}.05`, productLine: pick([...PRODUCT_LINES, null], random),
        expectedCloseDate: new Date(NOW.getTime() + Math.floor(random() * 300) * 86_400_000).toISOString().slice(0, 10),
      });
    },
    async (random) => {
      const id = await anyDeal(random);
      await db.$transaction([db.opportunityTeamMember.deleteMany({ where: { opportunityId: id } }), db.stageChange.deleteMany({ where: { opportunityId: id } }), db.opportunity.delete({ where: { id } })]);
    },
    // Configuration: P3's probability between P2's and P4's, so the table stays monotone.
    async (random) => {
      const probability = (0.3 + random() * 0.2).toFixed(4);
      await db.stageSetting.upsert({
        where: { orgId_stage: { orgId: world.org.id, stage: "P3" } },
        create: { orgId: world.org.id, stage: "P3", probability }, update: { probability },
      });
    },
  ];
}

const monthStart = (offsetMonths: number) => {
  const date = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + offsetMonths, 1));
  return date.toISOString().slice(0, 10);
};
const monthEnd = (offsetMonths: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + offsetMonths + 1, 0)).toISOString().slice(0, 10);

function queryArbitrary(ctx: Ctx): fc.Arbitrary<CubeQuery> {
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  return fc.record({
    scope: sometimes(fc.constantFrom(...(ctx.role === "REP" ? (["mine"] as const) : (["mine", "team", "all"] as const)))),
    teamId: sometimes(fc.constantFrom(world.north.id, world.south.id)),
    productLine: sometimes(fc.constantFrom(...PRODUCT_LINES)),
    segment: sometimes(fc.constantFrom(...SEGMENTS)),
    region: sometimes(fc.constantFrom(...REGIONS)),
    range: fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 12 })),
    groupBy: fc.subarray([...FORECAST_DIMENSIONS], { maxLength: 2 }),
  }).map(({ range: [start, length], ...rest }) => {
    const query = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    return { ...query, groupBy: rest.groupBy, closeFrom: monthStart(start), closeTo: monthEnd(start + length), stages: STAGE_KEYS } as CubeQuery;
  });
}

describe("summary cubes", () => {
  it("equal the live aggregate after random writes, moves, deletes and configuration changes", async () => {
    const operations = writes();
    const callers = Object.keys(world.ctx) as (keyof PipelineWorld["ctx"])[];
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(operations.length - 1), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...callers).chain((who) => fc.tuple(fc.constant(who), queryArbitrary(world.ctx[who]))),
      async (steps, [who, query]) => {
        for (const [index, seed] of steps) {
          let state = seed;
          await operations[index](() => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647));
        }
        const ctx = world.ctx[who];
        expect(sortCells(await aggregateVisibleDeals(ctx, query))).toEqual(sortCells(await aggregateVisibleDeals(ctx, query, { live: true })));
      },
    ), { numRuns: 60 });
  });

  it("serve the board totals exactly as the live SQL did", async () => {
    for (const ctx of Object.values(world.ctx)) {
      const filters = { closeFrom: monthStart(-2), closeTo: monthEnd(6) };
      const fast = await getPipelineTotals(ctx, filters, NOW);
      // Whole-month bounds: the board reads the rollup cube; the reference is the base table.
      const live = await aggregateVisibleDeals(ctx, { ...filters, stages: STAGE_KEYS, groupBy: [], scope: ctx.role === "REP" ? "mine" : "all" }, { live: true });
      const table = await getStageTable(ctx);
      for (const column of fast) {
        const cells = live.filter((cell) => cell.stage === column.stage);
        const amount = cells.reduce((sum, cell) => sum.plus(cell.amount), new Decimal(0));
        expect(column.count).toBe(cells.reduce((sum, cell) => sum + cell.count, 0));
        expect(column.amount).toBe(formatMoneyString(amount));
        expect(column.weightedAmount).toBe(formatMoneyString(amount.times(table[column.stage].probability)));
      }
    }
  });
});

describe("forecast", () => {
  const dimensionValue = (deal: Awaited<ReturnType<typeof loadVisibleDeals>>[number], dimension: ForecastDimension): string => {
    const close = deal.expectedCloseDate.toISOString().slice(0, 10);
    switch (dimension) {
      case "owner": return deal.ownerId;
      case "team": return deal.teamId ?? "";
      case "productLine": return deal.productLine ?? "";
      case "segment": return deal.account.segment ?? "";
      case "region": return deal.account.region ?? "";
      case "stage": return deal.stage;
      case "month": return monthKey(close);
      case "quarter": return quarterKey(close);
      case "category": return effectiveForecastCategory(deal.stage as StageKey, deal.forecastCategory as ForecastCategory | null);
    }
  };

  it("equals a brute-force exact sum over the visible deals for random periods, groupings and roles", async () => {
    const callers = Object.keys(world.ctx) as (keyof PipelineWorld["ctx"])[];
    const day = fc.integer({ min: -120, max: 360 }).map((days) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...callers), fc.tuple(day, day), fc.subarray([...FORECAST_DIMENSIONS], { maxLength: 2 }), fc.boolean(),
      async (who, [a, b], groupBy, wholeMonths) => {
        const ctx = world.ctx[who];
        const from = wholeMonths ? `${(a < b ? a : b).slice(0, 7)}-01` : (a < b ? a : b);
        const to = a < b ? b : a;
        const forecast = await getForecast(ctx, { from, to, groupBy });
        const table = await getStageTable(ctx);
        const deals = (await loadVisibleDeals(ctx)).filter((deal) => {
          const close = deal.expectedCloseDate.toISOString().slice(0, 10);
          return (FORECAST_STAGES as readonly string[]).includes(deal.stage) && close >= from && close <= to;
        });
        const expected = new Map<string, { count: number; amount: Decimal; weighted: Decimal }>();
        for (const deal of deals) {
          const key = groupBy.map((dimension) => dimensionValue(deal, dimension)).join("|");
          const entry = expected.get(key) ?? { count: 0, amount: new Decimal(0), weighted: new Decimal(0) };
          entry.count += 1;
          entry.amount = entry.amount.plus(deal.amount.toString());
          entry.weighted = entry.weighted.plus(new Decimal(deal.amount.toString()).times(table[deal.stage as StageKey].probability));
          expected.set(key, entry);
        }
        const actual = Object.fromEntries(forecast.rows.map((row) => [row.key, [row.count, row.amount, row.weightedAmount]]));
        expect(actual).toEqual(Object.fromEntries([...expected].map(([key, entry]) => [key, [entry.count, formatMoneyString(entry.amount), formatMoneyString(entry.weighted)]])));
        const all = [...expected.values()];
        expect(forecast.total).toEqual({
          count: deals.length,
          amount: formatMoneyString(all.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0))),
          weightedAmount: formatMoneyString(all.reduce((sum, entry) => sum.plus(entry.weighted), new Decimal(0))),
        });
      },
    ), { numRuns: 60 });
  });
});
