import type { ActionResult } from "@/components/forms/action-result";
import type { TeamOutput } from "@/lib/validations/admin";

export type AdminTeamRow = TeamOutput;

/** A person who may be picked: managers must be active MANAGER or ADMIN users. */
export type PersonOption = { value: string; label: string; isActive: boolean; canManage: boolean };

export type TeamActions = {
  create: (input: unknown) => Promise<ActionResult<{ id: string; name: string }>>;
  update: (id: string, input: unknown) => Promise<ActionResult<{ id: string; name: string }>>;
};
