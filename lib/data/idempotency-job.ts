// The hourly sweep of expired Idempotency-Keys (older than IDEMPOTENCY_TTL_HOURS, lib/data/idempotency.ts):
// they answer nothing any more, so their stored responses are deleted — once per hour across all app
// instances (the job runner's claim).
import "server-only";
import { sweepExpiredIdempotencyKeys } from "./idempotency";
import { hourlyRunKey, registerJob } from "./job-runner";

export const idempotencySweepJob = {
  name: "idempotency.sweep",
  runKey: hourlyRunKey,
  run: async (now: Date) => {
    await sweepExpiredIdempotencyKeys(now);
  },
};

registerJob(idempotencySweepJob);
