// `npm run stress:instances`
// Two instances of the PRODUCTION server on two ports against one PostgreSQL (one NEXTAUTH_SECRET, as behind a
// load balancer) behave as one system:
//   (a) a session cookie from a sign-in on A works on B; signing out on A ends it on B; a password change on
//       A ends on B the session that was signed in on B;
//   (b) failed sign-ins are counted in the database: 10 failures spread over A and B, then the 11th attempt
//       (even with the right password) is answered 429 on A and on B;
//   (c) the job runner: both instances tick their scheduler 5 s after start (they are started together);
//       every registered job has exactly one JobRun row for its current run key, finished, and a third
//       contender (this script, through lib/data/job-runner) is refused the claim.
// Prints PASS/FAIL per check; exits non-zero when any fails.
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { findFreePort } from "../lib/infra/embedded-postgres";
import { hashPassword } from "../lib/password";
import { startAppServer, stopAppServer } from "./stress-app";
import { buildStressWorld, startStressDatabase } from "./stress-world";

const PASSWORD = "Stress-Instances-2026";
const NEW_PASSWORD = "Stress-Instances-2027-new";

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);

async function csrf(base: string) {
  const response = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(response).join("; ") };
}

async function signIn(base: string, email: string, password: string) {
  const { csrfToken, cookie } = await csrf(base);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/opportunities` }),
  });
  const session = cookiesOf(response).find((entry) => /^next-auth\.session-token=./.test(entry)) ?? null;
  return { status: response.status, session };
}

async function signOut(base: string, session: string) {
  const { csrfToken, cookie } = await csrf(base);
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${session}`, origin: base },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: `${base}/login` }),
  });
  return response.status;
}

const me = async (base: string, session: string) => (await fetch(`${base}/api/v1/me`, { headers: { cookie: session } })).status;

async function main() {
  const database = await startStressDatabase("stress-instances");
  const servers: ChildProcess[] = [];
  const results: { name: string; isPass: boolean; detail: string }[] = [];
  const record = (name: string, isPass: boolean, detail: string) => {
    results.push({ name, isPass, detail });
    console.log(`${isPass ? "PASS" : "FAIL"} ${name}: ${detail}`);
  };
  try {
    const world = await buildStressWorld();
    const passwordHash = await hashPassword(PASSWORD);
    const [rep, rep2] = await Promise.all([world.rep, world.rep2].map((ctx) =>
      world.db.user.update({ where: { id: ctx.userId }, data: { passwordHash } })));
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const secret = randomBytes(32).toString("base64url");
    const started = Date.now();
    // One after the other: the first builds the app when its sources changed, and two builds at once collide.
    const startInstance = (port: number, index: number) =>
      startAppServer(database.url, path.join(database.dir, `app-${index}`), port, { NEXTAUTH_SECRET: secret });
    const serverA = await startInstance(portA, 0);
    servers.push(serverA);
    const serverB = await startInstance(portB, 1);
    servers.push(serverB);
    const [A, B] = [`http://localhost:${portA}`, `http://localhost:${portB}`];
    console.log(`Instances A (${portA}) and B (${portB}) up in ${((Date.now() - started) / 1000).toFixed(1)} s, one database.`);

    // (a) sessions
    const first = await signIn(A, rep.email, PASSWORD);
    const onB = first.session ? await me(B, first.session) : 0;
    const outStatus = first.session ? await signOut(A, first.session) : 0;
    const afterOut = first.session ? await me(B, first.session) : 0;
    record("session: cookie from A works on B", first.session !== null && onB === 200, `sign-in on A ${first.status}, GET /api/v1/me on B ${onB}`);
    record("session: sign-out on A ends it on B", afterOut === 401, `sign-out on A ${outStatus}, the old cookie on B → ${afterOut}`);
    const second = await signIn(B, rep.email, PASSWORD);
    const onA = second.session ? await me(A, second.session) : 0;
    const change = second.session
      ? (await fetch(`${A}/api/v1/me/password`, {
          method: "POST",
          headers: { cookie: second.session, origin: A, "content-type": "application/json" },
          body: JSON.stringify({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        })).status
      : 0;
    const afterChange = second.session ? await me(B, second.session) : 0;
    const third = await signIn(B, rep.email, NEW_PASSWORD);
    record("session: password change on A ends B's session", onA === 200 && change === 204 && afterChange === 401 && third.session !== null,
      `B's cookie on A ${onA}; password change on A ${change}; B's cookie on B afterwards ${afterChange}; new password on B ${third.session ? "signs in" : "refused"}`);

    // (b) failed sign-in limit, shared
    const failures: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) failures.push((await signIn(attempt % 2 ? B : A, rep2.email, `wrong-${attempt}-password`)).status);
    const stored = await world.db.signInFailure.count({ where: { email: rep2.email.toLowerCase() } });
    const [eleventhA, eleventhB] = [await signIn(A, rep2.email, PASSWORD), await signIn(B, rep2.email, PASSWORD)];
    record("sign-in limit: shared by A and B", stored === 10 && failures.every((status) => status !== 429) && eleventhA.status === 429 && eleventhB.status === 429 && !eleventhA.session,
      `10 failures (5 on A, 5 on B; answers ${[...new Set(failures)].join("/")}) → ${stored} rows; 11th with the right password: A ${eleventhA.status}, B ${eleventhB.status}`);

    // (c) jobs: wait for both schedulers' first tick (5 s after start) to finish.
    const { registeredJobs, runJobOnce } = await import("../lib/data/job-runner");
    await import("../lib/jobs"); // every job the app registers, as the instances do
    const jobs = registeredJobs();
    const deadline = Date.now() + 60_000;
    let rows: { name: string; runKey: string; status: string }[] = [];
    while (Date.now() < deadline) {
      rows = await world.db.jobRun.findMany({ select: { name: true, runKey: true, status: true } });
      if (rows.length >= jobs.length && rows.every((row) => row.status !== "running")) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const now = new Date();
    const perJob = jobs.map((job) => ({ job: job.name, rows: rows.filter((row) => row.name === job.name && row.runKey === job.runKey(now)) }));
    const thirdClaims = await Promise.all(jobs.map((job) => runJobOnce(job, now)));
    record("jobs: one run per run key with both instances",
      perJob.every((entry) => entry.rows.length === 1 && entry.rows[0].status === "done") && rows.length === jobs.length && thirdClaims.every((ran) => !ran),
      `${perJob.map((entry) => `${entry.job} ${entry.rows.map((row) => `${row.runKey}:${row.status}`).join(",") || "no row"}`).join("; ")}; ` +
      `${rows.length} JobRun rows in all; a third contender ran ${thirdClaims.filter(Boolean).length}`);
    await world.db.$disconnect();
  } finally {
    await Promise.all(servers.map(stopAppServer));
    await database.stop();
  }
  const failed = results.filter((result) => !result.isPass).length;
  console.log(failed ? `FAIL: ${failed} of ${results.length} checks failed.` : `PASS: all ${results.length} checks.`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
