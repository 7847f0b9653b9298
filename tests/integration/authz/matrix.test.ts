// The authorization matrix (issue 9): every REST route handler and every server action, found by scanning
// app/ (app/api/v1/**/route.ts exports and every "use server" module's exports), is called as each of
// eight actors; the outcome must be the one the endpoint's POLICY row says, and every refusal must leave
// every org-scoped row exactly as it was (row-level change counters) (and every accepted write must change something).
//
// HOW TO ADD AN ENDPOINT — one line in ROUTES or ACTIONS below (the test fails until you do):
//   "POST /api/v1/things/:id": { policy: "dealWrite", build: async (f) => ({ params: { id: (await f.deal()).id }, body: {…} }) },
//   "(app)/things/actions.ts#doThingAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, {…}] },
// Pick the policy whose row in POLICY matches who may call it; if none fits, add a policy row (one line).
// `f` (matrix-world.ts fixtures) builds fresh targets owned by the owner rep in team North, so a valid
// request is accepted for the actors the policy allows. Keys: the route's method and path with [x] → :x,
// or the action's file under app/ and its export name.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";
import {
  ACTORS, type Actor, buildMatrixWorld, changedTables, fingerprint, type Fixtures, fixtures, importCsv, installChangeCounters, KNOWN_PASSWORD, type MatrixWorld,
} from "./matrix-world";

// Server actions resolve the caller through lib/auth; here it is the actor of the current call.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth", () => ({
  authOptions: {},
  getSessionContext: async () => session.ctx,
  requireSessionContext: async () => {
    if (!session.ctx) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    return session.ctx;
  },
}));
// Authorization is under test, not hashing: the cheapest bcrypt cost keeps ~100 sign-ups and password changes fast.
vi.mock("@/lib/password", () => ({
  hashPassword: (password: string) => bcrypt.hash(password, 4),
  verifyPassword: async (password: string, hash: string | null | undefined) => Boolean(hash) && (await bcrypt.compare(password, hash ?? "")),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined, get: () => undefined }), headers: async () => new Headers() }));

/** "ok": 2xx (a write must change rows); "okUnchanged": 2xx but nothing may change; a status: that refusal, nothing changed. */
type Outcome = "ok" | "okUnchanged" | 401 | 403 | 404;

// ── THE TABLE: who gets what, per policy ─────────────────────────────────────────────────────────────
//                        anonymous  ownerRep  sameTeamRep  otherTeamRep  teamManager  otherTeamManager  admin  otherOrgAdmin
const POLICY = {
  /** No caller needed (API document, org sign-up, language cookie). */
  public:           row("ok",      "ok",     "ok",        "ok",         "ok",        "ok",             "ok",  "ok"),
  /** Any signed-in user, inside their own org and scope (lists, own creations, own profile). */
  signedIn:         row(401,       "ok",     "ok",        "ok",         "ok",        "ok",             "ok",  "ok"),
  /** The caller's own record (an API token): nobody else, not even an admin. */
  selfOnly:         row(401,       "ok",     404,         404,          404,         404,              404,   404),
  /** A deal of the owner rep in team North: owner, North's manager, admin; invisible (404) to the rest. */
  dealRead:         row(401,       "ok",     404,         404,          "ok",        404,              "ok",  404),
  dealWrite:        row(401,       "ok",     404,         404,          "ok",        404,              "ok",  404),
  /** Bulk moves answer 200 with a result per item; an invisible deal is reported, never moved. */
  dealBulk:         row(401,       "ok",     "okUnchanged", "okUnchanged", "ok",     "okUnchanged",    "ok",  "okUnchanged"),
  /** Accounts are readable by the whole org (and contacts addable); edits by owner, managers, admins. */
  accountRead:      row(401,       "ok",     "ok",        "ok",         "ok",        "ok",             "ok",  404),
  accountWrite:     row(401,       "ok",     403,         403,          "ok",        "ok",             "ok",  404),
  accountDelete:    row(401,       403,      403,         403,          "ok",        "ok",             "ok",  404),
  /** Contact fields and org chart (buying center), through the API, the org chart and the import: whoever may
   *  edit the account (owner, managers, admin) plus the reps working a live deal on it (lib/data/contacts.ts
   *  editableContactAccounts; the deal-team clause is tested in tests/integration/trust/contact-edit.test.ts). */
  contactEdit:      row(401,       "ok",     403,         403,          "ok",        "ok",             "ok",  404),
  /** Administration of the caller's own org (collections, org settings). */
  adminOnly:        row(401,       403,      403,         403,          403,         403,              "ok",  "ok"),
  /** Administration of a record of org A: another org's admin cannot even see it. */
  adminOnlyTarget:  row(401,       403,      403,         403,          403,         403,              "ok",  404),
  /** An approval the owner rep asked for on a North deal: North's manager or an admin decide, never the asker. */
  managerDecision:  row(401,       403,      403,         403,          "ok",        403,              "ok",  404),
  /** Managers and admins act on a deal they can see (review-meeting decisions); reps never. */
  managerOfDeal:    row(401,       403,      403,         403,          "ok",        404,              "ok",  404),
  /** A record of the owner rep's team North set by its manager or an admin (a quota of the owner rep). */
  managerOfTarget:  row(401,       403,      403,         403,          "ok",        403,              "ok",  404),
  /** Only the deal's owner (forecast category is the owner's call); others who see the deal are refused. */
  dealOwner:        row(401,       "ok",     404,         404,          403,         404,              403,   404),
  /** The owner rep's own import job: its uploader or an admin of the org; invisible to everyone else. */
  importOwner:      row(401,       "ok",     404,         404,          404,         404,              "ok",  404),
  importOwnerRead:  row(401,       "okUnchanged", 404,      404,          404,         404,              "okUnchanged", 404),
} satisfies Record<string, Record<Actor, Outcome>>;
type Policy = keyof typeof POLICY;

