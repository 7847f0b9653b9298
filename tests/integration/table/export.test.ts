// CSV export: the streamed file holds exactly the visible filtered deals, in the table's order, with a BOM,
// a header row, RFC 4180 quoting (a name with a comma, a quote and a line break; Chinese text), exact
// decimal money, and cells a spreadsheet would run as formulas kept as text; keyset batches lose no row.
import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/opportunities/export.csv/route";
import { openOpportunityCsvExport } from "@/lib/data/opportunity-export";
import { listOpportunityTablePage, type TableFilters } from "@/lib/data/opportunity-table";
import { db } from "@/lib/db";
import { Decimal, formatMoneyString } from "@/lib/domain/money";
import { DEFAULT_STAGE_TABLE } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityExportQuery } from "@/lib/validations/opportunity-table";
import { en } from "@/messages/en";
import { zhCN } from "@/messages/zh-CN";
import { expectProblem, tokenFor } from "../api/helpers";
import { csvObjects, parseCsv } from "./csv";
import { buildTableWorld, CHINESE_ACCOUNT, expectedDeals, FORMULA_NAME, type TableWorld, TRICKY_NAME } from "./world";

const NOW = new Date();
let world: TableWorld;
let tokens: Record<"admin" | "rep" | "manager", string>;
beforeAll(async () => {
  world = await buildTableWorld(NOW);
  tokens = { admin: await tokenFor(world.users.admin.id), rep: await tokenFor(world.users.rep.id), manager: await tokenFor(world.users.manager.id) };
});

