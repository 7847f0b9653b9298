"use client";

import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { interpolate } from "@/lib/i18n/config";
import type { FieldError } from "@/lib/errors";
import { cn } from "@/components/ui/cn";

type GateFixListProps = {
  /** Absent when the deal does not exist yet (created at a later stage): the criteria are listed without links. */
  opportunityId?: string;
  /** The stage the refused move aimed at: the deal page shows that move's checklist. */
  to: string;
  /** The refusal's field errors; only the unmet gate criteria (path "gates") are listed. */
  errors: readonly FieldError[];
  className?: string;
};

const FIX_KINDS = ["CHECKLIST", "APPROVAL", "ACTIVITY", "REQUIRED_FIELDS"] as const;

/** Where each unmet criterion is fixed: the key fields for required fields, else its entry in the deal's gate checklist. */
export function gateFixHref(opportunityId: string, to: string, error: Pick<FieldError, "criterionId" | "kind">): string {
  const page = `/opportunities/${opportunityId}`;
  if (error.kind === "REQUIRED_FIELDS") return `${page}#key-fields`;
  const query = `?gateTo=${encodeURIComponent(to)}`;
  return error.criterionId ? `${page}${query}#gate-${error.criterionId}` : `${page}${query}#gate-checklist`;
}

export function unmetGateErrors(errors: readonly FieldError[] | undefined): FieldError[] {
  return (errors ?? []).filter((error) => error.path === "gates");
}

/** A refused stage move: one entry per unmet criterion (worded by the server in the reader's language), each with its fix. */
export function GateFixList({ opportunityId, to, errors, className }: GateFixListProps) {
  const { m } = useI18n();
  const t = m.gatesFinish.refusal;
  const unmet = unmetGateErrors(errors);
  if (unmet.length === 0) return null;
  return (
    <ul className={cn("space-y-1.5 text-sm", className)} data-testid="gate-fix-list">
      {unmet.map((error, index) => {
        const action = t.fix[FIX_KINDS.find((kind) => kind === error.kind) ?? "other"];
        return (
          <li key={error.criterionId ?? index} className="flex flex-col gap-0.5" data-criterion-id={error.criterionId}>
            <span>{error.message}</span>
            {opportunityId ? (
              <Link
                href={gateFixHref(opportunityId, to, error)}
                className="inline-flex w-fit items-center gap-1 text-xs font-medium text-primary underline-offset-2 hover:underline"
                aria-label={interpolate(t.fixFor, { action, criterion: error.message })}
              >
                {action}
                <ArrowRight className="size-3" aria-hidden="true" />
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
