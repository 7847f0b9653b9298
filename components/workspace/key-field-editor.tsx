"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

export type KeyField = "name" | "amount" | "expectedCloseDate" | "productLine";

const INPUT_PROPS: Record<KeyField, { type: string; inputMode?: "decimal"; maxLength?: number }> = {
  name: { type: "text", maxLength: 200 },
  amount: { type: "text", inputMode: "decimal", maxLength: 20 },
  expectedCloseDate: { type: "date" },
  productLine: { type: "text", maxLength: 100 },
};

type KeyFieldEditorProps = {
  field: KeyField;
  label: string;
  initialValue: string;
  error?: string;
  isPending: boolean;
  onSave: (value: string) => void;
  onCancel: () => void;
};

/** The in-place editor of one key field: Enter (or Save) saves, Escape (or Cancel) puts the value back. */
export function KeyFieldEditor({ field, label, initialValue, error, isPending, onSave, onCancel }: KeyFieldEditorProps) {
  const { m } = useI18n();
  const [value, setValue] = useState(initialValue);
  const errorId = `key-field-${field}-error`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") onCancel();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="mt-1 space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          {...INPUT_PROPS[field]}
          name={field}
          aria-label={label}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-w-40 flex-1"
          autoFocus
          autoComplete="off"
        />
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? <Spinner /> : null}
          {isPending ? m.common.saving : m.common.save}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel} disabled={isPending}>
          {m.common.cancel}
        </Button>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
