"use client";
// Loads what a column's rows on screen need: the next page after the loaded cards (the column's infinite
// query), or — when the scrollbar was dragged far below them — the page at that position (?offset=N), then
// the walk from the top into the gap until the two runs join (column-segments.ts). One request at a time.
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StageKey } from "@/lib/domain/stages";
import { PIPELINE_MAX_OFFSET } from "@/lib/domain/pipeline-paging";
import { fetchColumnPage } from "./board-api";
import type { ColumnData } from "./board-cache";
import { type ColumnLayout, nextLoadStep, readColumnLayout, withHeadPage, withJumpedPage } from "./column-segments";

type ColumnLoaderOptions = {
  queryKey: QueryKey;
  stage: StageKey;
  filterQuery: string;
  layout: ColumnLayout;
  /** Positions in the column of the first and last rows on screen. */
  view: { first: number; last: number };
  sizes: { prefetch: number; pageSize: number; maxPage: number };
  /** The infinite query's walk after the last loaded card, asked for `missing` rows. */
  walk: { isBusy: boolean; hasFailed: boolean; next: (missing: number) => void };
};

const atPosition = (filterQuery: string, offset: number) => {
  const params = new URLSearchParams(filterQuery);
  params.set("offset", String(offset));
  return params.toString();
};

export function useColumnLoader({ queryKey, stage, filterQuery, layout, view, sizes, walk }: ColumnLoaderOptions) {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const [hasFailed, setHasFailed] = useState(false);
  const step = nextLoadStep(layout, view, { ...sizes, maxOffset: PIPELINE_MAX_OFFSET });
  const stepKey = JSON.stringify(step);
  // A page that changed nothing on screen (say the column shrank meanwhile) is not asked for again in a loop.
  const lastLoaded = useRef("");

  const load = useCallback(async () => {
    if (step.kind === "none") return;
    if (step.kind === "walk") return walk.next(step.missing);
    if (lastLoaded.current === stepKey) return;
    lastLoaded.current = stepKey;
    inFlight.current = true;
    try {
      if (step.kind === "jump") {
        const page = await fetchColumnPage(stage, atPosition(filterQuery, step.offset), null, step.limit);
        queryClient.setQueryData<ColumnData>(queryKey, (data) => (data ? withJumpedPage(data, step.offset, page) : data));
      } else if (layout.headCursor) {
        const cursor = layout.headCursor;
        const page = await fetchColumnPage(stage, filterQuery, cursor, step.limit);
        // Only onto the head it was read after (a move or another page may have changed the column meanwhile).
        queryClient.setQueryData<ColumnData>(queryKey, (data) =>
          data && readColumnLayout(data).headCursor === cursor ? withHeadPage(data, cursor, page) : data);
      }
    } catch {
      setHasFailed(true);
    } finally {
      inFlight.current = false;
    }
    // stepKey stands for step; the rest are stable or read at the time of the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stepKey, stage, filterQuery, queryClient, queryKey, layout.headCursor, walk.next]);

  useEffect(() => {
    if (inFlight.current || hasFailed || walk.isBusy || walk.hasFailed) return;
    void load();
  }, [load, hasFailed, walk.isBusy, walk.hasFailed]);

  return {
    hasFailed,
    retry: () => {
      lastLoaded.current = "";
      setHasFailed(false);
    },
  };
}