function row(...outcomes: Outcome[]): Record<Actor, Outcome> {
  return Object.fromEntries(ACTORS.map((actor, index) => [actor, outcomes[index]])) as Record<Actor, Outcome>;
}

type RouteRequest = { params?: Record<string, string>; query?: string; body?: unknown };
/** `settle` waits for work the call started in the background, so the call's effect is measured whole. */
type RouteEntry = { policy: Policy; build?: (f: Fixtures) => Promise<RouteRequest> | RouteRequest; settle?: (request: RouteRequest) => Promise<void> };
type ActionEntry = { policy: Policy; args: (f: Fixtures) => Promise<unknown[]> | unknown[] };

const deal = async (f: Fixtures) => ({ id: (await f.deal()).id });
const account = async (f: Fixtures) => ({ id: (await f.account()).id });
const newDealBody = (f: Fixtures) => ({ name: `Deal ${f.unique()}`, accountId: f.ownAccountId, amount: "1000.00", expectedCloseDate: "2027-01-31" });
const criterionBody = { stage: "P6", kind: "CHECKLIST", label: { en: "Reference call", "zh-CN": "参考电话" }, config: {}, mode: "WARN" };
const userBody = (f: Fixtures) => ({ name: "New person", email: `new-${f.unique()}@matrix.test`, role: "REP", password: "a-long-enough-passphrase" });
const signupBody = (f: Fixtures) => ({ orgName: `Org ${f.unique()}`, baseCurrency: "CNY", name: "Founder", email: `founder-${f.unique()}@matrix.test`, password: "a-long-enough-passphrase" });
const tickable = async (f: Fixtures) => {
  const target = await f.deal();
  const [criterion, activity] = await Promise.all([f.criterion(), f.activity(target.id)]);
  return { dealId: target.id, criterionId: criterion.id, activityId: activity.id };
};
const ticked = async (f: Fixtures) => {
  const target = await tickable(f);
  const { tickChecklistItem } = await import("@/lib/data/checklist");
  await tickChecklistItem(f.world.people.ownerRep.ctx, target.dealId, target.criterionId, { activityId: target.activityId });
  return target;
};

/** A review-meeting decision on a North deal, owned by the owner rep (who may close it, as may who runs the meeting). */
const ownersDecision = async (f: Fixtures) => {
  const target = await f.deal();
  const owner = f.world.people.ownerRep;
  const decision = await db.reviewDecision.create({ data: { orgId: target.orgId, opportunityId: target.id, text: "Book the CIO visit", ownerId: owner.id, createdById: owner.id } });
  return { id: decision.id };
};
const contactOf = async (f: Fixtures) => ({ id: (await f.contact((await f.account()).id)).id });
const decisionBody = { stage: "RECOGNITION", note: "The CIO named the problem." };
const element = { score: 3, note: "", confirmedAt: null };
const profileTemplateBody = { sections: [{ key: "basics", title: { en: "Basics", "zh-CN": "基本情况" } }] };
const importJob = async (f: Fixtures) => ({ id: (await f.importJob()).id });
const importMapping = { mapping: { externalId: 0, name: 1 } };
/** An accepted start runs the import in the background: wait until the job leaves RUNNING. */
const importFinished = async (request: RouteRequest) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = await db.importJob.findUniqueOrThrow({ where: { id: request.params!.id }, select: { status: true } });
    if (job.status !== "RUNNING") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The import did not finish within 10 s.");
};
const forecastRange = "from=2026-01-01&to=2027-12-31";
const analysisSettingsBody = async (f: Fixtures) => {
  const { getAnalysisSettings } = await import("@/lib/data/health");
  const { weights, grading } = await getAnalysisSettings(f.world.people.admin.ctx);
  return { weights, grading };
};
const reviewBody = async (f: Fixtures) => {
  const target = await f.signedDeal();
  return { params: { id: target.id }, body: { outcome: "WON", primaryReason: target.reason, lessons: "Sell earlier to the CFO." } };
};

