import type { ActionResult } from "@/components/forms/action-result";

export type GateActions = {
  tick: (criterionId: string, input: unknown) => Promise<ActionResult>;
  untick: (criterionId: string) => Promise<ActionResult>;
  requestApproval: (input: unknown) => Promise<ActionResult<{ id: string }>>;
};

export type EvidenceActivity = { id: string; subject: string; occurredAt: string };
