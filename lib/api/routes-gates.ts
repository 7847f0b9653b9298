// REST API v1 routes of stage configuration, gates, checklist evidence and approvals (issue 4); spliced into
// the one route table (lib/api/routes.ts), from which the OpenAPI document is generated.
import {
  approvalCreateSchema, approvalDecisionSchema, approvalListQuerySchema, approvalListSchema, approvalOutputSchema,
  checklistTickResultSchema, checklistTickSchema, gateCriterionInputSchema, gateCriterionListQuerySchema, gateCriterionListSchema,
  gateCriterionOutputSchema, gateStatusQuerySchema, gateStatusSchema, storedFileListSchema, storedFileOutputSchema,
} from "@/lib/validations/gates";
import { stageSchema } from "@/lib/validations/common";
import { stageSettingListSchema, stageSettingOutputSchema, stageSettingUpdateSchema } from "@/lib/validations/stage-config";
import type { ApiRouteSpec } from "./routes";

export const GATE_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "GET", path: "/api/v1/admin/stages", operationId: "listStageSettings", tag: "Administration", errors: [403],
    summary: "Every stage's effective settings (name, probability, limit, expected decision stage, guidance) and which the org overrides; admins only",
    response: { status: 200, schema: stageSettingListSchema, description: "Stages in pipeline order." },
  },
  {
    method: "PUT", path: "/api/v1/admin/stages/:key", operationId: "updateStageSetting", tag: "Administration",
    summary: "Change one stage's settings (null resets to the default); probabilities stay in [0, 1] and non-decreasing P0→P7, P7 100%, LOST 0%; audited",
    pathParams: { key: stageSchema }, body: stageSettingUpdateSchema,
    response: { status: 200, schema: stageSettingOutputSchema, description: "The stage as now in force; later moves use it, history keeps the old probability." },
  },
  {
    method: "GET", path: "/api/v1/admin/gates", operationId: "listGateCriteria", tag: "Administration", errors: [403],
    summary: "The org's active gate criteria, in stage order then the admin's order; admins only",
    query: gateCriterionListQuerySchema,
    response: { status: 200, schema: gateCriterionListSchema, description: "The criteria." },
  },
  {
    method: "POST", path: "/api/v1/admin/gates", operationId: "createGateCriterion", tag: "Administration",
    summary: "Add an entry criterion to a stage: REQUIRED_FIELDS, CHECKLIST, ACTIVITY or APPROVAL, mode BLOCK or WARN; audited",
    body: gateCriterionInputSchema,
    response: { status: 201, schema: gateCriterionOutputSchema, description: "The new criterion.", hasLocation: true },
  },
  {
    method: "PUT", path: "/api/v1/admin/gates/:id", operationId: "updateGateCriterion", tag: "Administration",
    summary: "Replace a criterion's stage, kind, label, config and mode; audited",
    body: gateCriterionInputSchema,
    response: { status: 200, schema: gateCriterionOutputSchema, description: "The criterion as stored." },
  },
  {
    method: "DELETE", path: "/api/v1/admin/gates/:id", operationId: "deleteGateCriterion", tag: "Administration",
    summary: "Remove a criterion from its stage's gate (ticks and exceptions that name it are kept); audited",
    response: { status: 204, description: "Removed." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/gates", operationId: "getOpportunityGates", tag: "Gates",
    summary: "The gate checklist of a move (?to=, default the next stage; skipped stages included): each criterion, met or not, with its evidence",
    query: gateStatusQuerySchema,
    response: { status: 200, schema: gateStatusSchema, description: "Criteria in stage order; `canMove` when every BLOCK criterion is met." },
  },
  {
    method: "POST", path: "/api/v1/opportunities/:id/checklist/:criterionId", operationId: "tickChecklistItem", tag: "Gates",
    summary: "Tick a CHECKLIST criterion with exactly one piece of evidence: an activity or an uploaded file of the same deal",
    body: checklistTickSchema,
    response: { status: 200, schema: checklistTickResultSchema, description: "The tick with who, when and the evidence." },
  },
  {
    method: "DELETE", path: "/api/v1/opportunities/:id/checklist/:criterionId", operationId: "untickChecklistItem", tag: "Gates",
    summary: "Untick a CHECKLIST criterion (idempotent)",
    response: { status: 204, description: "Unticked." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/files", operationId: "listOpportunityFiles", tag: "Gates",
    summary: "The deal's uploaded evidence files, newest first",
    response: { status: 200, schema: storedFileListSchema, description: "The files." },
  },
  {
    method: "POST", path: "/api/v1/opportunities/:id/files", operationId: "uploadOpportunityFile", tag: "Gates", errors: [400, 422],
    summary: "Upload an evidence file as multipart/form-data (field \"file\"): at most 10 MB; PDF, images, text, CSV, Office or ZIP",
    response: { status: 201, schema: storedFileOutputSchema, description: "The stored file; download it at the Location.", hasLocation: true },
  },
  {
    method: "GET", path: "/api/v1/files/:id", operationId: "downloadFile", tag: "Gates",
    summary: "Download an evidence file (always as an attachment) of a deal the caller can see",
    response: { status: 200, description: "The file's bytes with its media type and name.", mediaType: "application/octet-stream" },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/approvals", operationId: "listOpportunityApprovals", tag: "Approvals",
    summary: "The deal's approval requests and decisions, newest first",
    response: { status: 200, schema: approvalListSchema, description: "The requests." },
  },
  {
    method: "POST", path: "/api/v1/opportunities/:id/approvals", operationId: "requestApproval", tag: "Approvals", errors: [409],
    summary: "Ask a manager of the deal's team to approve a move to a stage (立项 and other APPROVAL gates); one open request per stage",
    body: approvalCreateSchema,
    response: { status: 201, schema: approvalOutputSchema, description: "The pending request." },
  },
  {
    method: "GET", path: "/api/v1/approvals", operationId: "listApprovals", tag: "Approvals",
    summary: "Requests on deals of the teams the caller manages (all for an admin) and the caller's own; ?status=PENDING is a manager's inbox",
    query: approvalListQuerySchema,
    response: { status: 200, schema: approvalListSchema, description: "Newest first." },
  },
  {
    method: "POST", path: "/api/v1/approvals/:id/decision", operationId: "decideApproval", tag: "Approvals", errors: [403, 409],
    summary: "Approve or reject with a comment: a manager of the deal's team or an admin, never the requester; an approval lets one move through",
    body: approvalDecisionSchema,
    response: { status: 200, schema: approvalOutputSchema, description: "The decided request." },
  },
];
