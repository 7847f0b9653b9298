// Pipeline board filters and responses, shared by the board page, its URL and REST API v1. The page's
// query string uses the same names as the API, so a board view is a shareable, reloadable URL.
import { z } from "zod";
import { PIPELINE_MAX_OFFSET } from "@/lib/domain/pipeline-paging";
import { gradeSchema } from "./analysis";
import { dateSchema, idSchema, stageSchema } from "./common";
import { opportunityOutputSchema } from "./opportunity";

export const PIPELINE_SCOPES = ["mine", "team", "all"] as const;
export type PipelineScope = (typeof PIPELINE_SCOPES)[number];

/** Cards per column in the first page of every column. */
export const PIPELINE_PAGE_SIZE = 50;
/**
 * Cards per column the board page renders on the server: a tall screen's worth plus the rows scrolled
 * before the next page is asked for. The rest of the first page, and every page after it, comes from the
 * column API as the column scrolls; a smaller page keeps the first HTML and its hydration light.
 */
export const BOARD_FIRST_CARDS = 20;

const filterText = z.string().trim().min(1, { error: "Must not be empty." }).max(100, { error: "At most 100 characters." });

/** Query strings carry booleans as text; anything but these four is a mistake worth a 422. */
const booleanParam = z
  .enum(["true", "false", "1", "0"], { error: "Use true or false." })
  .transform((value) => value === "true" || value === "1");

export const pipelineFilterFields = {
  ownerId: idSchema.optional(),
  teamId: idSchema.optional(),
  productLine: filterText.optional(),
  segment: filterText.optional(),
  region: filterText.optional(),
  closeFrom: dateSchema.optional().meta({ description: "Expected close date on or after (YYYY-MM-DD)." }),
  closeTo: dateSchema.optional().meta({ description: "Expected close date on or before (YYYY-MM-DD)." }),
  q: z.string().trim().max(200, { error: "At most 200 characters." }).optional()
    .meta({ description: "Text in the deal name or the account name." }),
  scope: z.enum(PIPELINE_SCOPES, { error: "Use mine, team or all." }).optional()
    .meta({ description: "mine: own deals; team: deals of the teams the caller belongs to or manages; all: every visible deal. A REP has only mine." }),
  stalledOnly: booleanParam.optional().meta({ description: "Only deals longer in their stage than the stage allows." }),
  grade: gradeSchema.optional().meta({ description: "Only deals of this A/B/C grade (their last computed health grade)." }),
};

const closeRangeCheck = {
  check: (input: { closeFrom?: string; closeTo?: string }) => !input.closeFrom || !input.closeTo || input.closeFrom <= input.closeTo,
  params: { path: ["closeTo"], error: "Must be on or after closeFrom." },
};

const pageLimit = z.coerce.number().int().min(1).max(200).default(PIPELINE_PAGE_SIZE);

export const pipelineFilterSchema = z.strictObject(pipelineFilterFields).refine(closeRangeCheck.check, closeRangeCheck.params);

export const pipelineBoardQuerySchema = z
  .strictObject({
    ...pipelineFilterFields,
    limit: z.coerce.number().int().min(0).max(200).default(PIPELINE_PAGE_SIZE)
      .meta({ description: "Cards in each column's first page; 0 returns the column totals only." }),
  })
  .refine(closeRangeCheck.check, closeRangeCheck.params);

export const pipelineColumnQuerySchema = z
  .strictObject({
    ...pipelineFilterFields,
    limit: pageLimit,
    cursor: z.string().max(500).optional(),
    offset: z.coerce.number().int({ error: "Use a whole number of cards." }).min(0, { error: "Use a position ≥ 0." })
      .max(PIPELINE_MAX_OFFSET, { error: `At most ${PIPELINE_MAX_OFFSET}.` }).optional()
      .meta({ description: "Start at this position in the column (0 = the newest), in the same order, instead of after a cursor: for a scrollbar dragged far down. The page's nextCursor continues from there." }),
  })
  .refine(closeRangeCheck.check, closeRangeCheck.params)
  .refine((query) => query.offset === undefined || query.cursor === undefined, { path: ["offset"], error: "Send either cursor or offset, not both." });

export type PipelineFilters = z.output<typeof pipelineFilterSchema>;
export type PipelineBoardQuery = z.output<typeof pipelineBoardQuerySchema>;
export type PipelineColumnQuery = z.output<typeof pipelineColumnQuerySchema>;

const nextCursor = z.string().nullable().meta({ description: "Pass as ?cursor= to /api/v1/pipeline/{stage} for the next cards; null when none are left." });

/** A board card: the opportunity, plus the count of the caller's active early warnings on it. */
export const pipelineCardSchema = opportunityOutputSchema
  .extend({ warningCount: z.int().min(0).meta({ description: "The caller's early warnings on the deal, not acknowledged or snoozed." }) })
  .meta({ id: "PipelineCard" });

export const pipelineColumnPageSchema = z
  .object({ items: z.array(pipelineCardSchema), nextCursor })
  .meta({ id: "PipelineColumnPage", description: "Cards of one column, newest in the stage first." });

export const pipelineColumnSchema = z
  .object({
    stage: stageSchema,
    count: z.int().meta({ description: "Deals in the column over the whole filtered set." }),
    amount: z.string().meta({ example: "1250000.00", description: "Sum of the amounts." }),
    weightedAmount: z.string().meta({ example: "312500.00", description: "Σ amount × the stage's probability, rounded once." }),
    items: z.array(pipelineCardSchema),
    nextCursor,
  })
  .meta({ id: "PipelineColumn" });

export const pipelineBoardSchema = z
  .object({ columns: z.array(pipelineColumnSchema) })
  .meta({ id: "PipelineBoard", description: "Columns P0…P7 and LOST in stage order." });

export type PipelineCard = z.infer<typeof pipelineCardSchema>;
export type PipelineColumnPage = z.infer<typeof pipelineColumnPageSchema>;
export type PipelineColumn = z.infer<typeof pipelineColumnSchema>;
export type PipelineBoard = z.infer<typeof pipelineBoardSchema>;
export type PipelineTotals = Omit<PipelineColumn, "items" | "nextCursor">;

const FILTER_KEYS = Object.keys(pipelineFilterFields) as (keyof typeof pipelineFilterFields)[];

/**
 * For the board page's URL, which people edit and share: each valid filter is kept, a bad one is
 * dropped (the API answers 422 instead), and a reversed close range keeps only its start.
 */
export function readPipelineFilters(params: Record<string, string | string[] | undefined>): PipelineFilters {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = pipelineFilterFields[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") filters[key] = parsed.data;
  }
  const result = filters as PipelineFilters;
  if (result.closeFrom && result.closeTo && result.closeFrom > result.closeTo) delete result.closeTo;
  return result;
}

/** The filters as the query string both the page URL and the API understand, in a stable order. */
export function pipelineFiltersToQuery(filters: PipelineFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === "" || value === false) continue;
    params.set(key, String(value));
  }
  return params.toString();
}
