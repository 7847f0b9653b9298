// Exports of the lists as CSV and .xlsx: the caller's visible rows only, never a deleted one.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountsCsv from "@/app/api/v1/accounts/export.csv/route";
import * as accountsXlsx from "@/app/api/v1/accounts/export.xlsx/route";
import * as opportunitiesXlsx from "@/app/api/v1/opportunities/export.xlsx/route";
import { db } from "@/lib/db";
import { buildAccount, buildOpportunity } from "../../factories";
import { buildApiWorld, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

const get = (route: { GET: (request: Request, context: { params: Promise<never> }) => Promise<Response> }, url: string, token: string) =>
  route.GET(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) as Promise<never> });

async function readSheet(response: Response): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
  return rows;
}

describe("list exports", () => {
  it("exports accounts as CSV and .xlsx without the deleted ones or another org's", async () => {
    const live = await buildAccount(db, world.org.id, { name: "=Export live" });
    const gone = await buildAccount(db, world.org.id, { name: "Export gone" });
    await db.account.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const csv = await get(accountsCsv, "/api/v1/accounts/export.csv", world.rep.token);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain(`${live.id},,'=Export live`);
    expect(text).not.toContain(gone.id);
    expect(text).not.toContain(world.otherAccount.id);

    const xlsx = await get(accountsXlsx, "/api/v1/accounts/export.xlsx", world.rep.token);
    const rows = await readSheet(xlsx);
    expect(rows[0]).toEqual(["id", "externalId", "name", "industry", "segment", "region", "isKeyAccount", "ownerName", "createdAt"]);
    expect(rows.map((row) => row[0])).toContain(live.id);
    expect(rows.map((row) => row[0])).not.toContain(gone.id);
  });

  it("exports the deals a rep sees as .xlsx, one row each, and no one else's", async () => {
    const mine = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, amount: "1234.56" });
    const theirs = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep3.id, teamId: world.south.id });
    const response = await get(opportunitiesXlsx, "/api/v1/opportunities/export.xlsx", world.rep.token);
    expect(response.status).toBe(200);
    const rows = await readSheet(response);
    const ids = rows.slice(1).map((row) => row[0]);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(rows.find((row) => row[0] === mine.id)).toContain("1234.56");
  });
});
