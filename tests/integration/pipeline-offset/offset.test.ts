// Column pages from a position (?offset=N): for a scrollbar dragged far down, the page at that position in
// the column's own order — the same cards a walk through the cursors finds there, for every role and filter —
// whose nextCursor continues the walk to the end with every card exactly once. Bad positions are 422s.
import { beforeAll, describe, expect, it } from "vitest";
import * as columnRoute from "@/app/api/v1/pipeline/[stage]/route";
import { listPipelineColumn } from "@/lib/data/pipeline";
import type { Ctx } from "@/lib/permissions";
import type { PipelineColumnPage, PipelineFilters } from "@/lib/validations/pipeline";
import { call, expectProblem, tokenFor } from "../api/helpers";
import { buildPipelineWorld, type PipelineWorld } from "../pipeline/world";

const NOW = new Date();
let world: PipelineWorld;
beforeAll(async () => {
  world = await buildPipelineWorld(NOW);
});

/** Walks the cursor from a first page to the end; the ids in order. */
async function walkFrom(ctx: Ctx, filters: PipelineFilters, first: PipelineColumnPage, limit: number): Promise<string[]> {
  const ids = first.items.map((item) => item.id);
  let cursor = first.nextCursor;
  for (let pages = 0; cursor; pages += 1) {
    if (pages > 200) throw new Error("the cursor never ends");
    const page = await listPipelineColumn(ctx, "P1", { ...filters, limit, cursor }, NOW);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  }
  return ids;
}

const FILTERS: PipelineFilters[] = [{}, { productLine: "Cloud ERP" }, { q: "re" }, { scope: "mine" }];

describe("column pages from a position", () => {
  it("equal the walked column from that position on, for every role and filter; the cursor then continues without a gap or a repeat", async () => {
    for (const role of ["admin", "manager", "rep", "rep3"] as const) {
      const ctx = world.ctx[role];
      for (const filters of FILTERS) {
        const column = await walkFrom(ctx, filters, await listPipelineColumn(ctx, "P1", { ...filters, limit: 4 }, NOW), 4);
        expect(new Set(column).size).toBe(column.length);
        for (const offset of [1, 3, 7, Math.floor(column.length / 2), column.length - 1, column.length, column.length + 5].filter((value) => value >= 1)) {
          const page = await listPipelineColumn(ctx, "P1", { ...filters, limit: 5, offset }, NOW);
          expect(page.items.map((item) => item.id), `${role} ${JSON.stringify(filters)} @${offset}`).toEqual(column.slice(offset, offset + 5));
          expect(page.nextCursor === null).toBe(offset + 5 >= column.length);
          expect(await walkFrom(ctx, filters, page, 3)).toEqual(column.slice(offset));
        }
      }
    }
  });

  it("offset 0 is the first page, and the ties on the stage-entry time keep their order across an offset", async () => {
    const ctx = world.ctx.admin;
    const first = await listPipelineColumn(ctx, "P1", { limit: 30 }, NOW);
    expect((await listPipelineColumn(ctx, "P1", { limit: 30, offset: 0 }, NOW)).items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    // Deals entered at the same instant (every 7th of the world) are ordered by id; each offset agrees.
    for (let offset = 1; offset < first.items.length; offset += 1) {
      const [card] = (await listPipelineColumn(ctx, "P1", { limit: 1, offset }, NOW)).items;
      expect(card.id).toBe(first.items[offset].id);
    }
  });

  it("GET /api/v1/pipeline/:stage?offset= answers the page; a bad position is a 422 on offset", async () => {
    const token = await tokenFor(world.users.admin.id);
    const get = (query: string) => call<PipelineColumnPage>(columnRoute.GET, { url: `/api/v1/pipeline/P1${query}`, token, params: { stage: "P1" } });
    const reference = await listPipelineColumn(world.ctx.admin, "P1", { limit: 10 }, NOW);
    const page = await get("?limit=4&offset=6");
    expect(page.status).toBe(200);
    expect(page.body.items.map((item) => item.id)).toEqual(reference.items.slice(6, 10).map((item) => item.id));
    expect(page.body.nextCursor).toEqual(expect.any(String));
    for (const query of ["?offset=-1", "?offset=1.5", "?offset=abc", "?offset=100001", `?offset=2&cursor=${encodeURIComponent(reference.nextCursor!)}`]) {
      const problem = expectProblem(await get(query), 422);
      expect(problem.errors?.map((error) => error.path), query).toEqual(["offset"]);
    }
  });
});
