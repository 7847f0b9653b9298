"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/components/forms/action-result";

/** Runs a server action, refreshes the page's server data on success and keeps the failure message. */
export function useRunAction() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = <T,>(action: () => Promise<ActionResult<T>>, success?: string, after?: (data: T) => void) => {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setNotice(success ?? null);
        after?.(result.data);
        router.refresh();
      } else {
        setError([result.message, ...result.fieldErrors.map((field) => field.message)].filter((text, index, all) => all.indexOf(text) === index).join(" "));
      }
    });
  };
  return { run, isPending, error, notice };
}
