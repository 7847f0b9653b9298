// Board column totals are computed in SQL over the whole filtered visible set; for any caller and any
// filters they must equal a row-by-row exact-decimal sum over the deals that caller may see.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getPipelineBoard } from "@/lib/data/pipeline";
import type { Ctx } from "@/lib/permissions";
import type { PipelineFilters } from "@/lib/validations/pipeline";
import {
  bruteForceTotals, buildPipelineWorld, loadVisibleDeals, matchesFilters, NAME_WORDS, type PipelineWorld, PRODUCT_LINES, REGIONS, SEGMENTS,
} from "./world";

const NOW = new Date();
let world: PipelineWorld;
const visibleByRole = new Map<string, Awaited<ReturnType<typeof loadVisibleDeals>>>();

beforeAll(async () => {
  world = await buildPipelineWorld(NOW);
  for (const ctx of Object.values(world.ctx)) visibleByRole.set(ctx.userId, await loadVisibleDeals(ctx));
});

/** Each filter present one time in three, so most runs still match deals (and so prove something). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

function filtersArbitrary(ctx: Ctx): fc.Arbitrary<PipelineFilters> {
  const userIds = Object.values(world.users).map((user) => user.id);
  const date = fc.integer({ min: -120, max: 320 }).map((days) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10));
  return fc
    .record({
      ownerId: sometimes(fc.constantFrom(...userIds)),
      teamId: sometimes(fc.constantFrom(world.north.id, world.south.id)),
      productLine: sometimes(fc.constantFrom(...PRODUCT_LINES)),
      segment: sometimes(fc.constantFrom(...SEGMENTS)),
      region: sometimes(fc.constantFrom(...REGIONS)),
      closeFrom: sometimes(date),
      closeTo: sometimes(date),
      q: sometimes(fc.constantFrom(...NAME_WORDS, "acme steel", "1", "%", "_", "0%_O", "nothing-matches")),
      scope: sometimes(fc.constantFrom(...(ctx.role === "REP" ? (["mine"] as const) : (["mine", "team", "all"] as const)))),
      stalledOnly: sometimes(fc.boolean()),
    })
    .map((record) => {
      const filters = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as PipelineFilters;
      if (filters.closeFrom && filters.closeTo && filters.closeFrom > filters.closeTo) {
        return { ...filters, closeFrom: filters.closeTo, closeTo: filters.closeFrom };
      }
      return filters;
    });
}

describe("pipeline column totals", () => {
  it("equal a brute-force exact sum over the visible deals, for random callers and filters", async () => {
    const callers = Object.keys(world.ctx) as (keyof PipelineWorld["ctx"])[];
    let nonEmptyRuns = 0;
    const property = fc.asyncProperty(
      fc.constantFrom(...callers).chain((who) => fc.tuple(fc.constant(who), filtersArbitrary(world.ctx[who]))),
      async ([who, filters]) => {
        const ctx = world.ctx[who];
        const board = await getPipelineBoard(ctx, { ...filters, limit: 0 }, NOW);
        const expected = bruteForceTotals((visibleByRole.get(ctx.userId) ?? []).filter((deal) => matchesFilters(deal, ctx, filters, NOW)));
        expect(board.columns.map(({ stage, count, amount, weightedAmount }) => ({ stage, count, amount, weightedAmount }))).toEqual(expected);
        if (expected.some((column) => column.count > 0)) nonEmptyRuns += 1;
      },
    );
    await fc.assert(property, { numRuns: 60, seed: 20261128 });
    expect(nonEmptyRuns, "too few runs matched any deal to prove anything").toBeGreaterThan(20);
  });

  it("are not the sum of the loaded cards: a column with more deals than its first page still counts them all", async () => {
    const board = await getPipelineBoard(world.ctx.admin, { limit: 5 }, NOW);
    const p1 = board.columns.find((column) => column.stage === "P1");
    const expected = bruteForceTotals(visibleByRole.get(world.ctx.admin.userId) ?? []).find((column) => column.stage === "P1");
    expect(p1?.items).toHaveLength(5);
    expect(p1?.nextCursor).toEqual(expect.any(String));
    expect(p1).toMatchObject({ count: expected?.count, amount: expected?.amount, weightedAmount: expected?.weightedAmount });
    expect(p1?.count).toBeGreaterThan(30);
  });

  it("round the weighted total once after summing, not per deal", async () => {
    // Three P0 deals of 0.05: per-deal rounding gives 3 × 0.01 = 0.03; the exact total 0.015 rounds to 0.02.
    const { buildOpportunity } = await import("../../factories");
    const { db } = await import("@/lib/db");
    const productLine = `Cents ${NOW.getTime()}`;
    for (let index = 0; index < 3; index += 1) {
      await buildOpportunity(db, {
        orgId: world.org.id, accountId: world.accounts[0].id, ownerId: world.users.admin.id, stage: "P0", amount: "0.05", productLine,
      });
    }
    const board = await getPipelineBoard(world.ctx.admin, { productLine, limit: 0 }, NOW);
    expect(board.columns[0]).toMatchObject({ stage: "P0", count: 3, amount: "0.15", weightedAmount: "0.02" });
  });
});
