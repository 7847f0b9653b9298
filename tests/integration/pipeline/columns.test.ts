// Board columns: keyset pages hand out every deal of a column exactly once (ties on the stage-entry time
// included), newest in the stage first; each role sees exactly its deals; the scope a role may not use is
// refused.
import { beforeAll, describe, expect, it } from "vitest";
import { getPipelineBoard, listPipelineColumn } from "@/lib/data/pipeline";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/permissions";
import type { PipelineFilters } from "@/lib/validations/pipeline";
import { expectAppError } from "../data/world";
import { buildPipelineWorld, loadVisibleDeals, matchesFilters, type PipelineWorld } from "./world";

const NOW = new Date();
let world: PipelineWorld;
beforeAll(async () => {
  world = await buildPipelineWorld(NOW);
});

/** Walks one column from the board's first page to the end, `limit` cards at a time. */
async function walkColumn(ctx: Ctx, stage: (typeof STAGE_KEYS)[number], filters: PipelineFilters, limit: number) {
  const board = await getPipelineBoard(ctx, { ...filters, limit }, NOW);
  const column = board.columns.find((candidate) => candidate.stage === stage);
  if (!column) throw new Error(`no column ${stage}`);
  const items = [...column.items];
  let cursor = column.nextCursor;
  let pages = 1;
  while (cursor) {
    const page = await listPipelineColumn(ctx, stage, { ...filters, limit, cursor }, NOW);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    if (pages > 100) throw new Error("the cursor never ends");
  }
  return { count: column.count, items, pages };
}

describe("pipeline column pages", () => {
  it("return every deal of every column exactly once, newest in the stage first", async () => {
    const visible = await loadVisibleDeals(world.ctx.admin);
    for (const stage of STAGE_KEYS) {
      const { count, items, pages } = await walkColumn(world.ctx.admin, stage, {}, 4);
      const ids = items.map((item) => item.id);
      const expected = visible.filter((deal) => deal.stage === stage).map((deal) => deal.id);
      expect(new Set(ids).size, `duplicates in ${stage}`).toBe(ids.length);
      expect(ids.sort()).toEqual(expected.sort());
      expect(count).toBe(expected.length);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 4)));
      const keys = items.map((item) => `${item.stageEnteredAt}|${item.id}`);
      expect(items.every((item) => item.stage === stage)).toBe(true);
      expect(keys).toEqual([...keys].sort().reverse());
    }
  });

  it("page through ties on the stage-entry time and through filters without losing or repeating a deal", async () => {
    const ctx = world.ctx.manager;
    const filterSets: PipelineFilters[] = [{ scope: "team", q: "e" }, { stalledOnly: true }, { stalledOnly: true, segment: "Strategic", q: "acme" }];
    for (const filters of filterSets) {
      for (const stage of STAGE_KEYS) {
        const visible = (await loadVisibleDeals(ctx)).filter((deal) => deal.stage === stage && matchesFilters(deal, ctx, filters, NOW));
        const { items, count } = await walkColumn(ctx, stage, filters, 3);
        const where = `${stage} ${JSON.stringify(filters)}`;
        expect(items.map((item) => item.id).sort(), where).toEqual(visible.map((deal) => deal.id).sort());
        expect(count, where).toBe(visible.length);
      }
    }
    const ties = new Set(world.deals.filter((deal, index) => index % 7 === 0 && deal.stage === "P1").map((deal) => deal.id));
    expect(ties.size).toBeGreaterThan(1);
  });

  it("carry the same JSON as /api/v1/opportunities, plus the caller's warning count", async () => {
    const board = await getPipelineBoard(world.ctx.rep, { limit: 1 }, NOW);
    const card = board.columns.flatMap((column) => column.items)[0];
    expect(Object.keys(card).sort()).toEqual([
      "accountId", "accountName", "amount", "createdAt", "currency", "decisionAlignment", "decisionStage", "expectedCloseDate", "id",
      "lossReason", "name", "ownerId",
      "ownerName", "probability", "productLine", "stage", "stageEnteredAt", "teamId", "updatedAt", "version", "warningCount", "weightedAmount",
    ]);
    const source = world.deals.find((deal) => deal.id === card.id);
    expect(card).toMatchObject({
      ownerId: world.users.rep.id, amount: source?.amount.toFixed(2), expectedCloseDate: source?.expectedCloseDate.toISOString().slice(0, 10),
      stageEnteredAt: source?.stageEnteredAt.toISOString(), version: 1,
    });
  });

  it("refuse an unknown stage as not found and a forged cursor as invalid", async () => {
    await expectAppError(listPipelineColumn(world.ctx.admin, "P9", { limit: 10 }), "NOT_FOUND");
    await expectAppError(listPipelineColumn(world.ctx.admin, "P1", { limit: 10, cursor: "not-a-cursor" }), "VALIDATION");
  });
});

