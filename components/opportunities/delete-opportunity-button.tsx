"use client";

import { useMutation } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure, ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { interpolate } from "@/lib/i18n/config";

type DeleteOpportunityButtonProps = { name: string; action: () => Promise<ActionResult> };

/** Soft delete behind a confirmation; the deal disappears from lists but its history stays. */
export function DeleteOpportunityButton({ name, action }: DeleteOpportunityButtonProps) {
  const { m } = useI18n();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (result) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setIsOpen(false);
      router.push("/opportunities");
      router.refresh();
    },
    onError: () => setFailure({ ok: false, code: "INTERNAL", message: "", fieldErrors: [] }),
  });
  return (
    <ConfirmDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) setFailure(null);
      }}
      trigger={
        <Button variant="secondary" className="text-rose-700 hover:bg-rose-50 hover:text-rose-800">
          <Trash2 aria-hidden="true" />
          {m.common.delete}
        </Button>
      }
      title={m.opportunity.deleteTitle}
      description={interpolate(m.opportunity.deleteBody, { name })}
      confirmLabel={mutation.isPending ? m.common.deleting : m.opportunity.deleteConfirm}
      cancelLabel={m.common.cancel}
      onConfirm={() => mutation.mutate()}
      isPending={mutation.isPending}
    >
      {failure ? <FormFailure failure={failure} /> : null}
    </ConfirmDialog>
  );
}
