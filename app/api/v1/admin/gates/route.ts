import { apiRoute, created, json, parseBody, parseQuery } from "@/lib/api/http";
import { auditMetaOf } from "@/lib/api/request-meta";
import { createGateCriterion, listGateCriteria } from "@/lib/data/gates";
import { assertCan } from "@/lib/permissions";
import { gateCriterionInputSchema, gateCriterionListQuerySchema } from "@/lib/validations/gates";

export const dynamic = "force-dynamic";

// GET /api/v1/admin/gates — the org's active gate criteria in stage order (admins only)
export const GET = apiRoute(async (request, ctx) => {
  assertCan(ctx, "gates.configure");
  return json(await listGateCriteria(ctx, parseQuery(request, gateCriterionListQuerySchema)));
});

// POST /api/v1/admin/gates — add an entry criterion to a stage (audited)
export const POST = apiRoute(async (request, ctx) => {
  assertCan(ctx, "gates.configure");
  const criterion = await createGateCriterion(ctx, await parseBody(request, gateCriterionInputSchema), auditMetaOf(request));
  return created(criterion, `/api/v1/admin/gates/${criterion.id}`);
});
