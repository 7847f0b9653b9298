"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { CloseOutGapList, closeOutGapsOf } from "@/components/analysis/close-out-gap-list";
import { EMPTY_LOST_REVIEW, findLostReviewGaps, LostReviewFields } from "@/components/analysis/lost-review-fields";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { GateFixList, unmetGateErrors } from "@/components/opportunities/gates/gate-fix-list";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { CloseOutGap } from "@/lib/domain/close-out";
import type { LostReviewInput } from "@/lib/validations/analysis";
import { opportunityCreateSchema, opportunityUpdateSchema } from "@/lib/validations/opportunity";

type Option = { value: string; label: string };

export type OpportunityFormValues = {
  name: string;
  accountId: string;
  ownerId: string;
  productLine: string;
  amount: string;
  currency: string;
  expectedCloseDate: string;
  stage: string;
  lossReason: string;
};

type OpportunityFormProps = {
  /** Create, or edit the version the page loaded (a stale version comes back as a conflict). */
  mode: { kind: "create" } | { kind: "edit"; version: number };
  initialValues: OpportunityFormValues;
  accounts: Option[];
  /** Owner choices; null hides the picker (reps always own what they create). */
  owners: Option[] | null;
  /** Stage choices on create; stages are changed through "Move stage" afterwards. */
  stages: Option[];
  currencies: string[];
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  cancelHref: string;
};

/** Thousands separators and spaces are typing habits, not part of the amount. */
function normalizeAmount(value: string): string {
  return value.replace(/[\s,，]/g, "");
}

/** The one opportunity form, for create and edit, validated by the shared zod schemas on both sides. */
export function OpportunityForm({ mode, initialValues, accounts, owners, stages, currencies, action, cancelHref }: OpportunityFormProps) {
  const { m } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState(initialValues);
  // A deal created at LOST carries its close-out review (the server's LOST gate checks it again).
  const [review, setReview] = useState<LostReviewInput>(EMPTY_LOST_REVIEW);
  const [gaps, setGaps] = useState<CloseOutGap[]>([]);
  const isCreate = mode.kind === "create";
  const { formRef, fieldErrors, failure, isPending, submit } = useActionForm({
    schema: isCreate ? opportunityCreateSchema : opportunityUpdateSchema,
    action,
    onSuccess: ({ id }) => {
      router.push(`/opportunities/${id}`);
      router.refresh();
    },
  });
  const set = (key: keyof OpportunityFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      name: values.name,
      accountId: values.accountId,
      amount: normalizeAmount(values.amount),
      currency: values.currency,
      expectedCloseDate: values.expectedCloseDate,
      productLine: values.productLine,
      ...(owners && values.ownerId ? { ownerId: values.ownerId } : {}),
    };
    const isLost = isCreate && values.stage === "LOST";
    const missing = isLost ? findLostReviewGaps(review) : [];
    setGaps(missing);
    if (missing.length) return;
    const payload = isCreate
      ? { ...common, stage: values.stage, ...(isLost ? { closeOut: review } : {}) }
      : { ...common, version: mode.version };
    const emptyPaths = Object.entries(payload)
      .filter(([, value]) => value === "")
      .map(([key]) => key);
    submit(payload, emptyPaths);
  };

  const f = m.opportunityForm;
  const requiredProps = { isRequired: true, requiredLabel: m.common.required };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <FormFailure failure={failure} />
      {isCreate && unmetGateErrors(failure?.fieldErrors).length ? (
        <div role="alert" className="space-y-1.5 rounded-md border border-danger/40 p-3 text-sm text-danger">
          <p>{m.gatesFinish.refusal.createLead}</p>
          <GateFixList errors={failure?.fieldErrors ?? []} to={values.stage} />
        </div>
      ) : null}
      {isCreate ? <CloseOutGapList gaps={gaps.length ? gaps : closeOutGapsOf(failure?.fieldErrors)} /> : null}
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field label={f.name} error={fieldErrors.name} className="md:col-span-2" {...requiredProps}>
          <Input name="name" value={values.name} onChange={set("name")} placeholder={f.namePlaceholder} maxLength={200} />
        </Field>
        <Field label={f.account} error={fieldErrors.accountId} hint={accounts.length === 0 ? f.noAccounts : undefined} {...requiredProps}>
          <NativeSelect name="accountId" value={values.accountId} onChange={set("accountId")}>
            <option value="">{f.chooseAccount}</option>
            {accounts.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {owners ? (
          <Field label={f.owner} error={fieldErrors.ownerId}>
            <NativeSelect name="ownerId" value={values.ownerId} onChange={set("ownerId")}>
              {owners.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : null}
        <Field label={f.productLine} error={fieldErrors.productLine}>
          <Input name="productLine" value={values.productLine} onChange={set("productLine")} placeholder={f.productLinePlaceholder} maxLength={100} />
        </Field>
        <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3">
          <Field label={f.amount} error={fieldErrors.amount} {...requiredProps}>
            <Input name="amount" value={values.amount} onChange={set("amount")} inputMode="decimal" autoComplete="off" className="tabular-nums" />
          </Field>
          <Field label={f.currency} error={fieldErrors.currency}>
            <NativeSelect name="currency" value={values.currency} onChange={set("currency")}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <Field label={f.expectedCloseDate} error={fieldErrors.expectedCloseDate} {...requiredProps}>
          <Input name="expectedCloseDate" type="date" value={values.expectedCloseDate} onChange={set("expectedCloseDate")} className="tabular-nums" />
        </Field>
        {isCreate ? (
          <Field label={f.stage} error={fieldErrors.stage} hint={f.stageHint}>
            <NativeSelect name="stage" value={values.stage} onChange={set("stage")}>
              {stages.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : null}
        {isCreate && values.stage === "LOST" ? (
          <fieldset className="space-y-3 rounded-md border border-border p-4 md:col-span-2" aria-describedby="create-review-hint">
            <legend className="px-1 text-sm font-semibold text-foreground">{m.closeOutFlows.create.title}</legend>
            <p id="create-review-hint" className="text-sm text-muted-foreground">{m.closeOutFlows.create.hint}</p>
            <LostReviewFields
              value={review}
              onChange={setReview}
              errors={{
                ...Object.fromEntries(gaps.filter((gap) => gap !== "outcome").map((gap) => [gap, m.analysis.review.gaps[gap]])),
                ...Object.fromEntries(
                  (["primaryReason", "secondaryReasons", "winnerCompetitor", "lessons", "toRepeat"] as const)
                    .flatMap((field) => (fieldErrors[`closeOut.${field}`] ? [[field, fieldErrors[`closeOut.${field}`]]] : [])),
                ),
              }}
            />
          </fieldset>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border pt-5">
        <Link href={cancelHref} className={buttonVariants({ variant: "secondary" })}>
          {m.common.cancel}
        </Link>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isCreate ? (isPending ? f.creating : f.create) : isPending ? f.saving : f.save}
        </Button>
      </div>
    </form>
  );
}
