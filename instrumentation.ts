// Next.js calls register() once when a server instance starts: the scheduled jobs (lib/jobs.ts) run in the
// Node.js runtime only. Several instances may tick together; the job runner lets one of them run each job.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduledJobs } = await import("@/lib/jobs");
  startScheduledJobs();
}
