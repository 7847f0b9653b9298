// Next.js calls register() once when a server instance starts: the scheduled jobs (lib/jobs.ts) run in the
// Node.js runtime only. Several instances may tick together; the job runner lets one of them run each job.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` also loads this file while collecting page data: no jobs (and no database) there.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduledJobs } = await import("@/lib/jobs");
  startScheduledJobs();
}
