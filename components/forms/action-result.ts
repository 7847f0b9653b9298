// The result every server action returns to a form: success with data, or a failure carrying the
// AppError code, the per-field errors (paths as in the zod schema) and, on a conflict, the current version.
import type { AppErrorCode, FieldError } from "@/lib/errors";

export type ActionFailure = {
  ok: false;
  code: AppErrorCode | "INTERNAL";
  message: string;
  fieldErrors: FieldError[];
  currentVersion?: number;
};

export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;
