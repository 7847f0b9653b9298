// Sends signed-out visitors of app pages to /login (remembering where they were going). It only
// redirects: every page, action and route handler still authenticates and authorizes itself, and the
// REST API answers 401 itself instead of redirecting.
import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const loginUrl = new URL("/login", request.url);
  loginUrl.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(loginUrl);
}

export const config = {
  matcher: ["/opportunities/:path*", "/accounts/:path*", "/settings/:path*", "/admin/:path*"],
};
