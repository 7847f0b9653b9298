// The opportunities table view: its sort, pages, CSV export query and bulk stage move. Filters are the
// pipeline board's (lib/validations/pipeline.ts) under the same query-string names, so a board view and
// a table view of the same deals share one URL query; the table adds a stage filter, sorting and pages.
import { z } from "zod";
import { lostReviewSchema } from "./analysis";
import { idSchema, optionalText, stageSchema } from "./common";
import { opportunityOutputSchema } from "./opportunity";
import { pipelineFilterFields, readPipelineFilters, type PipelineFilters } from "./pipeline";

/** Sortable columns, named as the fields of the Opportunity JSON. */
export const TABLE_SORT_KEYS = [
  "name", "accountName", "ownerName", "stage", "amount", "weightedAmount", "expectedCloseDate", "updatedAt",
] as const;
export type TableSortKey = (typeof TABLE_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export const DEFAULT_TABLE_SORT: { sort: TableSortKey; dir: SortDirection } = { sort: "updatedAt", dir: "desc" };

/** The direction a column sorts in when first chosen: money and recency biggest first, the rest A→Z / P0→P7. */
export function initialSortDirection(sort: TableSortKey): SortDirection {
  return sort === "amount" || sort === "weightedAmount" || sort === "updatedAt" ? "desc" : "asc";
}

export const TABLE_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_TABLE_PAGE_SIZE = 25;

/** At most this many deals in one bulk stage move (one request, one transaction per deal). */
export const BULK_MOVE_MAX_ITEMS = 500;

/** A missing sort is the default one; a missing direction is the column's initial one. */
export function resolveTableSort(sort?: TableSortKey, dir?: SortDirection): { sort: TableSortKey; dir: SortDirection } {
  if (!sort) return { sort: DEFAULT_TABLE_SORT.sort, dir: dir ?? DEFAULT_TABLE_SORT.dir };
  return { sort, dir: dir ?? initialSortDirection(sort) };
}

const closeRangeCheck = {
  check: (input: { closeFrom?: string; closeTo?: string }) => !input.closeFrom || !input.closeTo || input.closeFrom <= input.closeTo,
  params: { path: ["closeTo"], error: "Must be on or after closeFrom." },
};

const tableViewFields = {
  stage: stageSchema.optional().meta({ description: "Only deals in this stage." }),
  sort: z.enum(TABLE_SORT_KEYS, { error: `Use one of ${TABLE_SORT_KEYS.join(", ")}.` }).optional()
    .meta({ description: "Column to sort by (default updatedAt); ties are broken by id." }),
  dir: z.enum(["asc", "desc"], { error: "Use asc or desc." }).optional()
    .meta({ description: "Sort direction (default: desc for amounts and updatedAt, asc otherwise)." }),
};

/** GET /api/v1/opportunities/export.csv: the board's filters plus the table's stage filter and sort. */
export const opportunityExportQuerySchema = z
  .strictObject({ ...pipelineFilterFields, ...tableViewFields })
  .refine(closeRangeCheck.check, closeRangeCheck.params);

export type OpportunityExportQuery = z.output<typeof opportunityExportQuerySchema>;

/** What the table view shows: filters, sort and one page. */
export type OpportunityTableQuery = PipelineFilters & {
  stage?: z.output<typeof stageSchema>;
  sort: TableSortKey;
  dir: SortDirection;
  page: number;
  pageSize: number;
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The table page's URL, which people edit and share: like the board's, each valid parameter is kept and a
 * bad one falls back to its default instead of failing the page.
 */
export function readOpportunityTableQuery(params: Record<string, string | string[] | undefined>): OpportunityTableQuery {
  const stage = tableViewFields.stage.safeParse(first(params.stage));
  const sort = tableViewFields.sort.safeParse(first(params.sort));
  const dir = tableViewFields.dir.safeParse(first(params.dir));
  const page = Number.parseInt(first(params.page) ?? "", 10);
  const pageSize = Number.parseInt(first(params.size) ?? "", 10);
  return {
    ...readPipelineFilters(params),
    ...(stage.success && stage.data ? { stage: stage.data } : {}),
    ...resolveTableSort(sort.success ? sort.data : undefined, dir.success ? dir.data : undefined),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
    pageSize: (TABLE_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_TABLE_PAGE_SIZE,
  };
}

export const bulkStageMoveSchema = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          id: idSchema,
          version: z.int({ error: "version is required (the version you last read)." }).positive(),
        }),
      )
      .min(1, { error: "Choose at least one opportunity." })
      .max(BULK_MOVE_MAX_ITEMS, { error: `At most ${BULK_MOVE_MAX_ITEMS} opportunities at once.` })
      .refine((items) => new Set(items.map((item) => item.id)).size === items.length, { error: "Each opportunity may appear only once." }),
    to: stageSchema,
    lossReason: optionalText(500),
    reason: optionalText(500),
    closeOut: lostReviewSchema.optional().meta({
      description: "For a move to LOST: the loss review written for each deal in that deal's own move transaction (a deal without a complete review is refused).",
    }),
  })
  .refine((input) => input.closeOut === undefined || input.to === "LOST", { path: ["closeOut"], error: "A close-out review goes only with a move to LOST." })
  .meta({
    id: "BulkStageMove",
    description: "Each item moves through the one stage-move path with its own version; a LOST move needs each deal's complete close-out review (closeOut, or one saved before).",
  });

