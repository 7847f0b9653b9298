// The table view's data: every sort, in both directions, pages through the filtered visible deals handing
// out each exactly once in (sort value, id) order — ties included — and filters exactly as the board does.
import { beforeAll, describe, expect, it } from "vitest";
import { listOpportunityTablePage } from "@/lib/data/opportunity-table";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import { type OpportunityTableQuery, readOpportunityTableQuery, TABLE_SORT_KEYS } from "@/lib/validations/opportunity-table";
import { expectAppError } from "../data/world";
import { loadVisibleDeals } from "../pipeline/world";
import { buildTableWorld, expectedDeals, findOrderViolation, type TableWorld } from "./world";

const NOW = new Date();
let world: TableWorld;
beforeAll(async () => {
  world = await buildTableWorld(NOW);
});

type Query = Omit<OpportunityTableQuery, "page">;

/** Every page of the query, one after the other. */
async function walkPages(ctx: Ctx, query: Query) {
  const rows: OpportunityOutput[] = [];
  let total = 0;
  for (let page = 1; page < 200; page += 1) {
    const result = await listOpportunityTablePage(ctx, { ...query, page }, NOW);
    total = result.total;
    expect(result.page).toBe(page);
    rows.push(...result.data);
    if (page * query.pageSize >= total) break;
  }
  return { rows, total };
}

describe("opportunity table pages", () => {
  it("hand out every visible deal exactly once, in order, for every sort and direction", async () => {
    const ctx = world.ctx.admin;
    const expected = (await expectedDeals(ctx, {}, NOW)).map((deal) => deal.id).sort();
    expect(expected.length).toBeGreaterThan(100);
    for (const sort of TABLE_SORT_KEYS) {
      for (const dir of ["asc", "desc"] as const) {
        const { rows, total } = await walkPages(ctx, { sort, dir, pageSize: 25 });
        const ids = rows.map((row) => row.id);
        expect(new Set(ids).size, `duplicates for ${sort} ${dir}`).toBe(ids.length);
        expect([...ids].sort(), `${sort} ${dir}`).toEqual(expected);
        expect(total).toBe(expected.length);
        expect(findOrderViolation(rows, sort, dir)).toBeNull();
      }
    }
  });

  it("breaks ties on the sort value by id (equal amounts, equal update times, deals of one account)", async () => {
    const ctx = world.ctx.admin;
    for (const sort of ["amount", "updatedAt", "accountName"] as const) {
      const { rows } = await walkPages(ctx, { sort, dir: "asc", pageSize: 7 });
      const key = (row: OpportunityOutput) => (sort === "amount" ? row.amount : sort === "updatedAt" ? row.updatedAt : row.accountName);
      const groups = new Map<string, string[]>();
      for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row.id]);
      const largest = [...groups.values()].sort((a, b) => b.length - a.length)[0];
      expect(largest.length, sort).toBeGreaterThanOrEqual(10);
      for (const ids of groups.values()) expect(ids).toEqual([...ids].sort());
    }
  });

  it("filter exactly as the board does, plus the table's stage filter, for every role", async () => {
    const filterSets: Omit<Query, "sort" | "dir" | "pageSize">[] = [
      {}, { stage: "P1" }, { scope: "team" }, { scope: "mine", stalledOnly: true }, { q: "acme", segment: "Strategic" },
      { productLine: "Cloud ERP", closeFrom: NOW.toISOString().slice(0, 10) }, { region: "East", stage: "P3" }, { q: "50%_" },
      { teamId: world.north.id, stalledOnly: true }, { ownerId: world.users.rep2.id }, { q: "华东" },
    ];
    for (const role of ["admin", "manager", "manager2", "rep", "rep3"] as const) {
      const ctx = world.ctx[role];
      for (const filters of filterSets) {
        if (ctx.role === "REP" && filters.scope && filters.scope !== "mine") continue;
        const expected = (await expectedDeals(ctx, filters, NOW)).map((deal) => deal.id).sort();
        const { rows, total } = await walkPages(ctx, { ...filters, sort: "weightedAmount", dir: "desc", pageSize: 10 });
        const where = `${role} ${JSON.stringify(filters)}`;
        expect(rows.map((row) => row.id).sort(), where).toEqual(expected);
        expect(total, where).toBe(expected.length);
      }
    }
  });

  it("show each role exactly the deals opportunityVisibility lets it see, nothing more", async () => {
    for (const role of ["admin", "manager", "manager2", "rep", "rep2", "rep3"] as const) {
      const ctx = world.ctx[role];
      const visible = (await loadVisibleDeals(ctx)).map((deal) => deal.id).sort();
      const { rows } = await walkPages(ctx, { sort: "name", dir: "asc", pageSize: 100 });
      expect(rows.map((row) => row.id).sort(), role).toEqual(visible);
    }
  });

  it("finds the deal with a Chinese name and the one in a Chinese account", async () => {
    const { rows } = await walkPages(world.ctx.rep, { q: "华为", sort: "name", dir: "asc", pageSize: 25 });
    expect(rows.map((row) => row.id).sort()).toEqual([world.formula.id, world.tricky.id].sort());
  });

  it("shows the last page for a page past the end, and nothing of other orgs or deleted deals", async () => {
    const result = await listOpportunityTablePage(world.ctx.admin, { sort: "name", dir: "asc", pageSize: 50, page: 999 }, NOW);
    expect(result.page).toBe(Math.ceil(result.total / 50));
    expect(result.data.length).toBe(result.total - (result.page - 1) * 50);
    const all = await walkPages(world.ctx.admin, { sort: "name", dir: "asc", pageSize: 100 });
    expect(all.rows.map((row) => row.id)).not.toContain(world.deleted.id);
    expect(all.rows.map((row) => row.id)).not.toContain(world.foreign.id);
    const foreign = await listOpportunityTablePage(world.otherCtx, { sort: "name", dir: "asc", pageSize: 50, page: 1 }, NOW);
    expect(foreign.data.map((row) => row.id)).toEqual([world.foreign.id]);
  });

  it("refuses a scope the role does not have, as the board does", async () => {
    await expectAppError(listOpportunityTablePage(world.ctx.rep, { scope: "all", sort: "name", dir: "asc", pageSize: 25, page: 1 }, NOW), "FORBIDDEN");
  });
});

describe("reading the table URL", () => {
  it("keeps valid parameters and falls back to defaults for bad ones", () => {
    expect(readOpportunityTableQuery({ sort: "amount", stage: "P9", page: "-3", size: "33", ownerId: "nope", q: "grid" })).toEqual({
      q: "grid", sort: "amount", dir: "desc", page: 1, pageSize: 25,
    });
    expect(readOpportunityTableQuery({ sort: "name", dir: "desc", stage: "LOST", page: "3", size: "100", stalledOnly: "true" })).toEqual({
      stage: "LOST", sort: "name", dir: "desc", page: 3, pageSize: 100, stalledOnly: true,
    });
    expect(readOpportunityTableQuery({})).toEqual({ sort: "updatedAt", dir: "desc", page: 1, pageSize: 25 });
  });
});
