// The board's calls to REST API v1 and its TanStack Query keys. Errors arrive as problem documents and
// become BoardRequestError, so the UI can say in words why the server refused.
import type { OpportunityOutput } from "@/lib/validations/opportunity";
import type { PipelineBoard, PipelineColumnPage, PipelineTotals } from "@/lib/validations/pipeline";
import type { StageKey } from "@/lib/domain/stages";
import type { FieldError } from "@/lib/errors";

/** A refused stage move lists each unmet gate criterion (path "gates") with its id, kind and stage. */
export type Problem = { status: number; title?: string; detail?: string; errors?: FieldError[] };

export class BoardRequestError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = "BoardRequestError";
    this.problem = problem;
  }
}

async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers }, cache: "no-store" });
  } catch {
    throw new BoardRequestError({ status: 0 });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
    throw new BoardRequestError({ ...body, status: response.status });
  }
  return (await response.json()) as T;
}

const withQuery = (path: string, query: string, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

export function fetchColumnPage(stage: StageKey, filterQuery: string, cursor: string | null, limit?: number): Promise<PipelineColumnPage> {
  const extra: Record<string, string> = cursor ? { cursor } : {};
  if (limit) extra.limit = String(limit);
  return requestJson(withQuery(`/api/v1/pipeline/${stage}`, filterQuery, extra));
}

export async function fetchTotals(filterQuery: string): Promise<PipelineTotals[]> {
  const board = await requestJson<PipelineBoard>(withQuery("/api/v1/pipeline", filterQuery, { limit: "0" }));
  return board.columns.map(({ stage, count, amount, weightedAmount }) => ({ stage, count, amount, weightedAmount }));
}

export function moveDeal(id: string, body: { to: StageKey; version: number; lossReason?: string }): Promise<OpportunityOutput> {
  return requestJson(`/api/v1/opportunities/${id}/stage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * Keys carry the server render they started from (`renderedAt`): a new server render (filters changed,
 * navigation) starts from its own fresh first pages instead of an older cache.
 */
export const boardKeys = {
  column: (renderedAt: string, filterQuery: string, stage: StageKey) => ["pipeline", renderedAt, filterQuery, "column", stage] as const,
  totals: (renderedAt: string, filterQuery: string) => ["pipeline", renderedAt, filterQuery, "totals"] as const,
};
