// REST API v1 endpoints of administration (issue 4, "Admin settings") and organization sign-up, spread
// into the one route table (lib/api/routes.ts API_ROUTES). Every admin route answers 403 to non-admins.
import { z } from "zod";
import {
  auditQuerySchema, listItemCreateSchema, listItemListSchema, listItemOutputSchema, listItemUpdateSchema, listQuerySchema,
  listReorderSchema, reassignDealsSchema, reassignResultSchema, signupResultSchema, signupSchema, teamCreateSchema,
  teamListSchema, teamOutputSchema, teamUpdateSchema, userCreateSchema, userListSchema, userOutputSchema, userUpdateSchema,
} from "@/lib/validations/admin";
import type { ApiRouteSpec } from "./routes";

const auditCsvSchema = z.string().meta({
  id: "AuditCsv",
  description: "UTF-8 with a BOM; CRLF records; before and after as JSON text. Text starting with = + - @ gets a leading '.",
});

export const ADMIN_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "POST", path: "/api/v1/signup", operationId: "signUpOrganization", tag: "Sign-up", isPublic: true,
    summary: "Create an organization with its first administrator, default stages, gates and lists; then sign in with that email",
    body: signupSchema,
    response: { status: 201, schema: signupResultSchema, description: "The new organization and administrator." },
  },
  {
    method: "GET", path: "/api/v1/admin/users", operationId: "listAdminUsers", tag: "Administration",
    summary: "Every user of the organization with role, teams, state and open-deal count", errors: [403],
    response: { status: 200, schema: userListSchema, description: "Active users first, then by name." },
  },
  {
    method: "POST", path: "/api/v1/admin/users", operationId: "createAdminUser", tag: "Administration",
    summary: "Create a user with an initial password (no email is sent); a taken email → 422 on email",
    body: userCreateSchema,
    response: { status: 201, schema: userOutputSchema, description: "The new user.", hasLocation: true },
  },
  {
    method: "GET", path: "/api/v1/admin/users/:id", operationId: "getAdminUser", tag: "Administration",
    summary: "One user of the organization", errors: [403],
    response: { status: 200, schema: userOutputSchema, description: "The user." },
  },
  {
    method: "PATCH", path: "/api/v1/admin/users/:id", operationId: "updateAdminUser", tag: "Administration",
    summary: "Change a user's name, role or teams; not your own role, and never demote the last active admin",
    body: userUpdateSchema,
    response: { status: 200, schema: userOutputSchema, description: "The updated user." },
  },
  {
    method: "POST", path: "/api/v1/admin/users/:id/deactivate", operationId: "deactivateAdminUser", tag: "Administration",
    summary: "Deactivate a user: their sessions and API tokens end at once, their deals stay; not yourself nor the last admin",
    errors: [409],
    response: { status: 200, schema: userOutputSchema, description: "The deactivated user." },
  },
  {
    method: "POST", path: "/api/v1/admin/users/:id/reactivate", operationId: "reactivateAdminUser", tag: "Administration",
    summary: "Let a deactivated user sign in again",
    response: { status: 200, schema: userOutputSchema, description: "The reactivated user." },
  },
  {
    method: "POST", path: "/api/v1/admin/users/:id/reassign-deals", operationId: "reassignAdminUserDeals", tag: "Administration",
    summary: "Hand every open deal (P0–P6) of the user to another active user; stages untouched, each version + 1",
    body: reassignDealsSchema,
    response: { status: 200, schema: reassignResultSchema, description: "How many deals changed owner, and which." },
  },
  {
    method: "GET", path: "/api/v1/admin/teams", operationId: "listAdminTeams", tag: "Administration",
    summary: "The organization's teams with kind, manager and members", errors: [403],
    response: { status: 200, schema: teamListSchema, description: "Teams by name." },
  },
  {
    method: "POST", path: "/api/v1/admin/teams", operationId: "createAdminTeam", tag: "Administration",
    summary: "Create a team; the manager is an active sales manager or administrator and always a member",
    body: teamCreateSchema,
    response: { status: 201, schema: teamOutputSchema, description: "The new team." },
  },
  {
    method: "PATCH", path: "/api/v1/admin/teams/:id", operationId: "updateAdminTeam", tag: "Administration",
    summary: "Rename a team, change its kind, manager or members (memberIds replaces the membership)",
    body: teamUpdateSchema,
    response: { status: 200, schema: teamOutputSchema, description: "The updated team." },
  },
  {
    method: "GET", path: "/api/v1/admin/lists", operationId: "listAdminListItems", tag: "Administration",
    summary: "Items of the maintained lists (product lines, segments, regions, industries, loss reasons, activity types)",
    query: listQuerySchema, errors: [403],
    response: { status: 200, schema: listItemListSchema, description: "Items by list, then display order; inactive ones included." },
  },
  {
    method: "POST", path: "/api/v1/admin/lists", operationId: "createAdminListItem", tag: "Administration",
    summary: "Add an item to a list with English and Chinese labels; the key comes from the English label unless given",
    body: listItemCreateSchema,
    response: { status: 201, schema: listItemOutputSchema, description: "The new item, last in its list." },
  },
  {
    method: "POST", path: "/api/v1/admin/lists/reorder", operationId: "reorderAdminList", tag: "Administration",
    summary: "Put a list in a new order: send every item's id exactly once",
    body: listReorderSchema,
    response: { status: 200, schema: listItemListSchema, description: "The list in its new order." },
  },
  {
    method: "PATCH", path: "/api/v1/admin/lists/:id", operationId: "updateAdminListItem", tag: "Administration",
    summary: "Relabel, deactivate or reactivate a list item (items are never deleted)",
    body: listItemUpdateSchema,
    response: { status: 200, schema: listItemOutputSchema, description: "The updated item." },
  },
  {
    method: "GET", path: "/api/v1/admin/audit/export.csv", operationId: "exportAuditLogCsv", tag: "Administration",
    summary: "The audit trail matching the filters (action, entity type, actor, from/to dates in UTC) as a streamed CSV file",
    query: auditQuerySchema, errors: [403],
    response: {
      status: 200, schema: auditCsvSchema, mediaType: "text/csv",
      description: "An attachment audit-log-YYYY-MM-DD.csv: a header row, then one record per entry, newest first.",
    },
  },
];
