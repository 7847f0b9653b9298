import type { ActionFailure } from "@/components/forms/action-result";

/** A move refused by gates: one line per unmet criterion (the server words them in the caller's language). */
export function GateRefusalList({ failure }: { failure: ActionFailure | null }) {
  const unmet = failure?.fieldErrors.filter((error) => error.path === "gates") ?? [];
  if (unmet.length === 0) return null;
  return (
    <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-danger">
      {unmet.map((error, index) => (
        <li key={`${index}-${error.message}`}>{error.message}</li>
      ))}
    </ul>
  );
}
