// GET|POST /api/auth/* — next-auth: sign-in with the "credentials" provider, session, CSRF and sign-out;
// a sign-in over the failed-attempt limit is answered 429 with Retry-After before next-auth runs.
import NextAuth from "next-auth";
import { signInLimitResponse } from "@/lib/api/sign-in-limit";
import { authOptions } from "@/lib/auth";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

export async function POST(request: Request, context: RouteContext): Promise<Response> {
  return (await signInLimitResponse(request)) ?? handler(request, context);
}
