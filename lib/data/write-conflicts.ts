// A transaction that PostgreSQL ended to break a deadlock (40P01) or a serialization conflict (40001) wrote
// nothing: such work can simply run again. Prisma reports it as P2034 from its own queries, and as P2010 (a
// raw query failed) from $queryRaw / $executeRaw, with the driver adapter's "TransactionWriteConflict" inside.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

const ATTEMPTS = 3;

type AdapterCause = { driverAdapterError?: { cause?: { kind?: string } } };

export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2034" || (error.meta as AdapterCause | undefined)?.driverAdapterError?.cause?.kind === "TransactionWriteConflict";
}

/** Runs `run` (one whole transaction) up to three times while it fails on a write conflict. */
export async function retryWriteConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= ATTEMPTS) throw error;
      // The writers that deadlocked would meet again at once: a short random pause lets one of them finish first.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}
