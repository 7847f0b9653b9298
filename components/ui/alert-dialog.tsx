"use client";

import { AlertDialog as Primitive } from "radix-ui";
import type { ReactNode } from "react";
import { Button } from "./button";

type ConfirmDialogProps = {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  onConfirm: () => void;
  isPending?: boolean;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Shown inside the dialog, e.g. an error from the last attempt. */
  children?: ReactNode;
};

/**
 * Confirmation for destructive actions. Radix moves focus into the dialog, traps it, and returns it to
 * the trigger on close; Escape cancels.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { trigger, title, description, confirmLabel, cancelLabel, onConfirm, isPending, open, onOpenChange, children } = props;
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Trigger asChild>{trigger}</Primitive.Trigger>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-50 bg-slate-950/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in" />
        <Primitive.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-6 shadow-xl focus:outline-none data-[state=open]:animate-pop-in">
          <Primitive.Title className="text-lg font-semibold text-foreground">{title}</Primitive.Title>
          <Primitive.Description className="mt-2 text-sm leading-relaxed text-muted-foreground">{description}</Primitive.Description>
          {children ? <div className="mt-4">{children}</div> : null}
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <Primitive.Cancel asChild>
              <Button variant="secondary" disabled={isPending}>
                {cancelLabel}
              </Button>
            </Primitive.Cancel>
            {/* Not Primitive.Action: the dialog stays open while the request runs and on failure. */}
            <Button variant="danger" onClick={onConfirm} disabled={isPending}>
              {confirmLabel}
            </Button>
          </div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}
