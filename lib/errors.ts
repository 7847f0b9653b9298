// The one error type. Thrown by lib/data and lib/auth; mapped once to HTTP (lib/api/http.ts) and to
// form/action results. A user's mistake is always an AppError, never a bare 500.
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED";

/**
 * One problem with the input. A refused stage move lists each unmet gate criterion with path "gates" and
 * the criterion's id, kind and stage, so forms show them with the other field errors and the board can link
 * each to its fix.
 */
export type FieldError = { path: string; message: string; criterionId?: string; kind?: string; stage?: string };

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly errors?: FieldError[];
  /** Extra members for the problem document, e.g. the current version on a conflict. */
  readonly extensions?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: { errors?: FieldError[]; extensions?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors;
    this.extensions = options.extensions;
  }
}

export function notFound(what = "Resource"): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}

export function forbidden(message = "You are not allowed to do this."): AppError {
  return new AppError("FORBIDDEN", message);
}

export function invalid(errors: FieldError[], message = "The input is invalid."): AppError {
  return new AppError("VALIDATION", message, { errors });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
