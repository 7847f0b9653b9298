"use client";

import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The freshly created token, shown once, with a copy button (falls back to selecting the text). */
export function NewTokenNotice({ token }: { token: string }) {
  const { m } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isCopied, setIsCopied] = useState(false);
  const t = m.settings.tokens;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setIsCopied(true);
    } catch {
      inputRef.current?.select();
    }
  };
  return (
    <Alert tone="success" title={t.createdTitle}>
      <p>{t.createdBody}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <input
          ref={inputRef}
          readOnly
          value={token}
          aria-label={t.tokenLabel}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-3 font-mono text-xs text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
        <Button variant="secondary" size="md" onClick={copy}>
          {isCopied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {t.copy}
        </Button>
      </div>
      <p className="mt-1 h-4 text-xs" aria-live="polite">
        {isCopied ? t.copied : ""}
      </p>
    </Alert>
  );
}
