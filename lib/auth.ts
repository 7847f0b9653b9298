// Sign-in: next-auth Credentials provider (id "credentials") with JWT sessions. The JWT carries the user
// id and the session version it was issued with; every request re-reads the user (lib/data/users
// loadContext), so deactivation or a bumped session version ends the session at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateUser, loadContext } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(128) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await authenticateUser(parsed.data.email, parsed.data.password);
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
};

type SessionWithUid = { uid?: unknown; sv?: unknown } | null;

/** The caller context of the signed-in user (server components, actions, route handlers), or null. */
export async function getSessionContext(): Promise<Ctx | null> {
  const session = (await getServerSession(authOptions)) as SessionWithUid;
  if (!session || typeof session.uid !== "string") return null;
  return loadContext(session.uid, typeof session.sv === "number" ? session.sv : undefined);
}

export async function requireSessionContext(): Promise<Ctx> {
  const ctx = await getSessionContext();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return ctx;
}
