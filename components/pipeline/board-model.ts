// What the board knows about stages and time, handed over by the server page: stage names in the
// caller's language, probabilities and stall limits from the org's stage table, and the instant the page
// was rendered (so server and browser agree on "days in stage" while hydrating).
import type { StageKey } from "@/lib/domain/stages";
import { daysInStage } from "@/lib/domain/stage-time";
import { isAtLeastPowerOfTen, scaleCents, toCents } from "@/lib/domain/money-cents";
import type { Locale } from "@/lib/i18n/config";
import type { PipelineCard, PipelineTotals } from "@/lib/validations/pipeline";

export type BoardStage = {
  key: StageKey;
  name: string;
  /** Exact decimal string, e.g. "0.25". */
  probability: string;
  maxDaysInStage: number | null;
  isClosed: boolean;
};

/**
 * What the board holds of a deal: the fields its card shows and moves with. The page sends only these (the
 * first HTML of a board carries hundreds of cards); the API's later pages carry whole opportunities, which
 * are BoardCards too. `warningCount` is absent on a card the board has just moved.
 */
export type BoardCard = Pick<
  PipelineCard,
  "id" | "name" | "accountName" | "ownerName" | "amount" | "currency" | "expectedCloseDate" | "stage" | "stageEnteredAt" |
  "decisionStage" | "decisionAlignment" | "version"
> & { warningCount?: number };

export type BoardPage = { items: BoardCard[]; nextCursor: string | null };
export type BoardColumn = PipelineTotals & BoardPage;

export function toBoardCard(card: PipelineCard): BoardCard {
  const { id, name, accountName, ownerName, amount, currency, expectedCloseDate, stage, stageEnteredAt, decisionStage, decisionAlignment, version, warningCount } = card;
  return { id, name, accountName, ownerName, amount, currency, expectedCloseDate, stage, stageEnteredAt, decisionStage, decisionAlignment, version, warningCount };
}

export type CardSignals = { days: number; isStalled: boolean; isOverdue: boolean };

/**
 * Days in stage, stalled and close date passed (open deals only). The rules are lib/domain/stages'
 * daysInStage (lib/domain/stage-time) and isStalled (days > the stage's limit), applied to the slim stage
 * list the page sends — the full stage table carries coaching texts the board does not need in the browser.
 */
export function readCardSignals(card: BoardCard, stage: BoardStage, now: Date): CardSignals {
  const days = daysInStage(new Date(card.stageEnteredAt), now);
  return {
    days,
    isStalled: stage.maxDaysInStage !== null && days > stage.maxDaysInStage,
    isOverdue: !stage.isClosed && card.expectedCloseDate < now.toISOString().slice(0, 10),
  };
}

// A board shows hundreds of cards; building an Intl formatter costs far more than using one, so each
// (locale, currency, precision) gets one. Same options as lib/i18n/format, so cards read like the rest of the app.
const moneyFormatters = new Map<string, Intl.NumberFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

// Compact units per language. Intl's own compact notation differs between ICU builds (Node on the server,
// the browser on the client), which breaks hydration, so the scaling is done here, exactly, in cents.
const COMPACT_UNITS: Record<Locale, [exponent: number, suffix: string][]> = {
  en: [[12, "T"], [9, "B"], [6, "M"], [3, "K"]],
  "zh-CN": [[8, "亿"], [4, "万"]],
};

/** "CN¥1.2M" / "¥120.5万" for column headers, where a full amount would not fit; the exact value goes in a title. */
export function formatCompactMoney(amount: string, currency: string, locale: Locale): string {
  const cents = toCents(amount);
  const [exponent, suffix] = COMPACT_UNITS[locale].find(([power]) => isAtLeastPowerOfTen(cents, power)) ?? [0, ""];
  const scaled = scaleCents(cents, exponent);
  const key = `${locale}|${currency}|${exponent ? 1 : 0}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: exponent ? 1 : 0 });
    moneyFormatters.set(key, formatter);
  }
  return `${formatter.format(scaled as unknown as number)}${suffix}`; // Intl reads decimal strings exactly (ES2023)
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

export function formatPercent(probability: string, locale: Locale): string {
  let formatter = percentFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    percentFormatters.set(locale, formatter);
  }
  return formatter.format(probability as unknown as number);
}


export function formatCardMoney(amount: string, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormatters.set(key, formatter);
  }
  return formatter.format(amount as unknown as number); // Intl reads decimal strings exactly (ES2023)
}

/** A calendar date "YYYY-MM-DD", e.g. "Mar 31, 2027". */
export function formatCardDate(value: string, locale: Locale): string {
  let formatter = dateFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    dateFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${value}T00:00:00Z`));
}
