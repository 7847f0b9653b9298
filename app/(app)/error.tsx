"use client";

import { RefreshCw } from "lucide-react";
import { useEffect } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// An unexpected failure while rendering a signed-in page: the shell stays, the page offers a retry.
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const { m } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-16">
      <Alert
        tone="danger"
        title={m.errors.pageErrorTitle}
        actions={
          <Button variant="secondary" size="sm" onClick={() => retry()}>
            <RefreshCw aria-hidden="true" />
            {m.common.retry}
          </Button>
        }
      >
        {m.errors.pageErrorBody}
      </Alert>
    </div>
  );
}
