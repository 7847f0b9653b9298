// The table view's world: the pipeline board's world (so board and table are checked against the same
// brute-force filter, matchesFilters) plus what the table adds — deals whose names need CSV quoting or
// are Chinese, a name a spreadsheet would run as a formula, and ties on the sort values (equal amounts,
// equal update times) that only the id tie-breaker keeps in one order.
import { db } from "@/lib/db";
import { Decimal } from "@/lib/domain/money";
import { DEFAULT_STAGE_TABLE, STAGE_KEYS, type StageKey } from "@/lib/domain/stages";
import type { Ctx } from "@/lib/permissions";
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { SortDirection, TableSortKey } from "@/lib/validations/opportunity-table";
import { buildAccount, buildOpportunity } from "../../factories";
import { buildPipelineWorld, loadVisibleDeals, matchesFilters } from "../pipeline/world";
import type { TableFilters } from "@/lib/data/opportunity-table";

export const TRICKY_NAME = 'Grid upgrade, phase "B"\nsecond line 华东电网改造';
export const CHINESE_ACCOUNT = "华为技术有限公司, 深圳";
export const FORMULA_NAME = "=HYPERLINK(\"http://evil.example\")";

export async function buildTableWorld(now: Date) {
  const world = await buildPipelineWorld(now);
  const { org, north, users } = world;
  const chineseAccount = await buildAccount(db, org.id, { name: CHINESE_ACCOUNT, segment: "Strategic", region: "East", ownerId: users.rep.id });
  const tricky = await buildOpportunity(db, {
    orgId: org.id, accountId: chineseAccount.id, ownerId: users.rep.id, teamId: north.id, stage: "P3",
    name: TRICKY_NAME, amount: "1234567.89", productLine: "Cloud ERP",
  });
  const formula = await buildOpportunity(db, {
    orgId: org.id, accountId: chineseAccount.id, ownerId: users.rep.id, teamId: north.id, stage: "P2", name: FORMULA_NAME, amount: "10.01",
  });
  // Ties: a run of deals with one amount and another with one update time.
  const ids = world.deals.map((deal) => deal.id);
  await db.opportunity.updateMany({ where: { id: { in: ids.slice(0, 12) } }, data: { amount: "777.77" } });
  await db.$executeRaw`UPDATE "Opportunity" SET "updatedAt" = ${new Date(now.getTime() - 60_000)} WHERE id = ANY(${ids.slice(20, 40)}::uuid[])`;
  return { ...world, chineseAccount, tricky, formula };
}

export type TableWorld = Awaited<ReturnType<typeof buildTableWorld>>;

/** The deals `ctx` may see that match the board's filters and the table's stage filter, by the brute-force rules. */
export async function expectedDeals(ctx: Ctx, filters: TableFilters, now: Date) {
  const visible = await loadVisibleDeals(ctx);
  return visible.filter((deal) => (!filters.stage || deal.stage === filters.stage) && matchesFilters(deal, ctx, filters, now));
}

/** The sort value of a row for the non-text sorts, comparable exactly (money as Decimal, dates as text). */
function sortValue(row: OpportunityOutput, sort: TableSortKey): Decimal | string | number {
  switch (sort) {
    case "stage":
      return STAGE_KEYS.indexOf(row.stage as StageKey);
    case "amount":
      return new Decimal(row.amount);
    case "weightedAmount":
      return new Decimal(row.amount).times(DEFAULT_STAGE_TABLE[row.stage].probability);
    case "expectedCloseDate":
      return row.expectedCloseDate;
    case "updatedAt":
      return row.updatedAt;
    case "name":
      return row.name;
    case "accountName":
      return row.accountName;
    case "ownerName":
      return row.ownerName;
  }
}

function compareValues(a: Decimal | string | number, b: Decimal | string | number): number {
  if (a instanceof Decimal && b instanceof Decimal) return a.comparedTo(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return a === b ? 0 : String(a) < String(b) ? -1 : 1;
}

export const TEXT_SORTS: readonly TableSortKey[] = ["name", "accountName", "ownerName"];

/**
 * Whether `rows` are in (sort, id) order. Text sorts follow the database collation, which JS does not
 * reproduce; for them only equal values are checked (their ids must ascend or descend with the sort).
 */
export function findOrderViolation(rows: OpportunityOutput[], sort: TableSortKey, dir: SortDirection): string | null {
  const sign = dir === "asc" ? 1 : -1;
  for (let index = 1; index < rows.length; index += 1) {
    const [previous, current] = [rows[index - 1], rows[index]];
    const byValue = compareValues(sortValue(previous, sort), sortValue(current, sort));
    const isTextSort = TEXT_SORTS.includes(sort);
    if (byValue !== 0 && isTextSort) continue;
    const order = byValue !== 0 ? byValue * sign : (previous.id < current.id ? -1 : 1) * sign;
    if (order > 0) return `${sort} ${dir}: ${previous.id} before ${current.id} at ${index}`;
  }
  return null;
}
