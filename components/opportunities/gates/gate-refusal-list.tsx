import type { ActionFailure } from "@/components/forms/action-result";
import { GateFixList, unmetGateErrors } from "./gate-fix-list";

type GateRefusalListProps = { failure: ActionFailure | null; opportunityId: string; to: string };

/** A move refused by gates: one line per unmet criterion (the server words them in the caller's language), each with its fix. */
export function GateRefusalList({ failure, opportunityId, to }: GateRefusalListProps) {
  if (unmetGateErrors(failure?.fieldErrors).length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-danger/40 p-3 text-danger">
      <GateFixList opportunityId={opportunityId} to={to} errors={failure?.fieldErrors ?? []} />
    </div>
  );
}
