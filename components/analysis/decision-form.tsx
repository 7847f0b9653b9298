"use client";
// Records a review-meeting decision as an action with an owner (and an optional due date).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/components/forms/action-result";
import { FormFailure } from "@/components/forms/form-failure";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ActionFailure } from "@/components/forms/action-result";

type Props = { people: { id: string; name: string }[]; defaultOwnerId: string; action: (input: unknown) => Promise<ActionResult> };

export function DecisionForm({ people, defaultOwnerId, action }: Props) {
  const { m } = useI18n();
  const t = m.analysis.meeting;
  const router = useRouter();
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState(defaultOwnerId);
  const [dueDate, setDueDate] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [isPending, setPending] = useState(false);
  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const result = await action({ text, ownerId, dueDate: dueDate || null });
        setPending(false);
        if (result.ok) {
          setText("");
          setDueDate("");
          setFailure(null);
          router.refresh();
        } else setFailure(result);
      }}
    >
      <FormFailure failure={failure} />
      <Input aria-label={t.decision} placeholder={t.decision} value={text} required onChange={(event) => setText(event.target.value)} />
      <div className="flex flex-wrap gap-2">
        <NativeSelect aria-label={m.analysis.owner} value={ownerId} className="w-44" onChange={(event) => setOwnerId(event.target.value)}>
          {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
        </NativeSelect>
        <Input type="date" aria-label={m.analysis.fishbone.dueDate} value={dueDate} className="w-40" onChange={(event) => setDueDate(event.target.value)} />
        <Button type="submit" disabled={isPending}>{t.addDecision}</Button>
      </div>
    </form>
  );
}
