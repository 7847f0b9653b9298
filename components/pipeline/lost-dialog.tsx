"use client";

import { Dialog } from "radix-ui";
import { type FormEvent, useState } from "react";
import { CloseOutGapList } from "@/components/analysis/close-out-gap-list";
import { EMPTY_LOST_REVIEW, findLostReviewGaps, LostReviewFields, lostReviewErrors } from "@/components/analysis/lost-review-fields";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { CloseOutGap } from "@/lib/domain/close-out";
import { interpolate } from "@/lib/i18n/config";
import type { LostReviewInput } from "@/lib/validations/analysis";
import { usePipelineMessages } from "./use-pipeline-messages";

type LostDialogProps = {
  /** The deal being marked lost; null keeps the dialog closed. */
  dealName: string | null;
  dealId: string;
  /** Called once the deal's loss review is saved: the move then carries the primary reason as its loss reason. */
  onConfirm: (lossReason: string) => void;
  onCancel: () => void;
};

/**
 * A lost deal needs its close-out review (METHOD.md §5; the LOST gate, checked again in the stage move), so a
 * drop on LOST, or "Move to… Lost", asks for it first: the review is saved (PUT …/review), then the move runs.
 * A refused save lists what is missing and moves nothing. Radix traps focus inside; Escape cancels the move.
 */
export function LostDialog({ dealName, dealId, onConfirm, onCancel }: LostDialogProps) {
  const { m } = useI18n();
  const t = usePipelineMessages().lostDialog;
  const r = m.analysis.review;
  const [review, setReview] = useState<LostReviewInput>(EMPTY_LOST_REVIEW);
  const [gaps, setGaps] = useState<CloseOutGap[]>([]);
  const [serverErrors, setServerErrors] = useState<{ path: string; message: string }[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  const [reasons, setReasons] = useState<{ value: string; label: string }[]>([]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = findLostReviewGaps(review);
    setGaps(missing);
    setServerErrors([]);
    if (missing.length) return;
    setIsSaving(true);
    const response = await fetch(`/api/v1/opportunities/${dealId}/review`, {
      method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ outcome: "LOST", ...review }),
    }).catch(() => null);
    setIsSaving(false);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { errors?: { path: string; message: string }[] } | null;
      setServerErrors(body?.errors?.length ? body.errors : [{ path: "form", message: m.analysis.failed }]);
      return;
    }
    onConfirm(reasons.find((reason) => reason.value === review.primaryReason)?.label ?? review.primaryReason);
  };

  const fieldErrors = {
    ...Object.fromEntries(gaps.filter((gap) => gap !== "outcome").map((gap) => [gap, r.gaps[gap]])),
    ...lostReviewErrors(serverErrors.filter((error) => error.path !== "form")),
  };
  const formError = serverErrors.find((error) => error.path === "form" || error.path === "outcome")?.message;

  return (
    <Dialog.Root open={dealName !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-border bg-surface p-6 shadow-xl focus:outline-none data-[state=open]:animate-pop-in"
        >
          <Dialog.Title className="text-lg font-semibold text-foreground">{interpolate(t.title, { name: dealName ?? "" })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm leading-relaxed text-muted-foreground">{r.lostDialogBody}</Dialog.Description>
          <form onSubmit={(event) => void submit(event)} noValidate className="mt-4 space-y-5">
            <CloseOutGapList gaps={gaps} />
            {formError ? <p className="text-sm text-danger" role="alert">{formError}</p> : null}
            <LostReviewFields opportunityId={dealId} value={review} onChange={setReview} errors={fieldErrors} autoFocus onReasonsLoaded={setReasons} />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={onCancel}>
                {m.common.cancel}
              </Button>
              <Button type="submit" variant="danger" disabled={isSaving}>
                {isSaving ? <Spinner /> : null}
                {t.confirm}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
