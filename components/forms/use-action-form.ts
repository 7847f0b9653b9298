"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionFailure, ActionResult } from "./action-result";
import { type FieldErrorMap, toFieldErrorMap, zodIssuesToFieldErrors } from "./localize";

type UseActionFormOptions<TData> = {
  /** The shared zod schema: the same one the server action parses with. */
  schema: z.ZodType;
  action: (input: unknown) => Promise<ActionResult<TData>>;
  onSuccess: (data: TData) => void;
};

/**
 * Client half of a form backed by a server action: validates with the shared schema first (instant
 * inline errors), then runs the action through a TanStack mutation and shows the server's field and
 * form errors the same way. Focus moves to the first invalid field.
 */
export function useActionForm<TData>({ schema, action, onSuccess }: UseActionFormOptions<TData>) {
  const { m } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (result) => {
      if (result.ok) {
        onSuccess(result.data);
        return;
      }
      setFailure(result);
      setFieldErrors(toFieldErrorMap(result.fieldErrors, m));
    },
    onError: () => setFailure({ ok: false, code: "INTERNAL", message: "", fieldErrors: [] }),
  });

  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  /** Validates and submits; `requiredPaths` turn an empty value's error into "This field is required." */
  const submit = (payload: Record<string, unknown>, emptyPaths: string[] = []) => {
    setFailure(null);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const errors = toFieldErrorMap(zodIssuesToFieldErrors(parsed.error.issues), m);
      for (const path of emptyPaths) if (errors[path]) errors[path] = m.validation.required;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    mutation.mutate(payload);
  };

  return { formRef, fieldErrors, failure, isPending: mutation.isPending, submit };
}
