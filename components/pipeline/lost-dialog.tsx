"use client";

import { Dialog } from "radix-ui";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { interpolate } from "@/lib/i18n/config";
import { usePipelineMessages } from "./use-pipeline-messages";

type LostDialogProps = {
  /** The deal being marked lost; null keeps the dialog closed. */
  dealName: string | null;
  onConfirm: (lossReason: string) => void;
  onCancel: () => void;
};

/**
 * A lost deal needs a loss reason (METHOD.md §1), so a drop on LOST, or "Move to… Lost", asks for it
 * first. Radix traps focus inside and returns it to where it was; Escape cancels the move.
 */
export function LostDialog({ dealName, onConfirm, onCancel }: LostDialogProps) {
  const { m } = useI18n();
  const t = usePipelineMessages().lostDialog;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();

  const close = () => {
    setReason("");
    setError(undefined);
    onCancel();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t.required);
      return;
    }
    setReason("");
    setError(undefined);
    onConfirm(trimmed);
  };

  return (
    <Dialog.Root open={dealName !== null} onOpenChange={(open) => (open ? undefined : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-6 shadow-xl focus:outline-none data-[state=open]:animate-pop-in">
          <Dialog.Title className="text-lg font-semibold text-foreground">{interpolate(t.title, { name: dealName ?? "" })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm leading-relaxed text-muted-foreground">{t.body}</Dialog.Description>
          <form onSubmit={submit} noValidate className="mt-4 space-y-5">
            <Field label={t.reason} error={error} isRequired requiredLabel={m.common.required}>
              <Textarea
                name="lossReason"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder={t.reasonPlaceholder}
                maxLength={500}
                rows={3}
                autoFocus
              />
            </Field>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {m.common.cancel}
              </Button>
              <Button type="submit" variant="danger">
                {t.confirm}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
