// Runs before every request. It (1) puts the security headers on every answer, with a fresh CSP nonce
// handed to Next.js through the request's Content-Security-Policy and x-nonce headers (Next adds the nonce
// to its own scripts; pages are rendered per request, so each gets its own); and (2) sends signed-out
// visitors of app pages to /login (remembering where they were going). It only redirects: every page,
// action and route handler still authenticates and authorizes itself, and the REST API answers 401 itself.
import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { applySecurityHeaders, contentSecurityPolicy, createNonce } from "@/lib/security-headers";

const SIGNED_IN_PAGES = /^\/(?:opportunities|accounts|settings|admin)(?:\/|$)/;
const STATIC_ASSETS = /^\/_next\/(?:static|image)\//;
const API_CSP = contentSecurityPolicy("", { isApi: true });

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (STATIC_ASSETS.test(pathname)) {
    const response = NextResponse.next();
    applySecurityHeaders(response.headers, null);
    return response;
  }
  // An API answer is never a document: its fixed policy needs no nonce, and Next.js gets no request headers to
  // forward (rewriting them costs every API call a copy of its headers).
  if (pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    applySecurityHeaders(response.headers, API_CSP);
    return response;
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development" });
  let response: NextResponse;
  if (SIGNED_IN_PAGES.test(pathname) && !(await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }))) {
    const loginUrl = new URL("/login", request.url);
    loginUrl.searchParams.set("callbackUrl", `${pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(loginUrl);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  applySecurityHeaders(response.headers, csp);
  return response;
}

export const config = {
  matcher: ["/:path*"],
};
