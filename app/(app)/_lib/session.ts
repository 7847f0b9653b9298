// The signed-in caller for pages. proxy.ts already sent signed-out visitors to /login; this catches the
// rest (an expired, deactivated or revoked session) the same way.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionContext } from "@/lib/auth";
import type { Ctx } from "@/lib/permissions";

export const getPageContext = cache(async (): Promise<Ctx> => {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/login");
  return ctx;
});
