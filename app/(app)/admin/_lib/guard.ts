// Admin pages are invisible to everyone else: a non-admin gets the same 404 as for a page that does not
// exist. The data layer checks the permission again on every read and write.
import "server-only";
import { notFound } from "next/navigation";
import { can, type Ctx, type Permission } from "@/lib/permissions";
import { getPageContext } from "../../_lib/session";

export async function requireAdminPage(permission: Permission): Promise<Ctx> {
  const ctx = await getPageContext();
  if (!can(ctx, permission)) notFound();
  return ctx;
}
