// Reading list-page query strings: tolerant of junk (a bad page number is page 1, not an error).
import { interpolate } from "@/lib/i18n/config";

export type SearchParams = Record<string, string | string[] | undefined>;

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function pageNumber(value: string | string[] | undefined): number {
  const parsed = Number.parseInt(single(value) ?? "", 10);
  return Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, 100_000) : 1;
}

/** "26–50 of 312" for the pagination footer. */
export function pageStatus(template: string, page: number, pageSize: number, total: number): string {
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return interpolate(template, { from, to, total });
}
