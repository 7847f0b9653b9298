// Forecast, quotas, snapshots, calibration and warnings (issue 8): the query strings and bodies the REST API
// and the dashboard accept, and the JSON they answer. Money is a decimal string.
import { z } from "zod";
import {
  FORECAST_CATEGORIES, FORECAST_DIMENSIONS, type ForecastDimension, OVERRIDABLE_CATEGORIES, PERIOD_PATTERN, rollingMonths,
} from "@/lib/domain/forecast";
import { dateSchema, idSchema, moneySchema } from "./common";

const dimensionList = z
  .string()
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(FORECAST_DIMENSIONS, { error: `Use ${FORECAST_DIMENSIONS.join(", ")}.` })).min(1).max(2, { error: "At most two dimensions." }))
  .meta({ type: "string", example: "team,quarter", description: `One or two of ${FORECAST_DIMENSIONS.join("|")}, comma-separated.` });

const rangeCheck = {
  check: (input: { from: string; to: string }) => input.from <= input.to,
  params: { path: ["to"], error: "Must be on or after from." },
};

/** The resolved query of a forecast: a closed date range and the grouping. */
export type ForecastQuery = { from: string; to: string; groupBy?: ForecastDimension[] };

/** GET /api/v1/forecast: either from and to, or a rolling window of N months starting this month. */
export const forecastQuerySchema = z.strictObject({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  rollingMonths: z.coerce.number().int().min(1).max(36).optional()
    .meta({ description: "Instead of from/to: from the first of this month through the end of the month N−1 months later." }),
  groupBy: dimensionList.optional(),
}).superRefine((input, context) => {
  const hasRange = input.from !== undefined || input.to !== undefined;
  if (input.rollingMonths !== undefined && hasRange) {
    context.addIssue({ code: "custom", path: ["rollingMonths"], message: "Use either from and to, or rollingMonths." });
  } else if (input.rollingMonths === undefined) {
    if (input.from === undefined) context.addIssue({ code: "custom", path: ["from"], message: "Required unless rollingMonths is given." });
    if (input.to === undefined) context.addIssue({ code: "custom", path: ["to"], message: "Required unless rollingMonths is given." });
    if (input.from !== undefined && input.to !== undefined && !rangeCheck.check({ from: input.from, to: input.to })) {
      context.addIssue({ code: "custom", path: ["to"], message: "Must be on or after from." });
    }
  }
});

/** The date range a validated forecast query asks for (rolling windows start in the month of `today`). */
export function resolveForecastQuery(input: z.output<typeof forecastQuerySchema>, today: Date): ForecastQuery {
  const range = input.rollingMonths !== undefined ? rollingMonths(today, input.rollingMonths) : { from: input.from ?? "", to: input.to ?? "" };
  return { ...range, groupBy: input.groupBy };
}

/** One cell of a drill-down: the same period and grouping, and the key of the cell ("" for none). */
export const forecastDealsQuerySchema = z.strictObject({
  from: dateSchema,
  to: dateSchema,
  groupBy: dimensionList.optional(),
  key: z.string().max(400).optional().meta({ description: "The row key from GET /api/v1/forecast (parts joined by |)." }),
}).refine(rangeCheck.check, rangeCheck.params);
export type ForecastDealsQuery = z.output<typeof forecastDealsQuerySchema>;

const figures = {
  count: z.number().int(),
  amount: z.string(),
  weightedAmount: z.string(),
};

export const forecastRowSchema = z.object({
  key: z.string().meta({ description: "The group's values joined by | (empty for none)." }),
  label: z.string(),
  keys: z.array(z.string().nullable()),
  labels: z.array(z.string()),
  ...figures,
});

export const forecastOutputSchema = z.object({
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.array(z.enum(FORECAST_DIMENSIONS)),
  rows: z.array(forecastRowSchema),
  total: z.object(figures),
  categories: z.array(z.object({ category: z.enum(FORECAST_CATEGORIES), ...figures })),
}).meta({ id: "Forecast" });
export type ForecastOutput = z.output<typeof forecastOutputSchema>;
export type ForecastRow = z.output<typeof forecastRowSchema>;

