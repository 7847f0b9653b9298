"use client";

import { useId } from "react";
import { Checkbox } from "@/components/ui/input";

type Option = { value: string; label: string; hint?: string; isDisabled?: boolean };

type CheckboxListProps = {
  legend: string;
  options: Option[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string;
  emptyText?: string;
};

/** A labelled group of checkboxes (teams of a user, members of a team) with one inline error. */
export function CheckboxList({ legend, options, selected, onChange, error, emptyText }: CheckboxListProps) {
  const id = useId();
  const toggle = (value: string, isChecked: boolean) =>
    onChange(isChecked ? [...selected, value] : selected.filter((candidate) => candidate !== value));
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-foreground">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-muted-foreground">{emptyText}</p>
      ) : (
        <ul className="max-h-52 space-y-1 overflow-y-auto rounded-md border border-border p-2">
          {options.map((option) => (
            <li key={option.value}>
              <label className="flex cursor-pointer items-center gap-2.5 rounded px-1.5 py-1 text-sm hover:bg-muted has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60">
                <Checkbox
                  checked={selected.includes(option.value)}
                  disabled={option.isDisabled}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <span className="min-w-0 flex-1 truncate">{option.label}</span>
                {option.hint ? <span className="shrink-0 text-xs text-muted-foreground">{option.hint}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
