"use client";

import { RefreshCw } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionFailure } from "./action-result";
import { failureMessage } from "./localize";

/** The banner above a form after a failed action; a version conflict offers a reload. */
export function FormFailure({ failure }: { failure: ActionFailure | null }) {
  const { m } = useI18n();
  if (!failure) return null;
  if (failure.code === "CONFLICT") {
    return (
      <Alert
        tone="warning"
        title={m.errors.conflictTitle}
        actions={
          <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
            <RefreshCw aria-hidden="true" />
            {m.common.reload}
          </Button>
        }
      >
        {m.errors.conflictBody}
      </Alert>
    );
  }
  return <Alert tone="danger">{failureMessage(failure, m)}</Alert>;
}
