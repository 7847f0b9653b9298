"use client";
// Marks a review-meeting decision done, or open again (its owner or a manager; the server decides).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

type Props = { status: "OPEN" | "DONE"; text: string; action: (input: unknown) => Promise<ActionResult> };

export function DecisionStatusButton({ status, text, action }: Props) {
  const { m } = useI18n();
  const t = m.analysis.meeting;
  const router = useRouter();
  const [isPending, setPending] = useState(false);
  const [hasFailed, setFailed] = useState(false);
  const isDone = status === "DONE";
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={isPending}
        aria-label={`${isDone ? t.reopen : t.markDone}: ${text}`}
        onClick={async () => {
          setPending(true);
          const result = await action({ status: isDone ? "OPEN" : "DONE" });
          setPending(false);
          setFailed(!result.ok);
          if (result.ok) router.refresh();
        }}
      >
        {isDone ? t.reopen : t.markDone}
      </Button>
      {hasFailed ? <span role="alert" className="text-xs text-danger">{m.analysis.failed}</span> : null}
    </span>
  );
}