// ── REST API v1: "METHOD /path" → policy + a valid request ───────────────────────────────────────────
const ROUTES: Record<string, RouteEntry> = {
  "GET /api/v1/openapi.json": { policy: "public" },
  "POST /api/v1/signup": { policy: "public", build: (f) => ({ body: signupBody(f) }) },
  "GET /api/v1/me": { policy: "signedIn" },
  "POST /api/v1/me/password": { policy: "signedIn", build: () => ({ body: { currentPassword: KNOWN_PASSWORD, newPassword: KNOWN_PASSWORD } }) },
  "GET /api/v1/stages": { policy: "signedIn" },
  "GET /api/v1/tokens": { policy: "signedIn" },
  "POST /api/v1/tokens": { policy: "signedIn", build: () => ({ body: { name: "script" } }) },
  "DELETE /api/v1/tokens/:id": { policy: "selfOnly", build: async (f) => ({ params: { id: (await f.ownerToken()).id } }) },
  "GET /api/v1/pipeline": { policy: "signedIn" },
  "GET /api/v1/pipeline/:stage": { policy: "signedIn", build: () => ({ params: { stage: "P0" } }) },
  "GET /api/v1/approvals": { policy: "signedIn" },
  "POST /api/v1/approvals/:id/decision": { policy: "managerDecision", build: async (f) => ({ params: { id: (await f.approval()).id }, body: { approve: true } }) },
  "GET /api/v1/files/:id": { policy: "dealRead", build: async (f) => ({ params: { id: (await f.file((await f.deal()).id)).id } }) },
  "GET /api/v1/accounts": { policy: "signedIn" },
  "POST /api/v1/accounts": { policy: "signedIn", build: (f) => ({ body: { name: `Account ${f.unique()}` } }) },
  "GET /api/v1/accounts/:id": { policy: "accountRead", build: async (f) => ({ params: await account(f) }) },
  "PATCH /api/v1/accounts/:id": { policy: "accountWrite", build: async (f) => ({ params: await account(f), body: { name: "Renamed account" } }) },
  "DELETE /api/v1/accounts/:id": { policy: "accountDelete", build: async (f) => ({ params: await account(f) }) },
  "GET /api/v1/accounts/:id/contacts": { policy: "accountRead", build: async (f) => ({ params: await account(f) }) },
  "POST /api/v1/accounts/:id/contacts": { policy: "accountRead", build: async (f) => ({ params: await account(f), body: { name: "Ms Contact" } }) },
  "GET /api/v1/opportunities": { policy: "signedIn" },
  "POST /api/v1/opportunities": { policy: "signedIn", build: (f) => ({ body: newDealBody(f) }) },
  "GET /api/v1/opportunities/export.csv": { policy: "signedIn" },
  "POST /api/v1/opportunities/bulk-stage": { policy: "dealBulk", build: async (f) => ({ body: { items: [{ id: (await f.deal()).id, version: 1 }], to: "P1" } }) },
  "GET /api/v1/opportunities/:id": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PATCH /api/v1/opportunities/:id": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { name: "Renamed deal", version: 1 } }) },
  "DELETE /api/v1/opportunities/:id": { policy: "dealWrite", build: async (f) => ({ params: await deal(f) }) },
  "POST /api/v1/opportunities/:id/stage": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { to: "P1", version: 1 } }) },
  "GET /api/v1/opportunities/:id/history": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "GET /api/v1/opportunities/:id/gates": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "GET /api/v1/opportunities/:id/activities": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "POST /api/v1/opportunities/:id/activities": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { type: "VISIT", occurredAt: new Date().toISOString(), subject: "Visit" } }) },
  "GET /api/v1/opportunities/:id/team": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/team": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { members: [{ userId: f.world.spareRep.id, role: "PRESALES", sharePct: "100" }] } }) },
  "GET /api/v1/opportunities/:id/approvals": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "POST /api/v1/opportunities/:id/approvals": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { toStage: "P6" } }) },
  "GET /api/v1/opportunities/:id/files": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "POST /api/v1/opportunities/:id/files": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: "FILE" }) },
  "POST /api/v1/opportunities/:id/checklist/:criterionId": { policy: "dealWrite", build: async (f) => { const t = await tickable(f); return { params: { id: t.dealId, criterionId: t.criterionId }, body: { activityId: t.activityId } }; } },
  "DELETE /api/v1/opportunities/:id/checklist/:criterionId": { policy: "dealWrite", build: async (f) => { const t = await ticked(f); return { params: { id: t.dealId, criterionId: t.criterionId } }; } },
  "GET /api/v1/admin/audit/export.csv": { policy: "adminOnly" },
  "GET /api/v1/admin/stages": { policy: "adminOnly" },
  "PUT /api/v1/admin/stages/:key": { policy: "adminOnly", build: () => ({ params: { key: "P3" }, body: { maxDaysInStage: 45 } }) },
  "GET /api/v1/admin/gates": { policy: "adminOnly" },
  "POST /api/v1/admin/gates": { policy: "adminOnly", build: () => ({ body: criterionBody }) },
  "PUT /api/v1/admin/gates/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.criterion()).id }, body: criterionBody }) },
  "DELETE /api/v1/admin/gates/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.criterion()).id } }) },
  "GET /api/v1/admin/lists": { policy: "adminOnly" },
  "POST /api/v1/admin/lists": { policy: "adminOnly", build: (f) => ({ body: { list: "SEGMENT", labelEn: `Segment ${f.unique()}`, labelZh: "细分" } }) },
  "PATCH /api/v1/admin/lists/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.listItem()).id }, body: { labelEn: "Relabelled" } }) },
  "POST /api/v1/admin/lists/reorder": { policy: "adminOnly", build: async (f) => { await f.listItem(f.ownOrgId); return { body: { list: "SEGMENT", ids: (await f.listIds(f.ownOrgId)).reverse() } }; } },
  "GET /api/v1/admin/teams": { policy: "adminOnly" },
  "POST /api/v1/admin/teams": { policy: "adminOnly", build: (f) => ({ body: { name: `Team ${f.unique()}`, kind: "REGION" } }) },
  "PATCH /api/v1/admin/teams/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.team()).id }, body: { name: `Renamed ${f.unique()}` } }) },
  "GET /api/v1/admin/users": { policy: "adminOnly" },
  "POST /api/v1/admin/users": { policy: "adminOnly", build: (f) => ({ body: userBody(f) }) },
  "GET /api/v1/admin/users/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.user()).id } }) },
  "PATCH /api/v1/admin/users/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.user()).id }, body: { name: "Renamed person" } }) },
  "POST /api/v1/admin/users/:id/deactivate": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.user()).id } }) },
  "POST /api/v1/admin/users/:id/reactivate": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.user({ isActive: false })).id } }) },
  "POST /api/v1/admin/users/:id/reassign-deals": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: f.world.people.ownerRep.id }, body: { toUserId: f.world.spareRep.id } }) },
  "POST /api/v1/admin/users/:id/password": { policy: "adminOnlyTarget", build: async (f) => ({ params: { id: (await f.user()).id }, body: { password: "a-fresh-passphrase-42" } }) },
  "GET /api/v1/accounts/export.csv": { policy: "signedIn" },
  "GET /api/v1/accounts/export.xlsx": { policy: "signedIn" },
  "GET /api/v1/opportunities/export.xlsx": { policy: "signedIn" },
  "GET /api/v1/accounts/:id/fishing-net": { policy: "accountRead", build: async (f) => ({ params: await account(f) }) },
  "GET /api/v1/accounts/:id/org-chart": { policy: "accountRead", build: async (f) => ({ params: await account(f) }) },
  "GET /api/v1/accounts/:id/profile": { policy: "accountRead", build: async (f) => ({ params: await account(f) }) },
  "PUT /api/v1/accounts/:id/profile": { policy: "accountWrite", build: async (f) => ({ params: await account(f), body: { content: { basics: "Steel maker, 4 plants." } } }) },
  "GET /api/v1/contacts/:id": { policy: "accountRead", build: async (f) => ({ params: await contactOf(f) }) },
  "PATCH /api/v1/contacts/:id": { policy: "contactEdit", build: async (f) => ({ params: await contactOf(f), body: { title: "CIO" } }) },
  "DELETE /api/v1/contacts/:id": { policy: "accountWrite", build: async (f) => ({ params: await contactOf(f) }) },
  "GET /api/v1/contacts/:id/relationships": { policy: "accountRead", build: async (f) => ({ params: await contactOf(f) }) },
  "PUT /api/v1/contacts/:id/relationships": { policy: "accountRead", build: async (f) => ({ params: await contactOf(f), body: { userId: f.world.spareRep.id, degree: 3 } }) },
  "GET /api/v1/admin/analysis-settings": { policy: "adminOnly" },
  "PUT /api/v1/admin/analysis-settings": { policy: "adminOnly", build: async (f) => ({ body: await analysisSettingsBody(f) }) },
  "GET /api/v1/admin/profile-template": { policy: "signedIn" },
  "PUT /api/v1/admin/profile-template": { policy: "adminOnly", build: () => ({ body: profileTemplateBody }) },
  "GET /api/v1/decision-cycle/summary": { policy: "signedIn" },
  "GET /api/v1/forecast": { policy: "signedIn", build: () => ({ query: forecastRange }) },
  "GET /api/v1/forecast/accuracy": { policy: "signedIn", build: () => ({ query: "period=2026-Q4" }) },
  "GET /api/v1/forecast/calibration": { policy: "signedIn" },
  "GET /api/v1/forecast/deals": { policy: "signedIn", build: () => ({ query: forecastRange }) },
  "GET /api/v1/forecast/funnel": { policy: "signedIn" },
  "GET /api/v1/forecast/quotas": { policy: "signedIn", build: () => ({ query: "period=2027-Q1" }) },
  "PUT /api/v1/forecast/quotas": { policy: "managerOfTarget", build: (f) => ({ body: { subjectType: "USER", subjectId: f.world.people.ownerRep.id, period: "2027-Q1", amount: `${1000 + Math.floor(Math.random() * 1e6)}.00` } }) },
  "GET /api/v1/forecast/snapshots": { policy: "signedIn" },
  "POST /api/v1/forecast/snapshots": { policy: "signedIn", build: () => ({ body: {} }) },
  "GET /api/v1/imports": { policy: "signedIn" },
  "POST /api/v1/imports": { policy: "signedIn", build: () => ({ query: "entity=account", body: "CSV" }) },
  "GET /api/v1/imports/:id": { policy: "importOwner", build: async (f) => ({ params: await importJob(f) }) },
  "GET /api/v1/imports/:id/rejected.csv": { policy: "importOwner", build: async (f) => ({ params: await importJob(f) }) },
  "POST /api/v1/imports/:id/preview": { policy: "importOwnerRead", build: async (f) => ({ params: await importJob(f), body: importMapping }) },
  "POST /api/v1/imports/:id/start": { policy: "importOwner", build: async (f) => ({ params: await importJob(f), body: importMapping }), settle: importFinished },
  "POST /api/v1/imports/:id/cancel": { policy: "importOwner", build: async (f) => ({ params: await importJob(f) }) },
  "GET /api/v1/opportunities/:id/buying-center": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/buying-center": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { contacts: [{ contactId: (await f.contact()).id }] } }) },
  "GET /api/v1/opportunities/:id/competitors": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/competitors": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { competitors: [] } }) },
  "GET /api/v1/opportunities/:id/fishbone": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/fishbone": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { head: "Why we may lose", categories: [] } }) },
  "GET /api/v1/opportunities/:id/positioning": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/positioning": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { need: element, budget: element, decisionChain: element, timeline: element } }) },
  "GET /api/v1/opportunities/:id/swot": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/swot": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: { strengths: [{ id: "s1", text: "Local service" }], weaknesses: [], opportunities: [], threats: [], strategies: [] } }) },
  "GET /api/v1/opportunities/:id/decision-cycle": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "PUT /api/v1/opportunities/:id/decision-cycle": { policy: "dealWrite", build: async (f) => ({ params: await deal(f), body: decisionBody }) },
  "PUT /api/v1/opportunities/:id/purchase-steps/:step": { policy: "dealWrite", build: async (f) => ({ params: { ...(await deal(f)), step: "PROBLEM_FOUND" }, body: { done: true } }) },
  "PUT /api/v1/opportunities/:id/forecast-category": { policy: "dealOwner", build: async (f) => ({ params: await deal(f), body: { category: "COMMIT", version: 1 } }) },
  "GET /api/v1/opportunities/:id/review": { policy: "dealRead", build: async (f) => ({ params: { id: (await f.signedDeal(true)).id } }) },
  "PUT /api/v1/opportunities/:id/review": { policy: "dealWrite", build: reviewBody },
  "GET /api/v1/opportunities/:id/score": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "GET /api/v1/opportunities/:id/review/options": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "GET /api/v1/opportunities/:id/file.pdf": { policy: "dealRead", build: async (f) => ({ params: await deal(f) }) },
  "GET /api/v1/close-out-reasons": { policy: "signedIn" },
  "GET /api/v1/close-out-reasons/options": { policy: "signedIn" },
  "PATCH /api/v1/review-decisions/:id": { policy: "dealWrite", build: async (f) => ({ params: await ownersDecision(f), body: { status: "DONE" } }) },
  "GET /api/v1/recycle-bin": { policy: "signedIn" },
  "POST /api/v1/recycle-bin/:type/:id/restore": { policy: "dealWrite", build: async (f) => ({ params: { type: "opportunity", id: (await f.deletedDeal()).id } }) },
  "DELETE /api/v1/recycle-bin/:type/:id": { policy: "adminOnlyTarget", build: async (f) => ({ params: { type: "opportunity", id: (await f.deletedDeal()).id } }) },
  "GET /api/v1/warnings": { policy: "signedIn" },
  "POST /api/v1/warnings": { policy: "dealWrite", build: async (f) => ({ body: { opportunityId: (await f.deal()).id, rule: "STALLED", action: "acknowledge" } }) },
};