describe("pipeline visibility", () => {
  const boardIds = async (ctx: Ctx, filters: PipelineFilters = {}) => {
    const board = await getPipelineBoard(ctx, { ...filters, limit: 200 }, NOW);
    return board.columns.flatMap((column) => column.items.map((item) => item.id)).sort();
  };

  it("shows each role exactly the deals opportunityVisibility allows, never a deleted or foreign one", async () => {
    for (const [who, ctx] of Object.entries(world.ctx)) {
      const expected = (await loadVisibleDeals(ctx)).filter((deal) => matchesFilters(deal, ctx, { scope: "all" }, NOW));
      const scope = ctx.role === "REP" ? "mine" : "all";
      const ids = await boardIds(ctx, { scope });
      expect(ids, who).toEqual(expected.map((deal) => deal.id).sort());
      expect(ids).not.toContain(world.deleted.id);
      expect(ids).not.toContain(world.foreign.id);
    }
    expect(await boardIds(world.otherCtx)).toEqual([world.foreign.id]);
  });

  const memberDealIds = async (userId: string) =>
    new Set((await db.opportunityTeamMember.findMany({ where: { userId }, select: { opportunityId: true } })).map((row) => row.opportunityId));

  it("gives a REP their own deals and those whose project team they are on, and refuses the team and all scopes", async () => {
    const ids = await boardIds(world.ctx.rep);
    const onTeam = await memberDealIds(world.users.rep.id);
    expect(onTeam.size).toBeGreaterThan(0);
    const expected = world.deals.filter((deal) => deal.ownerId === world.users.rep.id || onTeam.has(deal.id)).map((deal) => deal.id).sort();
    expect(ids).toEqual(expected);
    expect(ids.some((id) => onTeam.has(id))).toBe(true);
    await expectAppError(getPipelineBoard(world.ctx.rep, { scope: "team", limit: 0 }), "FORBIDDEN");
    await expectAppError(getPipelineBoard(world.ctx.rep, { scope: "all", limit: 0 }), "FORBIDDEN");
  });

  it("scopes a manager's team view to the teams they belong to or manage, still within what they may see", async () => {
    const ctx = world.ctx.manager2; // manages South, a plain member of North, on the project team of some of rep2's deals
    const onTeam = await memberDealIds(ctx.userId);
    const isMine = (deal: { id: string; ownerId: string }) => deal.ownerId === ctx.userId || onTeam.has(deal.id);
    const ids = await boardIds(ctx, { scope: "team" });
    const expected = world.deals
      .filter((deal) => deal.teamId === world.south.id || (deal.teamId === world.north.id && isMine(deal)))
      .map((deal) => deal.id).sort();
    expect(ids).toEqual(expected);
    const mine = await boardIds(ctx, { scope: "mine" });
    expect(mine).toEqual(world.deals.filter(isMine).map((deal) => deal.id).sort());
    expect(mine.some((id) => onTeam.has(id))).toBe(true);
  });
});
