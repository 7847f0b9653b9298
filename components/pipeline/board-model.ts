// What the board knows about stages and time, handed over by the server page: stage names in the
// caller's language, probabilities and stall limits from the org's stage table, and the instant the page
// was rendered (so server and browser agree on "days in stage" while hydrating).
import { daysInStage, isClosedStage, isStalled, type StageKey, type StageTable } from "@/lib/domain/stages";
import type { Locale } from "@/lib/i18n/config";
import type { OpportunityOutput } from "@/lib/validations/opportunity";

export type BoardStage = {
  key: StageKey;
  name: string;
  /** Exact decimal string, e.g. "0.25". */
  probability: string;
  maxDaysInStage: number | null;
  isClosed: boolean;
};

export type CardSignals = { days: number; isStalled: boolean; isOverdue: boolean };

/** Days in stage, stalled (over the stage's limit, by the stage module) and close date passed (open deals only). */
export function readCardSignals(card: OpportunityOutput, table: StageTable, now: Date): CardSignals {
  const enteredAt = new Date(card.stageEnteredAt);
  return {
    days: daysInStage(enteredAt, now),
    isStalled: isStalled(card.stage, enteredAt, now, table),
    isOverdue: !isClosedStage(card.stage, table) && card.expectedCloseDate < now.toISOString().slice(0, 10),
  };
}

/** "¥1.2M" / "¥120万" for column headers, where a full amount would not fit; the exact value goes in a title. */
export function formatCompactMoney(amount: string, currency: string, locale: Locale): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  return formatter.format(amount as unknown as number); // Intl reads decimal strings exactly (ES2023)
}

export function formatPercent(probability: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(probability as unknown as number);
}
