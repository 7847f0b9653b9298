// The app's scheduled jobs, started once per server process from instrumentation.ts. Each import below
// registers its jobs with lib/data/job-runner registerJob (see there for the once-per-run guarantee across
// instances). To add a job: define it with registerJob in its own lib/data module and import it here.
import "server-only";
import "@/lib/data/forecast-snapshots";
import "@/lib/data/idempotency-job";
import "@/lib/data/recycle-bin-job";
import "@/lib/data/health-refresh-job";
import { startJobScheduler } from "@/lib/data/job-runner";

/** CRM_JOBS=off disables the scheduler (e.g. a read-only replica). */
export function startScheduledJobs(): void {
  if (process.env.CRM_JOBS === "off") return;
  startJobScheduler();
}
