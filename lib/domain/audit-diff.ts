// Turns an audit entry's before/after snapshots into a readable list of changed fields. Pure, so the page,
// and any later export or notification, show a change the same way.

export type AuditChange = { field: string; before: string | null; after: string | null };

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as one line of text: lists of plain values comma-separated, anything nested as compact JSON. */
export function formatAuditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => item === null || ["string", "number", "boolean"].includes(typeof item))) {
    return value.map((item) => String(item)).join(", ");
  }
  return JSON.stringify(value);
}

/**
 * The fields that differ, in the order they appear (after's keys first, then keys only before had). A
 * creation (no before) lists every field of after; a removal every field of before. Snapshots that are
 * not objects compare as a single unnamed field.
 */
export function diffAuditValues(before: unknown, after: unknown): AuditChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if ((hasBefore && !isPlainObject(before)) || (hasAfter && !isPlainObject(after))) {
    const change = { field: "", before: formatAuditValue(before), after: formatAuditValue(after) };
    return change.before === change.after ? [] : [change];
  }
  const from: Plain = hasBefore ? (before as Plain) : {};
  const to: Plain = hasAfter ? (after as Plain) : {};
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, before: formatAuditValue(from[field]), after: formatAuditValue(to[field]) }));
}