// ── Server actions: "file under app/#export" → policy + valid arguments ──────────────────────────────
const ACTIONS: Record<string, ActionEntry> = {
  "locale-actions.ts#changeLocaleAction": { policy: "public", args: () => ["zh-CN"] },
  "signup/actions.ts#signUpAction": { policy: "public", args: (f) => [signupBody(f)] },
  "(app)/settings/actions.ts#createTokenAction": { policy: "signedIn", args: () => [{ name: "script" }] },
  "(app)/settings/actions.ts#revokeTokenAction": { policy: "selfOnly", args: async (f) => [(await f.ownerToken()).id] },
  "(app)/settings/actions.ts#changePasswordAction": { policy: "signedIn", args: () => [{ currentPassword: KNOWN_PASSWORD, newPassword: KNOWN_PASSWORD }] },
  "(app)/accounts/actions.ts#createAccountAction": { policy: "signedIn", args: (f) => [{ name: `Account ${f.unique()}` }] },
  "(app)/accounts/actions.ts#createContactAction": { policy: "accountRead", args: async (f) => [(await f.account()).id, { name: "Ms Contact" }] },
  "(app)/accounts/[id]/actions.ts#loadOlderAccountActivitiesAction": { policy: "accountRead", args: async (f) => [(await f.account()).id, f.cursor()] },
  "(app)/opportunities/actions.ts#createOpportunityAction": { policy: "signedIn", args: (f) => [newDealBody(f)] },
  "(app)/opportunities/actions.ts#updateOpportunityAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { name: "Renamed deal", version: 1 }] },
  "(app)/opportunities/actions.ts#moveOpportunityStageAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { to: "P1", version: 1 }] },
  "(app)/opportunities/actions.ts#deleteOpportunityAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, 1] },
  "(app)/opportunities/(list)/actions.ts#moveOpportunitiesInBulkAction": { policy: "dealBulk", args: async (f) => [{ items: [{ id: (await f.deal()).id, version: 1 }], to: "P1" }] },
  "(app)/opportunities/[id]/actions.ts#saveKeyFieldsAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { amount: "2000.00", version: 1 }] },
  "(app)/opportunities/[id]/actions.ts#loadCurrentDealAction": { policy: "dealRead", args: async (f) => [(await f.deal()).id] },
  "(app)/opportunities/[id]/actions.ts#logActivityAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { type: "VISIT", occurredAt: new Date().toISOString(), subject: "Visit" }] },
  "(app)/opportunities/[id]/actions.ts#loadOlderActivitiesAction": { policy: "dealRead", args: async (f) => [(await f.deal()).id, f.cursor()] },
  "(app)/opportunities/[id]/actions.ts#replaceTeamAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { members: [{ userId: f.world.spareRep.id, role: "PRESALES", sharePct: "100" }] }] },
  "(app)/opportunities/[id]/gate-actions.ts#tickChecklistAction": { policy: "dealWrite", args: async (f) => { const t = await tickable(f); return [t.dealId, t.criterionId, { activityId: t.activityId }]; } },
  "(app)/opportunities/[id]/gate-actions.ts#untickChecklistAction": { policy: "dealWrite", args: async (f) => { const t = await ticked(f); return [t.dealId, t.criterionId]; } },
  "(app)/opportunities/[id]/gate-actions.ts#requestApprovalAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { toStage: "P6" }] },
  "(app)/approvals/actions.ts#decideApprovalAction": { policy: "managerDecision", args: async (f) => [(await f.approval()).id, { approve: false }] },
  "(app)/admin/stages/actions.ts#updateStageSettingAction": { policy: "adminOnly", args: () => ["P3", { maxDaysInStage: 40 }] },
  "(app)/admin/stages/actions.ts#createGateCriterionAction": { policy: "adminOnly", args: () => [criterionBody] },
  "(app)/admin/stages/actions.ts#updateGateCriterionAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.criterion()).id, criterionBody] },
  "(app)/admin/stages/actions.ts#deleteGateCriterionAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.criterion()).id] },
  "(app)/admin/lists/actions.ts#createListItemAction": { policy: "adminOnly", args: (f) => [{ list: "SEGMENT", labelEn: `Segment ${f.unique()}`, labelZh: "细分" }] },
  "(app)/admin/lists/actions.ts#updateListItemAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.listItem()).id, { labelEn: "Relabelled" }] },
  "(app)/admin/lists/actions.ts#reorderListAction": { policy: "adminOnly", args: async (f) => { await f.listItem(f.ownOrgId); return [{ list: "SEGMENT", ids: (await f.listIds(f.ownOrgId)).reverse() }]; } },
  "(app)/admin/teams/actions.ts#createTeamAction": { policy: "adminOnly", args: (f) => [{ name: `Team ${f.unique()}`, kind: "REGION" }] },
  "(app)/admin/teams/actions.ts#updateTeamAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.team()).id, { name: `Renamed ${f.unique()}` }] },
  "(app)/admin/users/actions.ts#createUserAction": { policy: "adminOnly", args: (f) => [userBody(f)] },
  "(app)/admin/users/actions.ts#updateUserAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.user()).id, { name: "Renamed person" }] },
  "(app)/admin/users/actions.ts#deactivateUserAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.user()).id] },
  "(app)/admin/users/actions.ts#reactivateUserAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.user({ isActive: false })).id] },
  "(app)/admin/users/actions.ts#reassignDealsAction": { policy: "adminOnlyTarget", args: (f) => [f.world.people.ownerRep.id, { toUserId: f.world.spareRep.id }] },
  "(app)/accounts/[id]/actions.ts#changeAccountDecisionStageAction": { policy: "accountWrite", args: async (f) => [(await f.keyAccount()).id, decisionBody] },
  "(app)/accounts/[id]/buying-center-actions.ts#updateContactAction": { policy: "contactEdit", args: async (f) => [(await contactOf(f)).id, { title: "CIO" }] },
  "(app)/accounts/[id]/buying-center-actions.ts#saveAccountProfileAction": { policy: "accountWrite", args: async (f) => [(await f.account()).id, { content: { basics: "Steel maker, 4 plants." } }] },
  "(app)/accounts/[id]/buying-center-actions.ts#replaceBuyingCenterAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, { contacts: [{ contactId: (await f.contact()).id }] }] },
  "(app)/admin/profile-template/actions.ts#updateProfileTemplateAction": { policy: "adminOnly", args: () => [profileTemplateBody] },
  "(app)/opportunities/[id]/decision-cycle-actions.ts#changeDecisionStageAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, decisionBody] },
  "(app)/opportunities/[id]/decision-cycle-actions.ts#setPurchaseStepAction": { policy: "dealWrite", args: async (f) => [(await f.deal()).id, "BUDGET_SET", { done: true }] },
  "(app)/review-meeting/actions.ts#setReviewDecisionStatusAction": { policy: "dealWrite", args: async (f) => [(await ownersDecision(f)).id, { status: "DONE" }] },
  "(app)/review-meeting/actions.ts#recordReviewDecisionAction": { policy: "managerOfDeal", args: async (f) => [(await f.deal()).id, { text: "Meet the CFO", ownerId: f.world.people.ownerRep.id }] },
  "(app)/admin/users/actions.ts#resetPasswordAction": { policy: "adminOnlyTarget", args: async (f) => [(await f.user()).id, { password: "a-fresh-passphrase-42" }] },
};

