"use client";

import { Search } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useUrlParams } from "./use-url-params";

type UrlSearchFieldProps = { id: string; label: string; placeholder: string; loadingLabel: string; param?: string };

const SEARCH_DELAY_MS = 350;

/** A search box bound to one query-string parameter; typing pauses briefly before the list reloads. */
export function UrlSearchField({ id, label, placeholder, loadingLabel, param = "q" }: UrlSearchFieldProps) {
  const { params, update, isPending } = useUrlParams();
  const urlValue = params.get(param) ?? "";
  const [value, setValue] = useState(urlValue);
  const [lastUrlValue, setLastUrlValue] = useState(urlValue);
  const [sentValue, setSentValue] = useState(urlValue);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the URL when something else changed it (e.g. "Clear filters"), never our own lagging update.
  if (urlValue !== lastUrlValue) {
    setLastUrlValue(urlValue);
    if (urlValue !== sentValue) {
      setValue(urlValue);
      setSentValue(urlValue);
    }
  }

  const send = (text: string) => {
    setSentValue(text);
    update({ [param]: text });
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (text: string) => {
    setValue(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send(text.trim()), SEARCH_DELAY_MS);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(timer.current);
    send(value.trim());
  };

  return (
    <form role="search" onSubmit={onSubmit} className="flex flex-col gap-1.5">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-subtle-foreground" aria-hidden="true" />
        <Input
          id={id}
          type="search"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={placeholder}
          className="pl-8 pr-8"
          autoComplete="off"
        />
        {isPending ? (
          <span role="status" className="absolute right-2.5 top-1/2 -translate-y-1/2 text-muted-foreground">
            <Spinner />
            <span className="sr-only">{loadingLabel}</span>
          </span>
        ) : null}
      </div>
    </form>
  );
}