export const forecastDealSchema = z.object({
  id: z.string(), name: z.string(), accountName: z.string(), ownerName: z.string(), stage: z.string(),
  category: z.enum(FORECAST_CATEGORIES), amount: z.string(), weightedAmount: z.string(), expectedCloseDate: z.string(),
});
export const forecastDealListSchema = z.object({ data: z.array(forecastDealSchema), truncated: z.boolean() }).meta({ id: "ForecastDealList" });
export type ForecastDeal = z.output<typeof forecastDealSchema>;

export const forecastCategoryUpdateSchema = z.strictObject({
  category: z.enum(OVERRIDABLE_CATEGORIES, { error: "Use PIPELINE, BEST_CASE, COMMIT or OMITTED." }).nullable()
    .meta({ description: "null returns to the stage's default." }),
  version: z.number().int().min(1),
}).meta({ id: "ForecastCategoryUpdate" });

export const periodSchema = z.string().regex(PERIOD_PATTERN, { error: "Use YYYY, YYYY-Qn or YYYY-MM." });

export const quotaInputSchema = z.strictObject({
  subjectType: z.enum(["USER", "TEAM"]),
  subjectId: idSchema,
  period: periodSchema,
  amount: moneySchema,
}).meta({ id: "QuotaInput" });
export type QuotaInput = z.output<typeof quotaInputSchema>;
export const quotaQuerySchema = z.strictObject({ period: periodSchema });

export const quotaOutputSchema = z.object({
  subjectType: z.enum(["USER", "TEAM"]), subjectId: z.string(), subjectName: z.string(), period: z.string(),
  quota: z.string().nullable(), won: z.string(), weightedOpen: z.string(),
  attainment: z.number().nullable(), coverage: z.number().nullable(),
}).meta({ id: "QuotaProgress" });
export const quotaListSchema = z.object({ data: z.array(quotaOutputSchema) }).meta({ id: "QuotaProgressList" });
export type QuotaOutput = z.output<typeof quotaOutputSchema>;

export const snapshotCreateSchema = z.strictObject({ period: periodSchema.optional() }).meta({ id: "ForecastSnapshotCreate" });
export const snapshotQuerySchema = z.strictObject({ period: periodSchema.optional() });
export const snapshotOutputSchema = z.object({
  id: z.string(), subjectType: z.enum(["USER", "TEAM"]), subjectId: z.string(), subjectName: z.string(),
  period: z.string(), kind: z.enum(["AUTO", "MANUAL"]), takenAt: z.string(), ...figures,
  categories: z.record(z.string(), z.object(figures)),
}).meta({ id: "ForecastSnapshot" });
export const snapshotListSchema = z.object({ data: z.array(snapshotOutputSchema) }).meta({ id: "ForecastSnapshotList" });
export type SnapshotOutput = z.output<typeof snapshotOutputSchema>;

export const accuracyQuerySchema = z.strictObject({ period: periodSchema });
export const accuracyOutputSchema = z.object({
  period: z.string(),
  data: z.array(z.object({
    subjectType: z.enum(["USER", "TEAM"]), subjectId: z.string(), subjectName: z.string(),
    snapshotAt: z.string(), kind: z.enum(["AUTO", "MANUAL"]), forecast: z.string(), won: z.string(), errorPct: z.number().nullable(),
  })),
}).meta({ id: "ForecastAccuracy" });
export type AccuracyOutput = z.output<typeof accuracyOutputSchema>;

export const calibrationOutputSchema = z.object({
  data: z.array(z.object({
    stage: z.string(), configuredProbability: z.number(), reached: z.number().int(), won: z.number().int(),
    lost: z.number().int(), open: z.number().int(), observedWinRate: z.number().nullable(),
  })),
}).meta({ id: "ForecastCalibration" });
export type CalibrationOutput = z.output<typeof calibrationOutputSchema>;

export const warningQuerySchema = z.strictObject({
  scope: z.enum(["mine", "team", "org"]).default("mine"),
  includeDismissed: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
});
export const warningActionSchema = z.strictObject({
  opportunityId: idSchema,
  rule: z.string().min(1).max(40),
  action: z.enum(["acknowledge", "snooze"]),
  snoozeDays: z.number().int().min(1).max(90).optional(),
}).meta({ id: "WarningAction" });
export type WarningAction = z.output<typeof warningActionSchema>;
