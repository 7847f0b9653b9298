// REST API v1 routes of the forecast, quotas, snapshots, calibration and warnings (issue 8); spliced into the
// one route table (lib/api/routes.ts), from which the OpenAPI document is generated.
import { z } from "zod";
import {
  accuracyOutputSchema, accuracyQuerySchema, calibrationOutputSchema, forecastCategoryUpdateSchema, forecastDealListSchema,
  forecastDealsQuerySchema, forecastOutputSchema, forecastQuerySchema, quotaInputSchema, quotaListSchema, quotaOutputSchema,
  quotaQuerySchema, snapshotCreateSchema, snapshotListSchema, snapshotOutputSchema, snapshotQuerySchema, warningActionSchema,
  warningQuerySchema,
} from "@/lib/validations/forecast";
import type { ApiRouteSpec } from "./routes";

const warningListSchema = z.object({
  data: z.array(z.object({
    rule: z.string(), severity: z.enum(["high", "medium", "low"]), message: z.object({ en: z.string(), "zh-CN": z.string() }),
    opportunityId: z.string(), opportunityName: z.string(), ownerId: z.string(), ownerName: z.string(), stage: z.string(),
    acknowledged: z.boolean(), snoozedUntil: z.string().nullable(),
  })),
}).meta({ id: "WarningList" });

const funnelSchema = z.object({
  stages: z.array(z.object({
    stage: z.string(), reached: z.number(), conversionToNext: z.number().nullable(), avgDaysInStage: z.number().nullable(), medianDaysInStage: z.number().nullable(),
  })),
  winRate: z.number().nullable(), averageWonAmount: z.string().nullable(), averageCycleDays: z.number().nullable(),
  monthly: z.array(z.object({ month: z.string(), won: z.number(), lost: z.number(), wonAmount: z.string() })),
}).meta({ id: "FunnelStats" });

export const FORECAST_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "GET", path: "/api/v1/forecast", operationId: "getForecast", tag: "Pipeline",
    summary: "Weighted forecast (Σ amount × stage probability) of the visible P0–P7 deals closing in [from, to] or in the rolling next rollingMonths months, by up to two dimensions, with per-category totals; exact, rounded once",
    query: forecastQuerySchema,
    response: { status: 200, schema: forecastOutputSchema, description: "Rows per group and the total, money as decimal strings." },
  },
  {
    method: "GET", path: "/api/v1/forecast/deals", operationId: "listForecastDeals", tag: "Pipeline",
    summary: "The deals that make up one forecast cell (the row key of GET /api/v1/forecast), largest first, at most 500",
    query: forecastDealsQuerySchema,
    response: { status: 200, schema: forecastDealListSchema, description: "The deals of the cell." },
  },
  {
    method: "GET", path: "/api/v1/forecast/snapshots", operationId: "listForecastSnapshots", tag: "Pipeline",
    summary: "Frozen forecasts (weekly AUTO and submitted MANUAL) the caller may read: own, a manager's teams and members, an admin's org",
    query: snapshotQuerySchema,
    response: { status: 200, schema: snapshotListSchema, description: "Newest first." },
  },
  {
    method: "POST", path: "/api/v1/forecast/snapshots", operationId: "submitForecast", tag: "Pipeline",
    summary: "Submit my forecast for a period (default: this quarter); frozen, never changed",
    body: snapshotCreateSchema,
    response: { status: 201, schema: snapshotOutputSchema, description: "The snapshot." },
  },
  {
    method: "GET", path: "/api/v1/forecast/accuracy", operationId: "getForecastAccuracy", tag: "Pipeline",
    summary: "Each readable snapshot of a period against what its rep or team won in that period, with the error in %",
    query: accuracyQuerySchema,
    response: { status: 200, schema: accuracyOutputSchema, description: "One entry per snapshot." },
  },
  {
    method: "GET", path: "/api/v1/forecast/calibration", operationId: "getForecastCalibration", tag: "Pipeline",
    summary: "Configured probability of each stage next to the win rate observed from the visible deals that reached it, with counts",
    response: { status: 200, schema: calibrationOutputSchema, description: "P0–P7 in order." },
  },
  {
    method: "GET", path: "/api/v1/forecast/funnel", operationId: "getFunnelStats", tag: "Pipeline",
    summary: "Stage conversion, average and median days in stage, win rate, average won amount, cycle length and the monthly trend",
    response: { status: 200, schema: funnelSchema, description: "Funnel and cycle statistics of the visible deals." },
  },
  {
    method: "GET", path: "/api/v1/forecast/quotas", operationId: "listQuotaProgress", tag: "Pipeline",
    summary: "Quota, won, weighted open pipeline, attainment and coverage of each user and team the caller reaches, for a period",
    query: quotaQuerySchema,
    response: { status: 200, schema: quotaListSchema, description: "Teams first, then users." },
  },
  {
    method: "PUT", path: "/api/v1/forecast/quotas", operationId: "setQuota", tag: "Pipeline",
    summary: "Set a user's or team's quota for a period; managers for their teams and members, admins for anyone",
    body: quotaInputSchema, errors: [404],
    response: { status: 200, schema: quotaOutputSchema, description: "The subject's progress with the new quota." },
  },
  {
    method: "PUT", path: "/api/v1/opportunities/:id/forecast-category", operationId: "setForecastCategory", tag: "Opportunities",
    summary: "The owner's override of an open deal's forecast category (null: the stage's default); version-checked",
    body: forecastCategoryUpdateSchema, errors: [409],
    response: { status: 200, schema: z.object({ category: z.string(), version: z.number() }).meta({ id: "ForecastCategory" }), description: "The category in force and the new version." },
  },
  {
    method: "GET", path: "/api/v1/warnings", operationId: "listWarnings", tag: "Pipeline",
    summary: "Early warnings on the caller's open deals (scope mine|team|org), each rule explaining itself in en and zh-CN",
    query: warningQuerySchema,
    response: { status: 200, schema: warningListSchema, description: "Most severe first; acknowledged and snoozed ones only with includeDismissed=true." },
  },
  {
    method: "POST", path: "/api/v1/warnings", operationId: "actOnWarning", tag: "Pipeline",
    summary: "Acknowledge or snooze (snoozeDays, default 7) one warning of a visible deal, for the caller",
    body: warningActionSchema, errors: [404],
    response: { status: 204, description: "Stored." },
  },
];
