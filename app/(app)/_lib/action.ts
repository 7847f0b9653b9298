// The one mapping from AppError to a form result for server actions. Every action authenticates itself
// here (actions are public endpoints); lib/data does the authorization. Input is parsed with
// lib/api/http parseWith, the same zod schemas the form and the REST API use.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { ActionResult } from "@/components/forms/action-result";
import { requireSessionContext } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import type { Ctx } from "@/lib/permissions";

export async function runAction<T>(work: (ctx: Ctx) => Promise<T>): Promise<ActionResult<T>> {
  return runPublicAction(async () => work(await requireSessionContext()));
}

/** For the few actions a signed-out visitor may call (organization sign-up): same error mapping, no caller. */
export async function runPublicAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) {
      const currentVersion = error.extensions?.currentVersion;
      return {
        ok: false,
        code: error.code,
        message: error.message,
        fieldErrors: error.errors ?? [],
        ...(typeof currentVersion === "number" ? { currentVersion } : {}),
      };
    }
    console.error(error);
    return { ok: false, code: "INTERNAL", message: "Internal error.", fieldErrors: [] };
  }
}
