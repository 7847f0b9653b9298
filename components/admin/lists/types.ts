import type { ActionResult } from "@/components/forms/action-result";
import type { OrgListKey } from "@/lib/domain/org-lists";
import type { ListItemOutput } from "@/lib/validations/admin";

export type AdminListItem = ListItemOutput;
export type { OrgListKey };

type Saved = ActionResult<{ id: string; labelEn: string; labelZh: string }>;

export type ListActions = {
  create: (input: unknown) => Promise<Saved>;
  update: (id: string, input: unknown) => Promise<Saved>;
  reorder: (input: unknown) => Promise<ActionResult>;
};
