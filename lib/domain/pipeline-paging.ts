// How deep a board column's page may start (GET /api/v1/pipeline/:stage?offset=N). Here, not in the zod
// schema's module, so the board's browser code can read it without loading zod.

/**
 * The deepest position a column page may start at: PostgreSQL still walks the board index past the rows it
 * skips, which stays a few milliseconds at this depth (measured in scripts/bench-pipeline.ts).
 */
export const PIPELINE_MAX_OFFSET = 100_000;
