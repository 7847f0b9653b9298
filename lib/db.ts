// The only PrismaClient. Nothing outside lib/data (and the seed) queries it.
import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * How many distinct SQL texts this process prepares on the server; further ones run unnamed. Each pooled
 * connection keeps a prepared statement (its parse tree and cached plan) per name until it closes, so the
 * count needs a bound: the app's own queries are a few hundred shapes, but a list of N ids is its own text
 * for each N.
 */
const MAX_PREPARED_STATEMENTS = 500;
/** SQL text → its statement name, or "" once seen (a text is prepared from its second use on). */
const statementNames = new Map<string, string>();
let preparedCount = 0;

/**
 * Names a SQL text so node-postgres prepares it once per connection: PostgreSQL then skips parsing and
 * analysing it on every call and may reuse its plan (plan_cache_mode "auto" keeps planning each call while the
 * generic plan would cost more). In `npm run stress:load` this halved PostgreSQL's CPU per API request.
 * One-off texts (seen once) stay unnamed, so they do not take the places of the ones the app repeats.
 */
function nameStatement({ sql }: { sql: string }): string {
  const name = statementNames.get(sql);
  if (name === undefined) {
    if (statementNames.size < MAX_PREPARED_STATEMENTS * 10) statementNames.set(sql, "");
    return "";
  }
  if (name || preparedCount >= MAX_PREPARED_STATEMENTS) return name;
  preparedCount++;
  const newName = `q${createHash("sha1").update(sql).digest("base64url")}`;
  statementNames.set(sql, newName);
  return newName;
}

function createClient(): PrismaClient {
  // maxWait: a burst of writes (50 concurrent moves of one deal) queues for the 10 pooled connections; with
  // Prisma's 2 s default, waiting requests failed as 500s instead of reaching their version check (409).
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: requireDatabaseUrl(), max: 10 },
      // Off for a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode).
      getEnv().DATABASE_PREPARED_STATEMENTS === "off" ? {} : { statementNameGenerator: nameStatement },
    ),
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
