// The failed sign-in limit at the door: POST /api/auth/callback/credentials is answered 429 with
// Retry-After, before next-auth runs, while the typed email or the client address is over its limit.
import "server-only";
import { normalizeSignInEmail, SIGN_IN_LIMIT_PER_ACCOUNT, SIGN_IN_LIMIT_PER_IP, signInRetryAfter } from "@/lib/data/rate-limits";
import { problemResponse } from "./http";
import { clientIpOf } from "./request-meta";

const CREDENTIALS_CALLBACK = /\/api\/auth\/callback\/credentials\/?$/;

/** The 429 answer for a sign-in attempt over the limit, or null to let next-auth handle it. */
export async function signInLimitResponse(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !CREDENTIALS_CALLBACK.test(new URL(request.url).pathname)) return null;
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "");
  } catch {
    return null;
  }
  const retryAfter = await signInRetryAfter(normalizeSignInEmail(email), clientIpOf(request.headers));
  if (retryAfter === null) return null;
  return problemResponse(429, "Too many requests", {
    detail: `Too many failed sign-ins (at most ${SIGN_IN_LIMIT_PER_ACCOUNT} per account and ${SIGN_IN_LIMIT_PER_IP} per address in 15 minutes). Try again later.`,
    retryAfter,
    // next-auth's client reads an absolute `url` from the answer and takes `error` from its query.
    url: new URL("/login?error=RateLimited", request.url).toString(),
  });
}
