// REST API v1 routes of project analysis (issue 7): fishbone, SWOT/TOWS, competitors, positioning, the health
// score, the close-out review and the scorecard settings; spliced into the one route table (lib/api/routes.ts).
import {
  analysisSettingsSchema, closeOutFormOptionsSchema, closeOutReviewOutputSchema, closeOutReviewSchema, competitorsSchema, fishboneSchema, healthScoreOutputSchema,
  positioningSchema, reasonReportQuerySchema, reasonReportSchema, reviewDecisionOutputSchema, reviewDecisionStatusSchema, swotSchema,
} from "@/lib/validations/analysis";
import type { ApiRouteSpec } from "./routes";

const documentRoutes = (segment: string, operation: string, what: string, schema: ApiRouteSpec["body"]): ApiRouteSpec[] => [
  {
    method: "GET", path: `/api/v1/opportunities/:id/${segment}`, operationId: `get${operation}`, tag: "Analysis",
    summary: `The deal's ${what}; version 0 means never saved (the empty default)`,
    response: { status: 200, schema, description: `The ${what} with its version.` },
  },
  {
    method: "PUT", path: `/api/v1/opportunities/:id/${segment}`, operationId: `replace${operation}`, tag: "Analysis", errors: [409],
    summary: `Replace the deal's ${what} (whoever may see the deal); with \`version\` a stale save is refused (409); errors name each bad path`,
    body: schema,
    response: { status: 200, schema, description: `The ${what} as stored (version + 1).` },
  },
];

export const ANALYSIS_API_ROUTES: readonly ApiRouteSpec[] = [
  ...documentRoutes("fishbone", "Fishbone", "fishbone (head, categories, nested causes with owner, action, due date, status)", fishboneSchema),
  ...documentRoutes("swot", "Swot", "SWOT quadrants and TOWS strategies", swotSchema),
  ...documentRoutes("competitors", "Competitors", "competitors with their golden triangles", competitorsSchema),
  ...documentRoutes("positioning", "Positioning", "four-element positioning (need, budget, decision chain, timeline: 0–5)", positioningSchema),
  {
    method: "GET", path: "/api/v1/opportunities/:id/score", operationId: "getHealthScore", tag: "Analysis",
    summary: "The deal's health score 0–100, its A/B/C grade and each factor's contribution (factors without data are listed as not counted)",
    response: { status: 200, schema: healthScoreOutputSchema, description: "The score, computed now." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/review", operationId: "getCloseOutReview", tag: "Analysis",
    summary: "The deal's close-out (win/loss) review; 404 until one is written",
    response: { status: 200, schema: closeOutReviewOutputSchema, description: "The review." },
  },
  {
    method: "PUT", path: "/api/v1/opportunities/:id/review", operationId: "saveCloseOutReview", tag: "Analysis",
    summary: "Write the close-out review: reasons are active keys of WIN_REASON (a P7 deal) or LOSS_REASON; a LOST review may precede the move to LOST",
    body: closeOutReviewSchema,
    response: { status: 200, schema: closeOutReviewOutputSchema, description: "The review as stored." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/review/options", operationId: "getCloseOutFormOptions", tag: "Analysis",
    summary: "What the close-out review form offers: the deal's review (or null), the active win and loss reasons, the deal's competitors",
    response: { status: 200, schema: closeOutFormOptionsSchema, description: "The review and its choices." },
  },
  {
    method: "GET", path: "/api/v1/close-out-reasons", operationId: "reportCloseOutReasons", tag: "Analysis",
    summary: "Win/loss reasons across the close-out reviews of the closed deals you can see, optionally closed in a period (from/to, inclusive) and of one team",
    query: reasonReportQuerySchema,
    response: { status: 200, schema: reasonReportSchema, description: "Counts per reason, incomplete reviews, competitors who won." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/file.pdf", operationId: "downloadProjectFilePdf", tag: "Analysis",
    summary: "The deal's project file (档案) as a PDF in the caller's language: key facts, stage history, activities, team, analysis and the close-out review; audited as an export",
    response: { status: 200, mediaType: "application/pdf", description: "An attachment project-file-<id>.pdf." },
  },
  {
    method: "PATCH", path: "/api/v1/review-decisions/:id", operationId: "setReviewDecisionStatus", tag: "Analysis",
    summary: "Mark a project-review-meeting decision done or open again: its owner, or a manager or admin who sees the deal; audited",
    body: reviewDecisionStatusSchema,
    response: { status: 200, schema: reviewDecisionOutputSchema, description: "The decision as stored." },
  },
  {
    method: "GET", path: "/api/v1/admin/analysis-settings", operationId: "getAnalysisSettings", tag: "Administration", errors: [403],
    summary: "Health-score weights per factor and the A/B/C grade thresholds; admins only",
    response: { status: 200, schema: analysisSettingsSchema, description: "The settings in force (defaults until saved)." },
  },
  {
    method: "PUT", path: "/api/v1/admin/analysis-settings", operationId: "updateAnalysisSettings", tag: "Administration",
    summary: "Replace the health-score weights and grade thresholds; audited",
    body: analysisSettingsSchema,
    response: { status: 200, schema: analysisSettingsSchema, description: "The settings as stored." },
  },
];
