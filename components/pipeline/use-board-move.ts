"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { unmetGateErrors } from "@/components/opportunities/gates/gate-fix-list";
import type { FieldError } from "@/lib/errors";
import type { StageKey } from "@/lib/domain/stages";
import { interpolate } from "@/lib/i18n/config";
import type { PipelineTotals } from "@/lib/validations/pipeline";
import { BoardRequestError, boardKeys, moveDeal } from "./board-api";
import { type ColumnData, insertCard, removeCard, shiftTotals } from "./board-cache";
import type { BoardCard, BoardPage, BoardStage } from "./board-model";
import { type PipelineMessages, usePipelineMessages } from "./use-pipeline-messages";

/** `gates`: the unmet criteria of a refused move, listed with a link to fix each on the deal page. */
export type MoveNotice = {
  id: number; tone: "danger" | "success"; title: string; body?: string; gates?: { dealId: string; to: StageKey; errors: FieldError[] };
};

type Options = {
  renderedAt: string;
  filterQuery: string;
  stages: BoardStage[];
  isStalledOnly: boolean;
  /** The server's first pages: a column not on screen (LOST collapsed) has no cache entry yet. */
  firstPages: Partial<Record<StageKey, BoardPage>>;
};

/** The server's refusal in words: our own sentence for the status, the server's reason for a rule. */
function describeRefusal(error: unknown, t: PipelineMessages["move"], gatesLead: string): string {
  if (!(error instanceof BoardRequestError)) return t.unknown;
  const { status, errors, detail } = error.problem;
  if (status === 0) return t.network;
  if (status === 401) return t.signedOut;
  if (status === 403) return t.forbidden;
  if (status === 404) return t.notFound;
  if (status === 409) return t.conflict;
  if (status === 422 && unmetGateErrors(errors).length) return gatesLead;
  if (status === 422) return interpolate(t.invalid, { reason: errors?.map((entry) => entry.message).join(" ") || detail || "" });
  return t.unknown;
}

/**
 * Moves a card through POST /api/v1/opportunities/:id/stage (the one stage-move path). The card changes
 * column and the totals shift at once; a refusal puts both back and says why; either way the column totals
 * are then fetched again from the server.
 */
export function useBoardMove({ renderedAt, filterQuery, stages, isStalledOnly, firstPages }: Options) {
  const queryClient = useQueryClient();
  const t = usePipelineMessages().move;
  const gatesLead = useI18n().m.gatesFinish.refusal.lead;
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(() => new Set());
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const move = useCallback(
    async (card: BoardCard, to: StageKey, lossReason?: string) => {
      const from = card.stage;
      if (from === to) return;
      const target = stages.find((stage) => stage.key === to);
      if (!target) return;
      const probabilities = Object.fromEntries(stages.map((stage) => [stage.key, stage.probability])) as Record<StageKey, string>;
      const fromKey = boardKeys.column(renderedAt, filterQuery, from);
      const toKey = boardKeys.column(renderedAt, filterQuery, to);
      const totalsKey = boardKeys.totals(renderedAt, filterQuery);
      // A totals refresh still in flight would overwrite the optimistic numbers when it lands.
      void queryClient.cancelQueries({ queryKey: totalsKey });

      const optimistic: BoardCard = {
        ...card,
        stage: to,
        stageEnteredAt: new Date().toISOString(),
      };
      const seed = (stage: StageKey) => (data: ColumnData | undefined): ColumnData | undefined => {
        const page = firstPages[stage];
        return data ?? (page ? { pages: [page], pageParams: [null] } : undefined);
      };
      queryClient.setQueryData<ColumnData>(fromKey, (data) => removeCard(seed(from)(data), card.id));
      queryClient.setQueryData<ColumnData>(toKey, (data) => insertCard(seed(to)(data), optimistic));
      queryClient.setQueryData<PipelineTotals[]>(totalsKey, (totals) => shiftTotals(totals, card, from, to, probabilities));
      setPendingIds((ids) => new Set(ids).add(card.id));
      setNotice(null);

      try {
        const moved = await moveDeal(card.id, { to, version: card.version, ...(to === "LOST" ? { lossReason } : {}) });
        // "Stalled only": a deal that just entered its stage is not stalled, so it leaves this view.
        queryClient.setQueryData<ColumnData>(toKey, (data) => (isStalledOnly ? removeCard(data, card.id) : insertCard(data, { ...moved, warningCount: card.warningCount })));
        setAnnouncement(interpolate(t.moved, { name: card.name, stage: target.name }));
      } catch (error) {
        queryClient.setQueryData<ColumnData>(toKey, (data) => removeCard(data, card.id));
        queryClient.setQueryData<ColumnData>(fromKey, (data) => insertCard(data, card));
        queryClient.setQueryData<PipelineTotals[]>(totalsKey, (totals) => shiftTotals(totals, card, to, from, probabilities));
        const unmet = error instanceof BoardRequestError ? unmetGateErrors(error.problem.errors) : [];
        setNotice({
          id: Date.now(), tone: "danger", title: interpolate(t.refusedTitle, { name: card.name, stage: target.name }), body: describeRefusal(error, t, gatesLead),
          ...(unmet.length ? { gates: { dealId: card.id, to, errors: unmet } } : {}),
        });
        const status = error instanceof BoardRequestError ? error.problem.status : 0;
        // Someone else changed or removed the deal: show the column as it is now, so a retry starts from the truth.
        if (status === 409 || status === 404) void queryClient.invalidateQueries({ queryKey: fromKey });
      } finally {
        setPendingIds((ids) => {
          const next = new Set(ids);
          next.delete(card.id);
          return next;
        });
        void queryClient.invalidateQueries({ queryKey: totalsKey });
      }
    },
    [queryClient, renderedAt, filterQuery, stages, isStalledOnly, firstPages, t, gatesLead],
  );

  return { move, pendingIds, notice, dismissNotice: () => setNotice(null), announcement };
}
