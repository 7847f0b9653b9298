// The one list of REST API v1 endpoints. The OpenAPI document (lib/api/openapi.ts) is built from this
// table and the zod schemas it names, and an integration test checks that every route file under
// app/api/v1 exports exactly the methods listed here — so the documentation cannot drift from the code.
import type { z } from "zod";
import {
  accountCreateSchema, accountListQuerySchema, accountOutputSchema, accountUpdateSchema, contactCreateSchema, contactOutputSchema,
} from "@/lib/validations/account";
import {
  opportunityCreateSchema, opportunityListQuerySchema, opportunityOutputSchema, opportunityUpdateSchema, stageMoveSchema,
} from "@/lib/validations/opportunity";
import {
  bulkStageMoveResponseSchema, bulkStageMoveSchema, opportunityExportQuerySchema,
} from "@/lib/validations/opportunity-table";
import { activityCreateSchema, activityListQuerySchema, activityOutputSchema } from "@/lib/validations/activity";
import { teamOutputSchema, teamReplaceSchema } from "@/lib/validations/opportunity-team";
import { pipelineBoardQuerySchema, pipelineBoardSchema, pipelineColumnPageSchema, pipelineColumnQuerySchema } from "@/lib/validations/pipeline";
import { stageSchema } from "@/lib/validations/common";
import { tokenCreateSchema } from "@/lib/validations/token";
import {
  accountPageSchema, activityPageSchema, contactListSchema, meOutputSchema, opportunityCsvSchema, opportunityDeleteQuerySchema, opportunityPageSchema, stageHistorySchema,
  stageListSchema, tokenCreatedSchema, tokenListSchema,
} from "./schemas";
import { ADMIN_API_ROUTES } from "./routes-admin";
import { FORECAST_API_ROUTES } from "./routes-forecast";
import { GATE_API_ROUTES } from "./routes-gates";
import { BUYING_CENTER_API_ROUTES } from "./routes-buying-center";
import { DECISION_CYCLE_API_ROUTES } from "./routes-decision-cycle";
import { ANALYSIS_API_ROUTES } from "./routes-analysis";
import { CLOSE_OUT_API_ROUTES } from "./routes-close-out";
import { SECURITY_API_ROUTES } from "./routes-security";
import { TRUST_API_ROUTES } from "./routes-trust";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiRouteSpec = {
  method: HttpMethod;
  /** As in the route header comments: "/api/v1/opportunities/:id/stage". */
  path: string;
  operationId: string;
  summary: string;
  tag: "Profile" | "Stages" | "Accounts" | "Opportunities" | "Pipeline" | "Tokens" | "Documentation" | "Administration" | "Sign-up" | "Gates" | "Approvals" | "Analysis" | "Recycle bin" | "Import";
  /** No authentication (the documentation itself). */
  isPublic?: boolean;
  query?: z.ZodObject;
  /** Path parameters that are not uuids (e.g. a stage key), by name. */
  pathParams?: Record<string, z.ZodType>;
  body?: z.ZodType;
  response: {
    status: 200 | 201 | 204; schema?: z.ZodType; description: string; hasLocation?: boolean;
    /** The success body's media type when it is not JSON (e.g. "text/csv"). */
    mediaType?: string;
  };
  /**
   * Error statuses beyond those implied by the shape (401 unless public, 403 for a write, 404 for a path
   * id, 400 and 422 for a body, 422 for a query).
   */
  errors?: number[];
};

