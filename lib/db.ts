// The only PrismaClient. Nothing outside lib/data (and the seed) queries it.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  // maxWait: a burst of writes (50 concurrent moves of one deal) queues for the 10 pooled connections; with
  // Prisma's 2 s default, waiting requests failed as 500s instead of reaching their version check (409).
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl(), max: 10 }),
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
