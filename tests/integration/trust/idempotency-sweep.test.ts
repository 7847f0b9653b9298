// The hourly sweep of expired Idempotency-Keys (lib/data/idempotency-job.ts): keys older than their 24-hour
// retention are deleted, younger ones kept; the job is registered with the scheduler and runs once per hour
// across instances (two concurrent ticks, one run).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/data/idempotency";
import { idempotencySweepJob } from "@/lib/data/idempotency-job";
import { registeredJobs, runJobOnce } from "@/lib/data/job-runner";
import "@/lib/jobs";
import { buildApiWorld, type ApiWorld } from "../api/helpers";

let world: ApiWorld;
beforeAll(async () => {
  world = await buildApiWorld();
});

const hoursAgo = (hours: number, from = Date.now()) => new Date(from - hours * 3600_000);

async function storeKey(userId: string, createdAt: Date, status = "DONE") {
  const key = randomUUID();
  await db.idempotencyKey.create({
    data: { orgId: world.org.id, userId, key, requestHash: "0".repeat(64), status, responseStatus: status === "DONE" ? 201 : null, responseBody: "{}", createdAt },
  });
  return key;
}

const exists = async (userId: string, key: string) => (await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } })) !== null;

describe("idempotency key sweep", () => {
  it("is registered with the scheduler", () => {
    expect(registeredJobs().map((job) => job.name)).toContain("idempotency.sweep");
  });

  it("deletes keys past their retention (done or stuck in progress), keeps younger ones, and runs once per hour across instances", async () => {
    const now = new Date();
    const old = await storeKey(world.rep.id, hoursAgo(IDEMPOTENCY_TTL_HOURS + 1, now.getTime()));
    const stuck = await storeKey(world.rep2.id, hoursAgo(IDEMPOTENCY_TTL_HOURS * 3, now.getTime()), "IN_PROGRESS");
    const young = await storeKey(world.rep.id, hoursAgo(IDEMPOTENCY_TTL_HOURS - 0.5, now.getTime()));

    // Two instances tick at once: exactly one runs the sweep.
    const ran = await Promise.all([runJobOnce(idempotencySweepJob, now), runJobOnce(idempotencySweepJob, now)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await exists(world.rep.id, old)).toBe(false);
    expect(await exists(world.rep2.id, stuck)).toBe(false);
    expect(await exists(world.rep.id, young)).toBe(true);

    // Later in the same hour nothing runs again; the next hour's run sweeps what has aged meanwhile.
    expect(await runJobOnce(idempotencySweepJob, now)).toBe(false);
    const nextHour = new Date(now.getTime() + 3600_000);
    expect(await runJobOnce(idempotencySweepJob, nextHour)).toBe(true);
    expect(await exists(world.rep.id, young)).toBe(false);
  });
});
