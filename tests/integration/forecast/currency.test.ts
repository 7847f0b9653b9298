// One currency per org: forecasts, quotas, cubes and board totals add amounts up, so every deal must be in
// the org's base currency. Enforced by lib/data (createOpportunity, updateOpportunity) and hence by the REST
// API, the forms and the import, which all write through it. A deal made before the rule in another currency
// keeps it on unrelated edits and may change only to the base currency.
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/opportunities/route";
import { createOpportunity, updateOpportunity } from "@/lib/data/opportunities";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import { opportunityCreateSchema } from "@/lib/validations/opportunity";
import { buildOpportunity } from "../../factories";
import { type ApiWorld, buildApiWorld, call, contextOf, expectProblem } from "../api/helpers";

let world: ApiWorld;
let rep: Ctx;

beforeAll(async () => {
  world = await buildApiWorld();
  rep = await contextOf(world.rep.id);
});

const create = (currency?: string) =>
  createOpportunity(rep, opportunityCreateSchema.parse({
    name: `Deal ${currency ?? "default"} ${Math.random()}`, accountId: world.account.id, amount: "1000.00", expectedCloseDate: "2027-03-31",
    ...(currency ? { currency } : {}),
  }));

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("deals use the org's base currency", () => {
  it("creates a deal in the base currency, given or defaulted", async () => {
    expect((await create()).currency).toBe("CNY");
    expect((await create("CNY")).currency).toBe("CNY");
  });

  it("refuses to create a deal in another currency, naming the field, and writes nothing", async () => {
    const before = await db.opportunity.count({ where: { orgId: world.org.id } });
    const error = await refusal(create("USD"));
    expect(error.code).toBe("VALIDATION");
    expect(error.errors?.map((entry) => entry.path)).toEqual(["currency"]);
    expect(await db.opportunity.count({ where: { orgId: world.org.id } })).toBe(before);
  });

  it("refuses to switch a deal to another currency; the deal is unchanged", async () => {
    const deal = await create();
    const error = await refusal(updateOpportunity(rep, deal.id, { version: deal.version, currency: "EUR", amount: "5.00" }));
    expect(error.code).toBe("VALIDATION");
    const stored = await db.opportunity.findUniqueOrThrow({ where: { id: deal.id } });
    expect({ currency: stored.currency, amount: stored.amount.toString(), version: stored.version }).toEqual({ currency: "CNY", amount: "1000", version: deal.version });
  });

  it("lets an older deal in another currency keep it on other edits, or move to the base currency only", async () => {
    const legacy = await buildOpportunity(db, { orgId: world.org.id, accountId: world.account.id, ownerId: world.rep.id, teamId: world.north.id, currency: "USD" });
    const renamed = await updateOpportunity(rep, legacy.id, { version: legacy.version, name: "Renamed legacy deal", currency: "USD" });
    expect(renamed.currency).toBe("USD");
    expect((await refusal(updateOpportunity(rep, legacy.id, { version: renamed.version, currency: "EUR" }))).code).toBe("VALIDATION");
    expect((await updateOpportunity(rep, legacy.id, { version: renamed.version, currency: "CNY" })).currency).toBe("CNY");
  });

  it("answers 422 problem+json on POST /api/v1/opportunities with a foreign currency", async () => {
    const result = await call(POST, {
      method: "POST", url: "/api/v1/opportunities", token: world.rep.token,
      body: { name: "Dollar deal", accountId: world.account.id, amount: "10.00", currency: "USD", expectedCloseDate: "2027-01-31" },
    });
    const problem = expectProblem(result, 422);
    expect(problem.errors?.map((entry) => entry.path)).toEqual(["currency"]);
  });
});
