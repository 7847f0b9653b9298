// What the board knows about stages and time, handed over by the server page: stage names in the
// caller's language, probabilities and stall limits from the org's stage table, and the instant the page
// was rendered (so server and browser agree on "days in stage" while hydrating).
import type { StageKey } from "@/lib/domain/stages";
import { daysInStage } from "@/lib/domain/stage-time";
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
