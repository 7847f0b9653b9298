// Sign-in: next-auth Credentials provider (id "credentials") with JWT sessions. The JWT carries the user
// id and the session version it was issued with; every request re-reads the user (lib/data/users
// loadContext), so deactivation, sign-out or a password change (each bumps the version) ends every
// session at once. Failed attempts are limited per account and per address (lib/data/sign-in).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { clientIpOf } from "@/lib/api/request-meta";
import { signInWithPassword } from "@/lib/data/sign-in";
import { endAllSessions, loadContext } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(128) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  // Cookies are HttpOnly and SameSite=Lax (next-auth's defaults) and Secure with "__Secure-" names whenever
  // NEXTAUTH_URL is https — which production must set (docs: README configuration).
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientIpOf(new Headers((req?.headers ?? {}) as Record<string, string>));
        const user = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password, ip });
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
  events: {
    // Signing out ends every session of the user, so a copied cookie stops working too.
    async signOut({ token }) {
      if (typeof token?.uid === "string") await endAllSessions(token.uid);
    },
  },
};

type SessionWithUid = { uid?: unknown; sv?: unknown } | null;

/** The caller context of the signed-in user (server components, actions, route handlers), or null. */
export async function getSessionContext(): Promise<Ctx | null> {
  const session = (await getServerSession(authOptions)) as SessionWithUid;
  // A JWT without a session version predates the check: it is not trusted.
  if (!session || typeof session.uid !== "string" || typeof session.sv !== "number") return null;
  const ctx = await loadContext(session.uid, session.sv);
  return ctx ? { ...ctx, ip: clientIpOf(await headers()) } : null;
}

export async function requireSessionContext(): Promise<Ctx> {
  const ctx = await getSessionContext();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return ctx;
}
