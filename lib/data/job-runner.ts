// Scheduled jobs that run once per period even with several app instances. Each job names its runs with a
// key derived from the clock ("2026-W48" for a weekly job); a run is claimed by inserting the JobRun row
// (name, runKey) — the primary key lets exactly one instance win, the others see a conflict and skip. A run
// that failed, or whose instance died while running (stale after STALE_MS), is reclaimed by an atomic
// UPDATE … WHERE status, so it is retried by exactly one instance too.
//
// Register a job once at start-up (lib/jobs.ts lists them):
//   registerJob({ name: "recycle-bin.purge", runKey: dailyRunKey, run: async (now) => { … } });
// `run` receives the instant the tick started; it must be idempotent per run key only in the sense that a
// failed run may be retried.
import "server-only";
import { db } from "@/lib/db";

export type JobDefinition = {
  /** Unique, dotted: "forecast.weekly-snapshot". */
  name: string;
  /** The run this instant belongs to; one run per distinct key. */
  runKey: (now: Date) => string;
  run: (now: Date) => Promise<void>;
};

const STALE_MS = 60 * 60 * 1000;
const registry = new Map<string, JobDefinition>();

export function registerJob(job: JobDefinition): void {
  if (registry.has(job.name) && registry.get(job.name) !== job) throw new Error(`job ${job.name} is already registered`);
  registry.set(job.name, job);
}

export function registeredJobs(): JobDefinition[] {
  return [...registry.values()];
}

export const dailyRunKey = (now: Date) => now.toISOString().slice(0, 10);
export const hourlyRunKey = (now: Date) => now.toISOString().slice(0, 13);

/** Claims (name, runKey) for this instance: true for exactly one caller among concurrent ones. */
async function claimRun(name: string, runKey: string, now: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "JobRun" (name, "runKey", status, "startedAt") VALUES (${name}, ${runKey}, 'running', ${now})
    ON CONFLICT (name, "runKey") DO NOTHING`;
  if (inserted === 1) return true;
  const reclaimed = await db.$executeRaw`
    UPDATE "JobRun" SET status = 'running', "startedAt" = ${now}, error = NULL
     WHERE name = ${name} AND "runKey" = ${runKey}
       AND (status = 'failed' OR (status = 'running' AND "startedAt" < ${new Date(now.getTime() - STALE_MS)}))`;
  return reclaimed === 1;
}

/** Runs one job's current run if no instance has; returns whether this call ran it. */
export async function runJobOnce(job: JobDefinition, now = new Date()): Promise<boolean> {
  const runKey = job.runKey(now);
  if (!(await claimRun(job.name, runKey, now))) return false;
  try {
    await job.run(now);
    await db.jobRun.update({ where: { name_runKey: { name: job.name, runKey } }, data: { status: "done", finishedAt: new Date() } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.jobRun.update({ where: { name_runKey: { name: job.name, runKey } }, data: { status: "failed", finishedAt: new Date(), error: message.slice(0, 2000) } });
    console.error(`job ${job.name} ${runKey} failed:`, error);
  }
  return true;
}

/** One scheduler tick: every registered job whose current run has not happened yet. */
export async function runDueJobs(now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of registry.values()) {
    if (await runJobOnce(job, now)) ran.push(job.name);
  }
  return ran;
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Ticks every `intervalMs` (default a minute) in this process; a second call does nothing. */
export function startJobScheduler(intervalMs = 60_000): void {
  if (timer) return;
  const tick = () => {
    runDueJobs().catch((error: unknown) => console.error("job scheduler tick failed:", error));
  };
  timer = setInterval(tick, intervalMs);
  timer.unref?.();
  setTimeout(tick, 5_000).unref?.();
}

export function stopJobScheduler(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
