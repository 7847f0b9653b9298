// Locale-aware formatting of money and dates. Money arrives as exact decimal strings; Intl formats the
// string itself (no float round-trip) so the cents shown are the cents stored.
import type { Locale } from "./config";

export function formatMoney(amount: string, currency: string, locale: Locale): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return formatter.format(amount as unknown as number); // Intl accepts decimal strings exactly (ES2023)
}

export function formatDate(value: string | Date, locale: Locale): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(date);
}

export function formatDateTime(value: string | Date, locale: Locale): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatPercent(probability: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(probability);
}
