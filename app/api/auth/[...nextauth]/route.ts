// GET|POST /api/auth/* — next-auth: sign-in with the "credentials" provider, session, CSRF and sign-out.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
