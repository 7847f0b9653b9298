// Route-handler plumbing for REST API v1: authentication (bearer token or session cookie), body parsing
// with zod, and the one mapping from AppError / ZodError to application/problem+json.
import "server-only";
import type { z } from "zod";
import { getSessionContext } from "@/lib/auth";
import { runIdempotently } from "@/lib/api/idempotency";
import { contextFromApiToken } from "@/lib/data/tokens";
import { clientIpOf } from "./request-meta";
import { AppError, type FieldError, HTTP_STATUS, isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";

const PROBLEM_TYPE_BASE = "https://crm.example/problems/";
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function problemResponse(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  const slug = title.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
  const headers: Record<string, string> = { "content-type": "application/problem+json", "cache-control": "no-store" };
  // A rate-limited answer says when to come back (RFC 9110 Retry-After, in seconds).
  if (typeof extra.retryAfter === "number") headers["retry-after"] = String(extra.retryAfter);
  return new Response(JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, ...extra }), { status, headers });
}

const TITLES: Record<AppError["code"], string> = {
  BAD_REQUEST: "Bad request",
  UNAUTHENTICATED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  VALIDATION: "Unprocessable content",
  RATE_LIMITED: "Too many requests",
};

export function errorToResponse(error: unknown): Response {
  if (isAppError(error)) {
    return problemResponse(HTTP_STATUS[error.code], TITLES[error.code], {
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extensions,
    });
  }
  console.error(error);
  return problemResponse(500, "Internal server error", { detail: "Something went wrong on our side." });
}

export function zodIssuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...issue.path, key].join("."), message: "Unknown field." }));
    }
    return [{ path: issue.path.map(String).join(".") || "(root)", message: issue.message }];
  });
}

/** One entry per bad field: a field failing several checks reports the first. */
function onePerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.path) && Boolean(seen.add(error.path)));
}

/** PostgreSQL text cannot hold U+0000; such input is the client's mistake (422), not a failed query (500). */
function findNulStrings(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === "string") {
    return value.includes("\u0000") ? [{ path: path.join(".") || "(root)", message: "Must not contain NUL characters." }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findNulStrings(item, [...path, String(index)]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => findNulStrings(item, [...path, key]));
  }
  return [];
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  const errors = [...findNulStrings(value), ...(result.success ? [] : zodIssuesToFieldErrors(result.error.issues))];
  if (!result.success || errors.length) throw new AppError("VALIDATION", "The input is invalid.", { errors: onePerField(errors) });
  return result.data;
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) throw new AppError("BAD_REQUEST", "The request body must be a JSON document.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

export async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  return parseWith(schema, await readJsonBody(request));
}

export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  return parseWith(schema, params);
}

/**
 * A cookie-authenticated state change must come from our own origin (browsers send Origin on such
 * requests, and Sec-Fetch-Site when they omit it); bearer-token clients carry no ambient credentials and
 * are exempt. Checked before the session is even read, so a forged request touches nothing.
 */
function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") throw new AppError("FORBIDDEN", "Cross-origin requests are not allowed.");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (!host || originHost !== host) throw new AppError("FORBIDDEN", "Cross-origin requests are not allowed.");
}

/** next-auth's JWT session cookie, "__Secure-" prefixed over HTTPS and split into ".0", ".1"… when large. */
const SESSION_COOKIE_PATTERN = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

function hasSessionCookie(request: Request): boolean {
  return SESSION_COOKIE_PATTERN.test(request.headers.get("cookie") ?? "");
}

export async function authenticateRequest(request: Request): Promise<Ctx> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const ctx = match ? await contextFromApiToken(match[1]) : null;
    if (!ctx) throw new AppError("UNAUTHENTICATED", "The bearer token is missing, invalid or revoked.");
    return { ...ctx, ip: clientIpOf(request.headers) };
  }
  // No session cookie, no session: answer 401 without asking next-auth (which also needs Next's request scope).
  const isCookieAuth = hasSessionCookie(request);
  if (isCookieAuth && STATE_CHANGING.has(request.method)) assertSameOrigin(request);
  const ctx = isCookieAuth ? await getSessionContext() : null;
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in or send an Authorization: Bearer token.");
  return ctx;
}

type RouteParams = Record<string, string>;
type Handler<P extends RouteParams> = (request: Request, ctx: Ctx, params: P) => Promise<Response>;

/** Wraps an authenticated API route: every error becomes a problem document, never an unhandled 500. */
export function apiRoute<P extends RouteParams = RouteParams>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await authenticateRequest(request);
      const params = await context.params;
      const key = request.method === "POST" ? request.headers.get("idempotency-key") : null;
      if (key !== null) return await runIdempotently(request, ctx, key, () => handler(request, ctx, params), errorToResponse);
      return await handler(request, ctx, params);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

/** Wraps a route that needs no caller (the API documentation); errors still become problem documents. */
export function publicRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}

/** 201 with the new resource and, when it has its own URL, a Location header pointing at it. */
export function created(data: unknown, location?: string): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (location) headers.location = location;
  return Response.json(data, { status: 201, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
