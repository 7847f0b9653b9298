// REST API v1 routes of the recycle bin, imports and exports (issue 9); spliced into the one route table
// (lib/api/routes.ts), from which the OpenAPI document is generated.
import { recycleBinListSchema, recycleBinQuerySchema, recycleBinTypeSchema } from "@/lib/validations/recycle-bin";
import type { ApiRouteSpec } from "./routes";

export const TRUST_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "DELETE", path: "/api/v1/contacts/:id", operationId: "deleteContact", tag: "Accounts", errors: [403],
    summary: "Move a contact to the recycle bin (its account's owner, managers and admins)",
    response: { status: 204, description: "In the recycle bin for 30 days." },
  },
  {
    method: "GET", path: "/api/v1/recycle-bin", operationId: "listRecycleBin", tag: "Recycle bin",
    summary: "Deleted accounts, contacts and deals the caller may see, newest deletion first, with the date each is purged",
    query: recycleBinQuerySchema,
    response: { status: 200, schema: recycleBinListSchema, description: "The items in the recycle bin." },
  },
  {
    method: "POST", path: "/api/v1/recycle-bin/:type/:id/restore", operationId: "restoreFromRecycleBin", tag: "Recycle bin",
    summary: "Restore a deleted record with its history and relations; an account brings back the contacts deleted with it",
    pathParams: { type: recycleBinTypeSchema }, errors: [403, 409, 422],
    response: { status: 204, description: "Restored." },
  },
  {
    method: "DELETE", path: "/api/v1/recycle-bin/:type/:id", operationId: "purgeFromRecycleBin", tag: "Recycle bin",
    summary: "Delete a record in the recycle bin permanently (administrators only)",
    pathParams: { type: recycleBinTypeSchema }, errors: [403, 422],
    response: { status: 204, description: "Gone for good." },
  },
];
