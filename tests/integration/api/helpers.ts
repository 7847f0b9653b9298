// Shared set-up for the REST API v1 tests: a two-team organization plus a second org, a personal API
// token per user, and a helper that calls an exported route handler the way Next.js would.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/data/tokens";
import { loadContext } from "@/lib/data/users";
import type { Ctx } from "@/lib/permissions";
import { buildAccount, buildOrg, buildTeam, buildUser } from "../../factories";

// `never` accepts any route's params type, so one helper calls every handler.
type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type ApiResult<T> = { status: number; body: T; headers: Headers };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  currentVersion?: number;
};

export type CallOptions = {
  method?: string;
  /** Path and query, e.g. "/api/v1/opportunities?stage=P1". */
  url?: string;
  token?: string | null;
  /** Serialized as JSON unless it is already a string (to send malformed JSON). */
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
};

export async function call<T = Record<string, unknown>>(
  handler: RouteHandler,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const request = new Request(`http://localhost${options.url ?? "/api/v1"}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

export async function contextOf(userId: string): Promise<Ctx> {
  const ctx = await loadContext(userId);
  if (!ctx) throw new Error(`No context for user ${userId}`);
  return ctx;
}

export async function tokenFor(userId: string): Promise<string> {
  return (await createApiToken(await contextOf(userId), { name: "integration test" })).token;
}

type Person = { id: string; token: string };

async function person(orgId: string, role: "REP" | "MANAGER" | "ADMIN") {
  return buildUser(db, orgId, { role });
}

/**
 * Org A: admin; team North (manager, rep, rep2); team South (manager2, rep3); an account owned by rep.
 * Org B: admin and rep in team Far, with an account. Every user has a bearer token.
 */
export async function buildApiWorld() {
  const org = await buildOrg(db);
  const [admin, manager, rep, rep2, manager2, rep3] = await Promise.all([
    person(org.id, "ADMIN"), person(org.id, "MANAGER"), person(org.id, "REP"),
    person(org.id, "REP"), person(org.id, "MANAGER"), person(org.id, "REP"),
  ]);
  const north = await buildTeam(db, org.id, { managerId: manager.id, memberIds: [rep.id, rep2.id] });
  const south = await buildTeam(db, org.id, { managerId: manager2.id, memberIds: [rep3.id] });
  const account = await buildAccount(db, org.id, { ownerId: rep.id });

  const otherOrg = await buildOrg(db);
  const [otherAdmin, otherRep] = await Promise.all([person(otherOrg.id, "ADMIN"), person(otherOrg.id, "REP")]);
  const otherTeam = await buildTeam(db, otherOrg.id, { memberIds: [otherRep.id] });
  const otherAccount = await buildAccount(db, otherOrg.id, { ownerId: otherRep.id });

  const withToken = async (user: { id: string }): Promise<Person> => ({ id: user.id, token: await tokenFor(user.id) });
  return {
    org, north, south, account, otherOrg, otherTeam, otherAccount,
    admin: await withToken(admin),
    manager: await withToken(manager),
    rep: await withToken(rep),
    rep2: await withToken(rep2),
    manager2: await withToken(manager2),
    rep3: await withToken(rep3),
    otherAdmin: await withToken(otherAdmin),
    otherRep: await withToken(otherRep),
  };
}

export type ApiWorld = Awaited<ReturnType<typeof buildApiWorld>>;

/** Asserts an application/problem+json answer with the given status and returns its body. */
export function expectProblem(result: ApiResult<unknown>, status: number): Problem {
  expect({ status: result.status, contentType: result.headers.get("content-type"), body: result.body }).toMatchObject({
    status,
    contentType: "application/problem+json",
    body: { type: expect.any(String), title: expect.any(String), status },
  });
  return result.body as Problem;
}