export type BulkStageMove = z.output<typeof bulkStageMoveSchema>;

export const BULK_REFUSAL_CODES = ["CONFLICT", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "INTERNAL"] as const;
export type BulkRefusalCode = (typeof BULK_REFUSAL_CODES)[number];

export const bulkStageMoveResultSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["moved", "refused"]),
    code: z.enum(BULK_REFUSAL_CODES).optional()
      .meta({ description: "Why a row was refused: CONFLICT (stale version), FORBIDDEN, NOT_FOUND (missing or not visible), VALIDATION." }),
    message: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), criterionId: z.string().optional(), kind: z.string().optional(), stage: z.string().optional() }))
      .optional()
      .meta({ description: "On VALIDATION with several reasons, e.g. each unmet stage-gate criterion (path \"gates\")." }),
    currentVersion: z.int().optional().meta({ description: "On CONFLICT: the version the deal has now." }),
    opportunity: opportunityOutputSchema.optional().meta({ description: "The moved deal (version + 1)." }),
  })
  .meta({ id: "BulkStageMoveResult" });

export const bulkStageMoveResponseSchema = z
  .object({ results: z.array(bulkStageMoveResultSchema) })
  .meta({ id: "BulkStageMoveResponse", description: "One result per item, in the order sent." });

export type BulkStageMoveResult = z.infer<typeof bulkStageMoveResultSchema>;
export type BulkStageMoveResponse = z.infer<typeof bulkStageMoveResponseSchema>;

/** The table's filters and sort as a query string the page URL and the export endpoint both understand. */
export function opportunityTableToQuery(query: Partial<OpportunityTableQuery>, options: { isPaged?: boolean } = {}): string {
  const params = new URLSearchParams();
  const keys = [...Object.keys(pipelineFilterFields), "stage"] as (keyof OpportunityTableQuery)[];
  for (const key of keys) {
    const value = query[key];
    if (value === undefined || value === "" || value === false) continue;
    params.set(key, String(value));
  }
  // Defaults stay out of the URL, so an unsorted view keeps a short, stable address.
  const { sort, dir } = resolveTableSort(query.sort, query.dir);
  if (sort !== DEFAULT_TABLE_SORT.sort) params.set("sort", sort);
  const impliedDir = sort === DEFAULT_TABLE_SORT.sort ? DEFAULT_TABLE_SORT.dir : initialSortDirection(sort);
  if (dir !== impliedDir) params.set("dir", dir);
  if (options.isPaged) {
    if (query.page && query.page > 1) params.set("page", String(query.page));
    if (query.pageSize && query.pageSize !== DEFAULT_TABLE_PAGE_SIZE) params.set("size", String(query.pageSize));
  }
  return params.toString();
}
