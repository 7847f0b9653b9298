import type { ActionResult } from "@/components/forms/action-result";
import type { UserOutput } from "@/lib/validations/admin";

/** A user as the admin table shows it; the date arrives formatted so server and browser render alike. */
export type AdminUserRow = UserOutput & { updatedLabel: string };

export type Option = { value: string; label: string };

export type UserActions = {
  create: (input: unknown) => Promise<ActionResult<{ id: string; name: string }>>;
  update: (id: string, input: unknown) => Promise<ActionResult<{ id: string; name: string }>>;
  deactivate: (id: string) => Promise<ActionResult<{ id: string; name: string }>>;
  reactivate: (id: string) => Promise<ActionResult<{ id: string; name: string }>>;
  reassign: (fromUserId: string, input: unknown) => Promise<ActionResult<{ moved: number }>>;
  resetPassword: (id: string, input: unknown) => Promise<ActionResult<null>>;
};
