// Keyset pagination cursors: opaque base64url of the last row's sort key.
import { AppError } from "@/lib/errors";

export type Cursor = { at: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** As Date#toISOString writes it, within the years PostgreSQL stores. */
const ISO_TIMESTAMP = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * `at` is a timestamp for lists sorted by time and free text (a name) for alphabetical lists; a forged
 * cursor with a non-uuid id or a bad timestamp is a 422, never a failing query.
 */
export function decodeCursor(value: string | undefined, atKind: "date" | "text" = "date"): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<Cursor>;
    const isAtValid =
      typeof parsed.at === "string" &&
      (atKind === "text" ? !parsed.at.includes("\u0000") : ISO_TIMESTAMP.test(parsed.at) && !Number.isNaN(Date.parse(parsed.at)));
    if (isAtValid && typeof parsed.id === "string" && isUuid(parsed.id)) {
      return { at: parsed.at as string, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("VALIDATION", "The cursor is invalid.", { errors: [{ path: "cursor", message: "Invalid cursor." }] });
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
