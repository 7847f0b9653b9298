"use client";

import { useQuery } from "@tanstack/react-query";
import { Siren } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { DealWarningView } from "./types";

/**
 * The early-warning badge of a board card. Every card shares one query (same key), so the board asks the
 * warnings feed once — not once per card — and refreshes it at most every minute.
 */
export function DealWarningBadge({ opportunityId }: { opportunityId: string }) {
  const { m, locale } = useI18n();
  const { data } = useQuery({
    queryKey: ["warnings", "board"],
    queryFn: async (): Promise<DealWarningView[]> => {
      const response = await fetch("/api/v1/warnings?scope=org");
      if (!response.ok) return [];
      return ((await response.json()) as { data: DealWarningView[] }).data;
    },
    staleTime: 60_000,
  });
  const mine = (data ?? []).filter((warning) => warning.opportunityId === opportunityId);
  if (!mine.length) return null;
  return (
    <span
      className="mt-2 inline-flex items-center gap-1 rounded-full border border-rose-200 bg-rose-50 px-2 py-0.5 text-[11px] font-medium text-rose-800"
      title={mine.map((warning) => warning.message[locale]).join("\n")}
      data-testid="deal-warning-badge"
    >
      <Siren className="size-3" aria-hidden="true" />
      {m.forecast.warningsTitle} · {mine.length}
    </span>
  );
}
