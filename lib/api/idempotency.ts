// Runs a POST under its Idempotency-Key (lib/data/idempotency.ts keeps the keys and stored responses): the
// first request runs and its answer is stored, a retry gets that answer with Idempotent-Replayed: true.
import "server-only";
import {
  claimIdempotencyKey, completeIdempotencyKey, hashRequest, releaseIdempotencyKey, type StoredResponse,
} from "@/lib/data/idempotency";
import type { Ctx } from "@/lib/permissions";

type ErrorMapper = (error: unknown) => Response;

function replay(stored: StoredResponse): Response {
  const headers: Record<string, string> = { "cache-control": "no-store", "idempotent-replayed": "true" };
  if (stored.contentType) headers["content-type"] = stored.contentType;
  if (stored.location) headers.location = stored.location;
  return new Response(stored.body || null, { status: stored.status, headers });
}

export async function runIdempotently(
  request: Request, ctx: Ctx, key: string, run: () => Promise<Response>, toResponse: ErrorMapper,
): Promise<Response> {
  const url = new URL(request.url);
  const requestHash = hashRequest(request.method, url.pathname + url.search, await request.clone().text());
  const claim = await claimIdempotencyKey(ctx, key, requestHash);
  if (claim.kind === "replay") return replay(claim.response);
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    // A refusal (4xx) is an answer like any other and is replayed; an unexpected failure frees the key below.
    response = toResponse(error);
  }
  if (response.status >= 500) {
    await releaseIdempotencyKey(ctx, key).catch(() => undefined);
    return response;
  }
  const body = await response.clone().text();
  await completeIdempotencyKey(ctx, key, {
    status: response.status, contentType: response.headers.get("content-type"), body, location: response.headers.get("location"),
  });
  return response;
}