export const API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "GET", path: "/api/v1/openapi.json", operationId: "getOpenApiDocument", tag: "Documentation", isPublic: true,
    summary: "This OpenAPI 3.1 document",
    response: { status: 200, description: "The OpenAPI document." },
  },
  {
    method: "GET", path: "/api/v1/me", operationId: "getMe", tag: "Profile",
    summary: "The caller: id, email, name, role, organization, teams and language",
    response: { status: 200, schema: meOutputSchema, description: "The signed-in user." },
  },
  {
    method: "GET", path: "/api/v1/stages", operationId: "listStages", tag: "Stages",
    summary: "The stage table of the caller's organization (P0–P7, LOST) with win probabilities",
    response: { status: 200, schema: stageListSchema, description: "Stages in pipeline order." },
  },
  {
    method: "GET", path: "/api/v1/accounts", operationId: "listAccounts", tag: "Accounts",
    summary: "Accounts of the organization, alphabetical, cursor-paginated",
    query: accountListQuerySchema,
    response: { status: 200, schema: accountPageSchema, description: "One page of accounts." },
  },
  {
    method: "POST", path: "/api/v1/accounts", operationId: "createAccount", tag: "Accounts",
    summary: "Create an account", body: accountCreateSchema, errors: [403],
    response: { status: 201, schema: accountOutputSchema, description: "The new account.", hasLocation: true },
  },
  {
    method: "GET", path: "/api/v1/accounts/:id", operationId: "getAccount", tag: "Accounts",
    summary: "One account",
    response: { status: 200, schema: accountOutputSchema, description: "The account." },
  },
  {
    method: "PATCH", path: "/api/v1/accounts/:id", operationId: "updateAccount", tag: "Accounts",
    summary: "Edit an account (its owner, a manager or an admin)", body: accountUpdateSchema, errors: [403],
    response: { status: 200, schema: accountOutputSchema, description: "The updated account." },
  },
  {
    method: "DELETE", path: "/api/v1/accounts/:id", operationId: "deleteAccount", tag: "Accounts",
    summary: "Delete an account without live opportunities (managers and admins)", errors: [403, 409],
    response: { status: 204, description: "Deleted." },
  },
  {
    method: "GET", path: "/api/v1/accounts/:id/contacts", operationId: "listContacts", tag: "Accounts",
    summary: "Contacts of an account",
    response: { status: 200, schema: contactListSchema, description: "The account's contacts, alphabetical." },
  },
  {
    method: "POST", path: "/api/v1/accounts/:id/contacts", operationId: "createContact", tag: "Accounts",
    summary: "Add a contact to an account", body: contactCreateSchema, errors: [403],
    response: { status: 201, schema: contactOutputSchema, description: "The new contact." },
  },
  {
    method: "GET", path: "/api/v1/opportunities", operationId: "listOpportunities", tag: "Opportunities",
    summary: "Opportunities the caller may see, newest first, cursor-paginated",
    query: opportunityListQuerySchema,
    response: { status: 200, schema: opportunityPageSchema, description: "One page of opportunities." },
  },
  {
    method: "POST", path: "/api/v1/opportunities", operationId: "createOpportunity", tag: "Opportunities",
    summary: "Create an opportunity (for someone else: managers within their teams, admins)",
    body: opportunityCreateSchema, errors: [403],
    response: { status: 201, schema: opportunityOutputSchema, description: "The new opportunity.", hasLocation: true },
  },
  {
    method: "POST", path: "/api/v1/opportunities/bulk-stage", operationId: "moveOpportunitiesInBulk", tag: "Opportunities",
    summary: "Move up to 500 deals to one stage, each with its own version through the one stage-move path; one result per deal",
    body: bulkStageMoveSchema,
    response: { status: 200, schema: bulkStageMoveResponseSchema, description: "Per deal: moved (with the deal) or refused (code and reason)." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/export.csv", operationId: "exportOpportunitiesCsv", tag: "Opportunities",
    summary: "Every visible deal matching the board's filters as a streamed CSV file (UTF-8 with BOM, RFC 4180), in the table's order",
    query: opportunityExportQuerySchema, errors: [403],
    response: {
      status: 200, schema: opportunityCsvSchema, mediaType: "text/csv",
      description: "An attachment opportunities-YYYY-MM-DD.csv: a header row, then one record per deal; money as exact decimals.",
    },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id", operationId: "getOpportunity", tag: "Opportunities",
    summary: "One opportunity",
    response: { status: 200, schema: opportunityOutputSchema, description: "The opportunity." },
  },
  {
    method: "PATCH", path: "/api/v1/opportunities/:id", operationId: "updateOpportunity", tag: "Opportunities",
    summary: "Edit an opportunity; send the version you last read (stale → 409)",
    body: opportunityUpdateSchema, errors: [403, 409],
    response: { status: 200, schema: opportunityOutputSchema, description: "The updated opportunity (version + 1)." },
  },
  {
    method: "POST", path: "/api/v1/opportunities/:id/stage", operationId: "moveOpportunityStage", tag: "Opportunities",
    summary: "Move a deal to another stage; LOST needs a loss reason, a stale version → 409",
    body: stageMoveSchema, errors: [403, 409],
    response: { status: 200, schema: opportunityOutputSchema, description: "The moved opportunity (version + 1)." },
  },
  {
    method: "DELETE", path: "/api/v1/opportunities/:id", operationId: "deleteOpportunity", tag: "Opportunities",
    summary: "Delete an opportunity (soft); ?version= makes the delete conditional",
    query: opportunityDeleteQuerySchema, errors: [409],
    response: { status: 204, description: "Deleted." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/history", operationId: "listStageHistory", tag: "Opportunities",
    summary: "Stage history, oldest first, with the amount and probability in force at each move",
    response: { status: 200, schema: stageHistorySchema, description: "The stage changes." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/activities", operationId: "listOpportunityActivities", tag: "Opportunities",
    summary: "Activities logged on the deal (calls, visits, surveys, proposals …), newest first, cursor-paginated",
    query: activityListQuerySchema,
    response: { status: 200, schema: activityPageSchema, description: "One page of activities." },
  },
  {
    method: "POST", path: "/api/v1/opportunities/:id/activities", operationId: "logOpportunityActivity", tag: "Opportunities",
    summary: "Log an activity on the deal; contacts must belong to the deal's account, the type to the activity-type registry",
    body: activityCreateSchema,
    response: { status: 201, schema: activityOutputSchema, description: "The logged activity with its id." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/team", operationId: "getOpportunityTeam", tag: "Opportunities",
    summary: "The deal's virtual project team: members, their roles and bonus-pool shares",
    response: { status: 200, schema: teamOutputSchema, description: "The team." },
  },
  {
    method: "PUT", path: "/api/v1/opportunities/:id/team", operationId: "replaceOpportunityTeam", tag: "Opportunities",
    summary: "Replace the whole team (whoever may edit the deal); shares total exactly 100, members are active users of the org",
    body: teamReplaceSchema,
    response: { status: 200, schema: teamOutputSchema, description: "The team as stored." },
  },
  {
    method: "GET", path: "/api/v1/pipeline", operationId: "getPipelineBoard", tag: "Pipeline",
    summary: "The P0–P7 board: per stage the count, amount and weighted amount of the whole filtered set, and the first cards",
    query: pipelineBoardQuerySchema, errors: [403],
    response: { status: 200, schema: pipelineBoardSchema, description: "Columns P0…P7 and LOST in stage order." },
  },
  {
    method: "GET", path: "/api/v1/pipeline/:stage", operationId: "listPipelineColumn", tag: "Pipeline",
    summary: "More cards of one board column (same filters as the board), newest in the stage first",
    query: pipelineColumnQuerySchema, pathParams: { stage: stageSchema }, errors: [403],
    response: { status: 200, schema: pipelineColumnPageSchema, description: "One page of the column." },
  },
  {
    method: "GET", path: "/api/v1/tokens", operationId: "listTokens", tag: "Tokens",
    summary: "The caller's active personal API tokens (never the secret)",
    response: { status: 200, schema: tokenListSchema, description: "Active tokens, newest first." },
  },
  {
    method: "POST", path: "/api/v1/tokens", operationId: "createToken", tag: "Tokens",
    summary: "Create a personal API token; the secret is shown only in this response",
    body: tokenCreateSchema, errors: [403],
    response: { status: 201, schema: tokenCreatedSchema, description: "The new token with its secret." },
  },
  {
    method: "DELETE", path: "/api/v1/tokens/:id", operationId: "revokeToken", tag: "Tokens",
    summary: "Revoke one of the caller's tokens",
    response: { status: 204, description: "Revoked." },
  },
  ...ADMIN_API_ROUTES,
  ...GATE_API_ROUTES,
  ...BUYING_CENTER_API_ROUTES,
  ...DECISION_CYCLE_API_ROUTES,
  ...ANALYSIS_API_ROUTES,
  ...CLOSE_OUT_API_ROUTES,
  ...FORECAST_API_ROUTES,
  ...TRUST_API_ROUTES,
  ...SECURITY_API_ROUTES,
];
