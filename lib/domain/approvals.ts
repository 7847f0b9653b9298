// Approval requests (立项 project initiation and any APPROVAL gate): who may decide, as a pure rule.
export const APPROVAL_STATUSES = ["PENDING", "APPROVED", "REJECTED", "USED"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export type ApprovalDecider = { userId: string; role: "REP" | "MANAGER" | "ADMIN"; managedTeamIds: readonly string[] };

/**
 * A manager of the deal's team, or an administrator — never the person who asked: a rep cannot approve
 * their own request, and neither can a manager who asked for their own deal.
 */
export function canDecideApproval(decider: ApprovalDecider, request: { requestedById: string; dealTeamId: string | null }): boolean {
  if (decider.userId === request.requestedById) return false;
  if (decider.role === "ADMIN") return true;
  return decider.role === "MANAGER" && request.dealTeamId !== null && decider.managedTeamIds.includes(request.dealTeamId);
}
