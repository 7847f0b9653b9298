import type { ActionResult } from "@/components/forms/action-result";
import type { ContactLevel, ContactRole, ContactStance } from "@/lib/domain/buying-center";

export type OrgNode = {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  level: ContactLevel | null;
  roles: ContactRole[];
  stance: ContactStance | null;
  relationship: number;
  reportsToId: string | null;
  reports: OrgNode[];
};

export type UpdateContact = (contactId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
export type Person = { id: string; name: string };
