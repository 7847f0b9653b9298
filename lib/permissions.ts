// One authorization vocabulary: permission names checked by assertCan in the data layer.
// Visibility of opportunities (who may see which deal) lives in opportunityVisibility below and is
// applied to every query; a record the caller may not see answers exactly like a missing one.
import type { StageTable } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";

export type Role = "REP" | "MANAGER" | "ADMIN";

export type Ctx = {
  userId: string;
  orgId: string;
  role: Role;
  locale: string;
  /** Teams the caller belongs to. */
  teamIds: string[];
  /** Teams the caller manages (a MANAGER's reach). */
  managedTeamIds: string[];
  /** The client address of the request, for the audit trail (set by lib/auth and lib/api/http). */
  ip?: string | null;
  /** The org's stage table when the request's authentication read it with the caller (per request, see getStageTable). */
  stageTable?: StageTable;
  /** The org's base currency when the request's authentication read it with the caller (per request, like stageTable). */
  baseCurrency?: string;
};

export type Permission =
  | "opportunity.create"
  | "opportunity.createForOthers"
  | "opportunity.reassign"
  | "account.create"
  | "account.update"
  | "account.delete"
  | "contact.create"
  // Buying center (issue 6): edit a contact's org-chart fields and record relationship degrees.
  | "contact.update"
  | "token.manage"
  // Administration (issue 4): users, teams, the org's lists, and reading the audit trail.
  | "users.manage"
  | "teams.manage"
  | "lists.manage"
  | "audit.read"
  // Stage configuration and gates (issue 4): stage names, probabilities, limits, guidance and gate criteria.
  | "gates.configure"
  // Project analysis (issue 7): health-score weights and grade thresholds.
  | "analysis.configure"
  // Forecast (issue 8): set quotas of users and teams.
  | "quota.manage";

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  REP: new Set<Permission>(["opportunity.create", "account.create", "account.update", "contact.create", "contact.update", "token.manage"]),
  MANAGER: new Set<Permission>([
    "opportunity.create", "opportunity.createForOthers", "opportunity.reassign",
    "account.create", "account.update", "account.delete", "contact.create", "contact.update", "token.manage", "quota.manage",
  ]),
  ADMIN: new Set<Permission>([
    "opportunity.create", "opportunity.createForOthers", "opportunity.reassign",
    "account.create", "account.update", "account.delete", "contact.create", "contact.update", "token.manage",
    "users.manage", "teams.manage", "lists.manage", "audit.read", "gates.configure", "quota.manage",
    "analysis.configure",
  ]),
};

export function can(ctx: Ctx, permission: Permission): boolean {
  return GRANTS[ctx.role].has(permission);
}

export function assertCan(ctx: Ctx, permission: Permission): void {
  if (!can(ctx, permission)) throw new AppError("FORBIDDEN", `Your role may not perform ${permission}.`);
}

/**
 * Which opportunities the caller sees (and may edit and move): a REP their own and those whose virtual
 * project team they are on (METHOD.md §5: members work on the deal), a MANAGER that plus their managed
 * teams', an ADMIN the whole org. Always combined with the org and "not deleted".
 * lib/data/pipeline-sql.ts visibilitySql is the same rule in SQL; tests compare the two.
 */
export function opportunityVisibility(ctx: Ctx) {
  const base = { orgId: ctx.orgId, deletedAt: null };
  if (ctx.role === "ADMIN") return base;
  const ownOrMember = [{ ownerId: ctx.userId }, { teamMembers: { some: { userId: ctx.userId } } }];
  if (ctx.role === "MANAGER") {
    return { ...base, OR: [...ownOrMember, { teamId: { in: ctx.managedTeamIds } }] };
  }
  return { ...base, OR: ownOrMember };
}

/** Whether `ctx` may own-assign a deal to `ownerId` inside `teamId` (creation for others, reassignment). */
export function canAssignOwner(ctx: Ctx, ownerId: string, teamId: string | null): boolean {
  if (ownerId === ctx.userId) return true;
  if (ctx.role === "ADMIN") return true;
  if (ctx.role === "MANAGER") return teamId !== null && ctx.managedTeamIds.includes(teamId);
  return false;
}