// ── Discovery ────────────────────────────────────────────────────────────────────────────────────────
const APP_DIR = path.resolve(__dirname, "../../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Discovered<T> = { key: string; run: T };

async function discoverRoutes(): Promise<Discovered<Handler>[]> {
  const files = walk(path.join(APP_DIR, "api/v1")).filter((file) => file.endsWith("/route.ts"));
  const found: Discovered<Handler>[] = [];
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    const urlPath = `/${path.relative(APP_DIR, path.dirname(file)).replace(/\[([^\]]+)\]/g, ":$1")}`;
    for (const method of METHODS) if (typeof module[method] === "function") found.push({ key: `${method} ${urlPath}`, run: module[method] as Handler });
  }
  return found;
}

type ServerAction = (...args: unknown[]) => Promise<{ ok: boolean; code?: string }>;

async function discoverActions(): Promise<Discovered<ServerAction>[]> {
  const files = walk(APP_DIR).filter((file) => /\.tsx?$/.test(file) && /^\s*(?:\/\/.*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8")));
  const found: Discovered<ServerAction>[] = [];
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") found.push({ key: `${path.relative(APP_DIR, file)}#${name}`, run: value as ServerAction });
    }
  }
  return found;
}

// ── Calling ──────────────────────────────────────────────────────────────────────────────────────────
const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, VALIDATION: 422, BAD_REQUEST: 400 };

