// REST API v1 routes of the customer decision cycle (issue 5); spliced into the one route table
// (lib/api/routes.ts), from which the OpenAPI document is generated.
import {
  decisionCycleOutputSchema, decisionStageChangeSchema, decisionSummaryQuerySchema, decisionSummarySchema, purchaseStepKeySchema,
  purchaseStepOutputSchema, purchaseStepUpdateSchema,
} from "@/lib/validations/decision-cycle";
import type { ApiRouteSpec } from "./routes";

export const DECISION_CYCLE_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "GET", path: "/api/v1/opportunities/:id/decision-cycle", operationId: "getDecisionCycle", tag: "Opportunities",
    summary: "The customer's decision-cycle stage, the stage the deal's P stage expects, whether the deal runs ahead of its customer (gap), the history and the purchase steps",
    response: { status: 200, schema: decisionCycleOutputSchema, description: "status AHEAD flags a deal ahead of its customer; P7 and LOST are CLOSED, never flagged." },
  },
  {
    method: "PUT", path: "/api/v1/opportunities/:id/decision-cycle", operationId: "changeDecisionStage", tag: "Opportunities",
    summary: "Record where the customer now is in its decision cycle, with a note or an activity of the deal as evidence; appended to the history, never overwriting it",
    body: decisionStageChangeSchema,
    response: { status: 200, schema: decisionCycleOutputSchema, description: "The decision cycle after the change." },
  },
  {
    method: "PUT", path: "/api/v1/opportunities/:id/purchase-steps/:step", operationId: "setPurchaseStep", tag: "Opportunities",
    summary: "Tick or untick one of the customer's purchase steps (采购步骤); a done step carries its date, today when none is given",
    pathParams: { step: purchaseStepKeySchema }, body: purchaseStepUpdateSchema,
    response: { status: 200, schema: purchaseStepOutputSchema, description: "The step as stored." },
  },
  {
    method: "GET", path: "/api/v1/decision-cycle/summary", operationId: "getDecisionCycleSummary", tag: "Pipeline",
    summary: "Accounts and open deals per customer decision stage for scope mine, team or org (deals as visible as on the board; a REP has mine only), with the share of accounts in Satisfaction",
    query: decisionSummaryQuerySchema, errors: [403],
    response: { status: 200, schema: decisionSummarySchema, description: "Counts per stage." },
  },
];