async function download(token: string | null, query = "") {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const request = new Request(`http://localhost/api/v1/opportunities/export.csv${query}`, { headers });
  const response = await exportRoute.GET(request, { params: Promise.resolve({}) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Response#text() would drop the BOM; keep it, to check it is there.
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

const decoder = () => new TextDecoder("utf-8", { ignoreBOM: true });

async function readAll(stream: ReadableStream<Uint8Array>) {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(decoder().decode(chunk));
  return { text: chunks.join(""), chunks: chunks.length };
}

/** The table's order of the same query, page by page. */
async function tableOrder(ctx: Ctx, query: OpportunityExportQuery & { sort: "name" | "amount" | "updatedAt"; dir: "asc" | "desc" }) {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listOpportunityTablePage(ctx, { ...query, page, pageSize: 100 }, NOW);
    ids.push(...result.data.map((row) => row.id));
    if (page * 100 >= result.total) return ids;
  }
}

describe("GET /api/v1/opportunities/export.csv", () => {
  it("streams a dated attachment with a BOM, a header row and every visible deal once, in the table's order", async () => {
    const { response, bytes, text } = await download(tokens.admin, "?sort=amount&dir=asc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="opportunities-${new Date().toISOString().slice(0, 10)}.csv"`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, rows } = csvObjects(text);
    expect(header).toEqual(Object.values(en.opportunityTable.csv));
    const ids = rows.map((row) => row.ID);
    expect(ids).toEqual(await tableOrder(world.ctx.admin, { sort: "amount", dir: "asc" }));
    expect([...ids].sort()).toEqual((await expectedDeals(world.ctx.admin, {}, NOW)).map((deal) => deal.id).sort());
  });

  it("quotes a name with a comma, a quote and a line break, keeps Chinese text, and writes money exactly", async () => {
    const { text } = await download(tokens.rep, "?q=%E5%8D%8E%E4%B8%BA&sort=name");
    expect(text).toContain('"Grid upgrade, phase ""B""\nsecond line 华东电网改造"');
    const { rows } = csvObjects(text);
    const tricky = rows.find((row) => row.ID === world.tricky.id);
    expect(tricky).toMatchObject({
      Name: TRICKY_NAME, Account: CHINESE_ACCOUNT, Stage: "P3", "Stage name": "P3 Design exchange", Probability: "0.30",
      Amount: "1234567.89", "Weighted amount": "370370.37", Currency: "CNY", "Product line": "Cloud ERP", "Loss reason": "",
    });
    // A name a spreadsheet would run as a formula stays text.
    expect(rows.find((row) => row.ID === world.formula.id)?.Name).toBe(`'${FORMULA_NAME}`);
    expect(rows).toHaveLength(2);
  });

  it("equals the visible filtered set for every role and filter, with exact amounts", async () => {
    const cases: [keyof typeof tokens, string, TableFilters][] = [
      ["admin", "?stage=P1&productLine=Cloud%20ERP", { stage: "P1", productLine: "Cloud ERP" }],
      ["manager", "?scope=team&q=acme", { scope: "team", q: "acme" }],
      ["manager", "?segment=Strategic&region=East", { segment: "Strategic", region: "East" }],
      ["rep", "", {}],
      ["rep", `?closeTo=${NOW.toISOString().slice(0, 10)}`, { closeTo: NOW.toISOString().slice(0, 10) }],
    ];
    for (const [role, query, filters] of cases) {
      const { text } = await download(tokens[role], query);
      const { rows } = csvObjects(text);
      const expected = await expectedDeals(world.ctx[role], filters, NOW);
      expect(rows.map((row) => row.ID).sort(), `${role} ${query}`).toEqual(expected.map((deal) => deal.id).sort());
      for (const deal of expected) {
        const row = rows.find((candidate) => candidate.ID === deal.id);
        const weighted = new Decimal(deal.amount.toString()).times(DEFAULT_STAGE_TABLE[deal.stage].probability);
        expect(row, deal.id).toMatchObject({ Amount: formatMoneyString(deal.amount.toString()), "Weighted amount": formatMoneyString(weighted) });
      }
    }
  });

  it("writes headers and stage names in the caller's language", async () => {
    await db.user.update({ where: { id: world.users.rep.id }, data: { locale: "zh-CN" } });
    try {
      const { text } = await download(tokens.rep, `?q=${encodeURIComponent("华东")}`);
      const { header, rows } = csvObjects(text);
      expect(header).toEqual(Object.values(zhCN.opportunityTable.csv));
      expect(rows).toEqual([expect.objectContaining({ 名称: TRICKY_NAME, 客户: CHINESE_ACCOUNT, 阶段名称: "P3 设计交流" })]);
    } finally {
      await db.user.update({ where: { id: world.users.rep.id }, data: { locale: "en" } });
    }
  });

  it("refuses bad filters (422), a scope the role lacks (403) and anonymous callers (401) before sending a byte", async () => {
    for (const [query, path] of [["?closeFrom=2027-02-30", "closeFrom"], ["?sort=colour", "sort"], ["?page=2", "page"], ["?stage=P9", "stage"]]) {
      const { response, text } = await download(tokens.admin, query);
      const problem = expectProblem({ status: response.status, headers: response.headers, body: JSON.parse(text) }, 422);
      expect(problem.errors?.map((error) => error.path)).toContain(path);
    }
    const forbidden = await download(tokens.rep, "?scope=all");
    expect(forbidden.response.status).toBe(403);
    expect((await download(null)).response.status).toBe(401);
  });
});

describe("openOpportunityCsvExport", () => {
  it("reads keyset batches across ties without losing or repeating a deal", async () => {
    const ctx = world.ctx.admin;
    for (const sort of ["amount", "updatedAt", "name"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const stream = await openOpportunityCsvExport(ctx, { sort, dir }, { headers: en.opportunityTable.csv, locale: "en", batchSize: 7, now: NOW });
        const { text, chunks } = await readAll(stream);
        const ids = parseCsv(text).slice(1).map((record) => record[0]);
        expect(ids, `${sort} ${dir}`).toEqual(await tableOrder(ctx, { sort, dir }));
        // The header, then one chunk per batch of 7 (a last, empty read closes the stream).
        expect(chunks).toBe(1 + Math.ceil(ids.length / 7));
      }
    }
  });

  it("judges \"stalled only\" at one instant for the whole file, as the table does", async () => {
    const ctx = world.ctx.manager;
    const filters: TableFilters = { scope: "team", stalledOnly: true };
    const stream = await openOpportunityCsvExport(ctx, filters, { headers: en.opportunityTable.csv, locale: "en", batchSize: 5, now: NOW });
    const ids = parseCsv((await readAll(stream)).text).slice(1).map((record) => record[0]);
    const expected = (await expectedDeals(ctx, filters, NOW)).map((deal) => deal.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
  });

  it("reads the next batch only when the client asks for more", async () => {
    const stream = await openOpportunityCsvExport(world.ctx.admin, {}, { headers: en.opportunityTable.csv, locale: "en", batchSize: 10, now: NOW });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(decoder().decode(first.value)).toMatch(/^\uFEFFID,Name,/);
    const second = await reader.read();
    expect(parseCsv(`\uFEFF${decoder().decode(second.value)}`)).toHaveLength(10);
    await reader.cancel();
  });
});
