// GET /api/v1/forecast with a rolling window: rollingMonths=N covers the first of this month through the end
// of the month N−1 months later, answers exactly what from/to of that window answers, and is validated as an
// alternative to from/to (one or the other, never both, never neither).
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/forecast/route";
import { db } from "@/lib/db";
import { rollingMonths } from "@/lib/domain/forecast";
import { Decimal, formatMoneyString } from "@/lib/domain/money";
import { weightedAmount } from "@/lib/domain/stages";
import type { ForecastOutput } from "@/lib/validations/forecast";
import { buildOpportunity } from "../../factories";
import { type ApiWorld, buildApiWorld, call, expectProblem } from "../api/helpers";

const isoPlusMonths = (today: Date, months: number, day: number) =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, day)).toISOString().slice(0, 10);

let world: ApiWorld;
const inside: { amount: string; stage: "P2" | "P5" | "P7" }[] = [
  { amount: "1000.10", stage: "P2" }, { amount: "2500.55", stage: "P5" }, { amount: "999.99", stage: "P7" },
];

beforeAll(async () => {
  world = await buildApiWorld();
  const today = new Date();
  const deal = (amount: string, stage: "P2" | "P5" | "P7" | "LOST", expectedCloseDate: string) =>
    buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, amount, stage, expectedCloseDate });
  // Inside a 3-month window: this month's 1st, next month, the last day of the third month.
  await deal(inside[0].amount, inside[0].stage, isoPlusMonths(today, 0, 1));
  await deal(inside[1].amount, inside[1].stage, isoPlusMonths(today, 1, 15));
  await deal(inside[2].amount, inside[2].stage, isoPlusMonths(today, 3, 0));
  // Outside: the day before, the day after, and a lost deal inside.
  await deal("7000.00", "P5", isoPlusMonths(today, 0, 0));
  await deal("8000.00", "P5", isoPlusMonths(today, 3, 1));
  await deal("9000.00", "LOST", isoPlusMonths(today, 1, 10));
});

describe("GET /api/v1/forecast?rollingMonths=N", () => {
  it("sums exactly the visible deals closing in the rolling window", async () => {
    const result = await call<ForecastOutput>(GET, { url: "/api/v1/forecast?rollingMonths=3&groupBy=stage", token: world.manager.token });
    expect(result.status).toBe(200);
    const window = rollingMonths(new Date(), 3);
    expect({ from: result.body.from, to: result.body.to }).toEqual(window);
    const amount = inside.reduce((sum, deal) => sum.plus(deal.amount), new Decimal(0));
    const weighted = inside.reduce((sum, deal) => sum.plus(weightedAmount(deal.amount, deal.stage)), new Decimal(0));
    expect(result.body.total).toEqual({ count: 3, amount: formatMoneyString(amount), weightedAmount: formatMoneyString(weighted) });
    expect(result.body.rows.map((row) => row.key)).toEqual(["P2", "P5", "P7"]);
  });

  it("equals the same window asked with from and to", async () => {
    const window = rollingMonths(new Date(), 3);
    const [rolling, explicit] = await Promise.all([
      call<ForecastOutput>(GET, { url: "/api/v1/forecast?rollingMonths=3&groupBy=owner", token: world.admin.token }),
      call<ForecastOutput>(GET, { url: `/api/v1/forecast?from=${window.from}&to=${window.to}&groupBy=owner`, token: world.admin.token }),
    ]);
    expect(rolling.status).toBe(200);
    expect(rolling.body).toEqual(explicit.body);
  });

  it("one month covers only this month; a rep of another team sees nothing", async () => {
    const one = await call<ForecastOutput>(GET, { url: "/api/v1/forecast?rollingMonths=1", token: world.rep.token });
    expect(one.body.total.count).toBe(1);
    const other = await call<ForecastOutput>(GET, { url: "/api/v1/forecast?rollingMonths=3", token: world.rep3.token });
    expect(other.body.total.count).toBe(0);
  });

  it("rejects both, neither, and out-of-range windows", async () => {
    const both = expectProblem(await call(GET, { url: "/api/v1/forecast?rollingMonths=3&from=2026-01-01&to=2026-03-31", token: world.rep.token }), 422);
    expect(both.errors?.map((error) => error.path)).toContain("rollingMonths");
    const neither = expectProblem(await call(GET, { url: "/api/v1/forecast?groupBy=stage", token: world.rep.token }), 422);
    expect(neither.errors?.map((error) => error.path).sort()).toEqual(["from", "to"]);
    for (const bad of ["0", "37", "1.5", "abc"]) {
      expectProblem(await call(GET, { url: `/api/v1/forecast?rollingMonths=${bad}`, token: world.rep.token }), 422);
    }
    const backwards = expectProblem(await call(GET, { url: "/api/v1/forecast?from=2026-03-31&to=2026-01-01", token: world.rep.token }), 422);
    expect(backwards.errors?.map((error) => error.path)).toEqual(["to"]);
  });
});
