"use client";

import { useRouter } from "next/navigation";
import { CloseOutGapList, closeOutGapsOf } from "@/components/analysis/close-out-gap-list";
import { EMPTY_LOST_REVIEW, findLostReviewGaps, LostReviewFields } from "@/components/analysis/lost-review-fields";
import { type FormEvent, useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { GateRefusalList } from "@/components/opportunities/gates/gate-refusal-list";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { interpolate } from "@/lib/i18n/config";
import type { CloseOutGap } from "@/lib/domain/close-out";
import type { LostReviewInput } from "@/lib/validations/analysis";
import { stageMoveSchema } from "@/lib/validations/opportunity";

type StageMoveFormProps = {
  opportunityId: string;
  currentStage: string;
  /** The version the page loaded: a move against a newer deal is refused as a conflict. */
  version: number;
  stages: { value: string; label: string }[];
  action: (input: unknown) => Promise<ActionResult<{ stage: string }>>;
};

/** Moves the deal to another stage through the one stage-move path; LOST carries the close-out review, written with the move. */
export function StageMoveForm({ opportunityId, currentStage, version, stages, action }: StageMoveFormProps) {
  const { m } = useI18n();
  const router = useRouter();
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [review, setReview] = useState<LostReviewInput>(EMPTY_LOST_REVIEW);
  const [gaps, setGaps] = useState<CloseOutGap[]>([]);
  const [movedTo, setMovedTo] = useState<string | null>(null);
  const [submittedTo, setSubmittedTo] = useState("");
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: stageMoveSchema,
    action,
    onSuccess: ({ stage }) => {
      setMovedTo(stages.find((option) => option.value === stage)?.label ?? stage);
      setTarget("");
      setReason("");
      setReview(EMPTY_LOST_REVIEW);
      router.refresh();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMovedTo(null);
    setSubmittedTo(target);
    const missing = target === "LOST" ? findLostReviewGaps(review) : [];
    setGaps(missing);
    if (missing.length) return;
    const payload = {
      to: target,
      version,
      reason,
      ...(target === "LOST" ? { closeOut: review } : {}),
    };
    submit(payload, target === "" ? ["to"] : []);
  };

  const t = m.opportunity.move;
  const isLost = target === "LOST";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFailure failure={failure} />
      <GateRefusalList failure={failure} opportunityId={opportunityId} to={submittedTo} />
      <CloseOutGapList gaps={gaps.length ? gaps : closeOutGapsOf(failure?.fieldErrors)} />
      {movedTo && !failure ? <Alert tone="success">{interpolate(t.success, { stage: movedTo })}</Alert> : null}
      <Field label={t.target} error={fieldErrors.to}>
        <NativeSelect name="to" value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">{t.chooseStage}</option>
          {stages
            .filter((option) => option.value !== currentStage)
            .map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
        </NativeSelect>
      </Field>
      {isLost ? (
        <LostReviewFields
          opportunityId={opportunityId}
          value={review}
          onChange={setReview}
          errors={{
            primaryReason: fieldErrors["closeOut.primaryReason"], winnerCompetitor: fieldErrors["closeOut.winnerCompetitor"],
            lessons: fieldErrors["closeOut.lessons"], toRepeat: fieldErrors["closeOut.toRepeat"],
          }}
        />
      ) : null}
      <Field label={t.reason} error={fieldErrors.reason} hint={t.reasonHint}>
        <Input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? <Spinner /> : null}
        {isPending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