async function callRoute(world: MatrixWorld, actor: Actor, key: string, handler: Handler, request: RouteRequest): Promise<{ status: number; detail: string }> {
  const [method, urlPath] = key.split(" ");
  const headers: Record<string, string> = {};
  if (actor !== "anonymous") headers.authorization = `Bearer ${world.people[actor].token}`;
  // Each actor's token calls every endpoint in turn, more than its 100 requests per 10 s when the data layer is
  // fast: the quota (tested in trust/headers-limits-audit.test.ts) starts afresh for each call here.
  await db.rateLimitWindow.deleteMany({ where: { key: { startsWith: "token:" } } });
  let body: BodyInit | undefined;
  if (request.body === "FILE" || request.body === "CSV") {
    const form = new FormData();
    form.set("file", request.body === "CSV" ? new File([importCsv()], "accounts.csv", { type: "text/csv" }) : new File(["evidence bytes"], "evidence.txt", { type: "text/plain" }));
    body = form;
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers["content-type"] = "application/json";
  }
  const url = `http://localhost${urlPath}${request.query ? `?${request.query}` : ""}`;
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(request.params ?? {}) });
  const text = await response.text();
  return { status: response.status, detail: text.slice(0, 300) };
}

async function callAction(world: MatrixWorld, actor: Actor, action: ServerAction, args: unknown[]): Promise<{ status: number; detail: string }> {
  session.ctx = actor === "anonymous" ? null : world.people[actor].ctx;
  try {
    const result = await action(...args);
    return result.ok ? { status: 200, detail: "" } : { status: STATUS_OF_CODE[result.code ?? ""] ?? 500, detail: JSON.stringify(result).slice(0, 300) };
  } finally {
    session.ctx = null;
  }
}

