// lib/db names each SQL text the app repeats, so PostgreSQL parses and plans it once per connection (issue 9's
// load goal). pg_prepared_statements lists one connection's statements: each check runs in one transaction.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const preparedOnThisConnection = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
  tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`;

describe("prepared statements", () => {
  it("prepares a statement from its second use on, and answers it the same each time", async () => {
    const marker = `prepared-${Date.now()}`;
    const answers = await db.$transaction(async (tx) => {
      const read = () => tx.$queryRaw<{ marker: string; doubled: number }[]>`SELECT ${marker}::text AS marker, ${21}::int * 2 AS doubled`;
      const first = await read();
      const isPreparedAfterOne = (await preparedOnThisConnection(tx)).some((row) => row.statement.includes("AS doubled"));
      const second = await read();
      const third = await read();
      const isPreparedAfterTwo = (await preparedOnThisConnection(tx)).some((row) => row.statement.includes("AS doubled"));
      return { first, second, third, isPreparedAfterOne, isPreparedAfterTwo };
    });
    expect(answers.isPreparedAfterOne).toBe(false);
    expect(answers.isPreparedAfterTwo).toBe(true);
    for (const rows of [answers.first, answers.second, answers.third]) expect(rows).toEqual([{ marker, doubled: 42 }]);
  });

  it("keeps a prepared statement's answers tied to its parameters, and its errors to the caller", async () => {
    await db.$transaction(async (tx) => {
      const square = (value: number) => tx.$queryRaw<{ squared: number }[]>`SELECT ${value}::int * ${value}::int AS squared`;
      expect(await Promise.all([1, 2, 3, 4].map(async (value) => (await square(value))[0].squared))).toEqual([1, 4, 9, 16]);
    });
    const divide = (by: number) => db.$queryRaw<{ quotient: number }[]>`SELECT 10 / ${by}::int AS quotient`;
    expect((await divide(2))[0].quotient).toBe(5);
    await expect(divide(0)).rejects.toThrow(/division by zero/);
    expect((await divide(5))[0].quotient).toBe(2);
  });
});