function matches(outcome: Outcome, status: number): boolean {
  return outcome === "ok" || outcome === "okUnchanged" ? status >= 200 && status < 300 : status === outcome;
}

let world: MatrixWorld;
let routes: Discovered<Handler>[];
let actions: Discovered<ServerAction>[];
let removeChangeCounters: () => Promise<void>;

beforeAll(async () => {
  world = await buildMatrixWorld();
  [routes, actions] = await Promise.all([discoverRoutes(), discoverActions()]);
  removeChangeCounters = await installChangeCounters();
}, 120_000);

afterAll(async () => removeChangeCounters?.());

describe("authorization matrix", () => {
  it("lists every route handler and server action of the app, and nothing else", () => {
    const missingRoutes = routes.map((route) => route.key).filter((key) => !(key in ROUTES));
    const staleRoutes = Object.keys(ROUTES).filter((key) => !routes.some((route) => route.key === key));
    const missingActions = actions.map((action) => action.key).filter((key) => !(key in ACTIONS));
    const staleActions = Object.keys(ACTIONS).filter((key) => !actions.some((action) => action.key === key));
    expect({ missingRoutes, staleRoutes, missingActions, staleActions }, "add each missing endpoint to ROUTES / ACTIONS (see the comment at the top)").toEqual({
      missingRoutes: [], staleRoutes: [], missingActions: [], staleActions: [],
    });
    expect(routes.length).toBeGreaterThan(50);
    expect(actions.length).toBeGreaterThan(30);
  });

  it("gives every actor exactly its policy's outcome on every endpoint, and refusals change no row", async () => {
    const failures: string[] = [];
    type Call = () => Promise<{ status: number; detail: string }>;
    // `prepare` builds the fixtures and returns the call, so the "before" fingerprint includes the fixtures.
    const check = async (key: string, policy: Policy, isRead: boolean, prepare: (f: Fixtures, actor: Actor) => Promise<Call>) => {
      for (const actor of ACTORS) {
        const call = await prepare(fixtures(world, actor), actor);
        const before = await fingerprint();
        const result = await call().catch((error: unknown) => ({ status: 500, detail: String(error) }));
        const changed = changedTables(before, await fingerprint());
        const expected = POLICY[policy][actor];
        if (!matches(expected, result.status)) failures.push(`${key} as ${actor}: expected ${expected}, got ${result.status} ${result.detail}`);
        // Refusals and "okUnchanged" must leave every row as it was; an accepted write must change something.
        if (expected !== "ok" && changed.length) failures.push(`${key} as ${actor}: ${result.status} but changed ${changed.join(", ")}`);
        const isWriteExpected = expected === "ok" && policy !== "public" && !isRead;
        if (isWriteExpected && matches(expected, result.status) && changed.length === 0) failures.push(`${key} as ${actor}: accepted but changed nothing`);
      }
    };
    for (const route of routes) {
      const entry = ROUTES[route.key];
      if (!entry) continue;
      await check(route.key, entry.policy, route.key.startsWith("GET "), async (f, actor) => {
        const request = await (entry.build?.(f) ?? {});
        return async () => {
          const result = await callRoute(world, actor, route.key, route.run, request);
          await entry.settle?.(request);
          return result;
        };
      });
    }
    for (const action of actions) {
      const entry = ACTIONS[action.key];
      if (!entry) continue;
      const isRead = /#load/.test(action.key);
      await check(action.key, entry.policy, isRead, async (f, actor) => {
        const args = await entry.args(f);
        return () => callAction(world, actor, action.run, args);
      });
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
